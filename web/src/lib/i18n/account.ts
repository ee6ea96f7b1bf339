/**
 * Import this (for its effect) from the account pages (sign-in, callback, my bookings): it adds
 * their messages to `t()`, so other pages never download them.
 */
import { addMessages } from './index.svelte.js';
import { accountEn } from './account-en.js';
import { accountZh } from './account-zh.js';

addMessages(accountZh, accountEn);
