/**
 * Import this (for its effect) from the receipt list: it adds its messages in
 * both languages to `t()`. That code downloads only when a reader needs it, so its English
 * messages are not worth a download of their own.
 */
import { addMessages } from './index.svelte.js';
import { ballotReceiptsEn } from './ballot-receipts-en.js';
import { ballotReceiptsZh } from './ballot-receipts-zh.js';

addMessages(ballotReceiptsZh, ballotReceiptsEn);
