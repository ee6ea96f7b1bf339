/**
 * Import this (for its effect) from the rule box: it adds its messages in
 * both languages to `t()`. That code downloads only when a reader needs it, so its English
 * messages are not worth a download of their own.
 */
import { addMessages } from './index.svelte.js';
import { ballotRuleEn } from './ballot-rule-en.js';
import { ballotRuleZh } from './ballot-rule-zh.js';

addMessages(ballotRuleZh, ballotRuleEn);
