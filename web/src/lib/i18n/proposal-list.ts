/**
 * Import this (for its effect) from the proposals list: it adds its messages (the filters) to
 * `t()`, the English half only for someone reading English.
 */
import { addChineseFirst } from './index.svelte.js';
import { proposalListZh } from './proposal-list-zh.js';

addChineseFirst(proposalListZh, () => import('./proposal-list-en.js').then((m) => m.proposalListEn));
