/**
 * Import this (for its effect) from a proposal's page: it adds the messages of its first screen
 * (status steps and backing) to `t()`, the English half only for someone reading English.
 * The later parts' messages come with them (proposal-detail.ts).
 */
import { addChineseFirst } from './index.svelte.js';
import { proposalZh } from './proposal-zh.js';

addChineseFirst(proposalZh, () => import('./proposal-en.js').then((m) => m.proposalEn));
