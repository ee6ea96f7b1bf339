/**
 * Import this (for its effect) from the join, my-data and join-code pages: it adds their messages
 * to `t()`, Chinese with the page and English fetched only for English readers.
 */
import { addChineseFirst } from './index.svelte.js';
import { joiningZh } from './joining-zh.js';

addChineseFirst(joiningZh, () => import('./joining-en.js').then((m) => m.joiningEn));
