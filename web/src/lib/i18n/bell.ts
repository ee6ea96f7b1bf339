/**
 * Import this (for its effect) from the header's bell: it adds its messages to `t()`. Visitors never
 * get the bell, so they never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { bellZh } from './bell-zh.js';

addChineseFirst(bellZh, () => import('./bell-en.js').then((m) => m.bellEn));
