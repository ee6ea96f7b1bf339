/**
 * Import this (for its effect) from the committee and staff tools and the new-ballot page: it adds
 * their messages in both languages to `t()`. That code downloads only when a reader needs it, so
 * its English messages are not worth a download of their own.
 */
import { addMessages } from './index.svelte.js';
import { ballotToolsEn } from './ballot-tools-en.js';
import { ballotToolsZh } from './ballot-tools-zh.js';

addMessages(ballotToolsZh, ballotToolsEn);
