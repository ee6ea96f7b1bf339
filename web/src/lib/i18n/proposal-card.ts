/**
 * Imported (for its effect) by labels-category.ts, which every place that shows a proposal's
 * category imports (a proposal card, the list's filter, the proposal form, a proposal's details):
 * it adds their messages to `t()`, the English half only for someone reading English, so pages
 * that show no proposal never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { proposalCardZh } from './proposal-card-zh.js';

addChineseFirst(proposalCardZh, () => import('./proposal-card-en.js').then((m) => m.proposalCardEn));
