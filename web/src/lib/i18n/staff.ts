/**
 * Import this (for its effect) from committee and staff code: it adds their messages to `t()`.
 * Residents' pages never import it, so they never download these messages.
 */
import { addChineseFirst } from './index.svelte.js';
import { staffZh } from './staff-zh.js';

addChineseFirst(staffZh, () => import('./staff-en.js').then((m) => m.staffEn));
