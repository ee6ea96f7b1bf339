/** Import this (for its effect) from /screen: it adds the display screen's messages to `t()`. */
import { addMessages } from './index.svelte.js';
import { screenEn } from './screen-en.js';
import { screenZh } from './screen-zh.js';

addMessages(screenZh, screenEn);
