/**
 * Import this (for its effect) from the ballot pages: it adds their messages to `t()`. Other pages
 * never import it, so they never download these messages.
 */
import { ballotsEn } from './ballots-en.js';
import { ballotsZh } from './ballots-zh.js';
import { addMessages } from './index.svelte.js';

addMessages(ballotsZh, ballotsEn);
