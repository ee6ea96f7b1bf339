/**
 * Import this (for its effect) from the grid member's call list: it adds its messages (and the staff
 * pages' frame) to `t()`, the English half only for English readers.
 */
import './registry.js';
import { addChineseFirst } from './index.svelte.js';
import { callsZh } from './calls-zh.js';

addChineseFirst(callsZh, () => import('./calls-en.js').then((m) => m.callsEn));
