/** Import this (for its effect) from the home page: it adds its messages to `t()`, so other pages never download them. */
import { addChineseFirst } from './index.svelte.js';
import { homeZh } from './home-zh.js';

addChineseFirst(homeZh, () => import('./home-en.js').then((m) => m.homeEn));
