/** Import this (for its effect) from /screen: it adds the display screen's messages to `t()`. */
import { addChineseFirst } from './index.svelte.js';
import { screenZh } from './screen-zh.js';

addChineseFirst(screenZh, () => import('./screen-en.js').then((m) => m.screenEn));
