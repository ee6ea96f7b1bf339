/** Import this (for its effect) from the new-proposal form: it adds its messages to `t()`, so other pages never download them. */
import { addMessages } from './index.svelte.js';
import { proposeEn } from './propose-en.js';
import { proposeZh } from './propose-zh.js';

addMessages(proposeZh, proposeEn);
