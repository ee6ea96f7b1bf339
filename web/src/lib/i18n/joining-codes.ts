/**
 * Import this (for its effect) from the join-code page: it adds the codes' and letters' messages to
 * `t()`, Chinese with the page and English fetched only for English readers.
 */
import { addChineseFirst } from './index.svelte.js';
import { joiningCodesZh } from './joining-codes-zh.js';

addChineseFirst(joiningCodesZh, () => import('./joining-codes-en.js').then((m) => m.joiningCodesEn));
