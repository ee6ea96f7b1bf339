/**
 * Import this (for its effect) from the platform admin's and the staff pages: it adds their
 * frame's messages to `t()`, the English half only for English readers.
 */
import { addChineseFirst } from './index.svelte.js';
import { registryZh } from './registry-zh.js';

addChineseFirst(registryZh, () => import('./registry-en.js').then((m) => m.registryEn));
