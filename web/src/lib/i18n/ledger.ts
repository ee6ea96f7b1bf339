/**
 * Import this (for its effect) from the ledger and donate pages: it adds the ledger's shared
 * messages to `t()`. Each page adds its own part too (routes/…/messages.ts); other pages never
 * import any of them, so they never download these messages.
 */
import { addMessages } from './index.svelte.js';
import { ledgerEn } from './ledger-en.js';
import { ledgerZh } from './ledger-zh.js';

addMessages(ledgerZh, ledgerEn);
