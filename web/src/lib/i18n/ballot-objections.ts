/**
 * Import this (for its effect) from the objections part: it adds its messages in
 * both languages to `t()`. That code downloads only when a reader needs it, so its English
 * messages are not worth a download of their own.
 */
import { addMessages } from './index.svelte.js';
import { ballotObjectionsEn } from './ballot-objections-en.js';
import { ballotObjectionsZh } from './ballot-objections-zh.js';

addMessages(ballotObjectionsZh, ballotObjectionsEn);
