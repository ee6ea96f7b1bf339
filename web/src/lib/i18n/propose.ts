/** Import this (for its effect) from the new-proposal form: it adds its messages to `t()`, so other pages never download them. */
import { addChineseFirst } from './index.svelte.js';
import { proposeZh } from './propose-zh.js';

addChineseFirst(proposeZh, () => import('./propose-en.js').then((m) => m.proposeEn));
