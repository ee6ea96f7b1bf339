/**
 * Import this (for its effect) from the account pages (sign-in, callback, my bookings): it adds
 * their messages to `t()`, so other pages never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { accountZh } from './account-zh.js';

addChineseFirst(accountZh, () => import('./account-en.js').then((m) => m.accountEn));
