/**
 * Import this (for its effect) from committee and staff code: it adds their messages to `t()`.
 * Residents' pages never import it, so they never download these messages.
 */
import { addMessages } from './index.svelte.js';
import { staffEn } from './staff-en.js';
import { staffZh } from './staff-zh.js';

addMessages(staffZh, staffEn);
