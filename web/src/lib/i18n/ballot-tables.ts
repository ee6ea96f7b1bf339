/**
 * Import this (for its effect) from the result's tables: it adds its messages in
 * both languages to `t()`. That code downloads only when a reader needs it, so its English
 * messages are not worth a download of their own.
 */
import { addMessages } from './index.svelte.js';
import { ballotTablesEn } from './ballot-tables-en.js';
import { ballotTablesZh } from './ballot-tables-zh.js';

addMessages(ballotTablesZh, ballotTablesEn);
