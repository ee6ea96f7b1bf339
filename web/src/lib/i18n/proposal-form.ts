/**
 * Import this (for its effect) from the proposal form and the committee's answer form: it adds
 * their own checks' messages to `t()`, the English half only for someone reading English.
 */
import { addChineseFirst } from './index.svelte.js';
import { proposalFormZh } from './proposal-form-zh.js';

addChineseFirst(proposalFormZh, () => import('./proposal-form-en.js').then((m) => m.proposalFormEn));
