/** Import this (for its effect) from the home page: it adds its messages to `t()`, so other pages never download them. */
import { addMessages } from './index.svelte.js';
import { homeEn } from './home-en.js';
import { homeZh } from './home-zh.js';

addMessages(homeZh, homeEn);
