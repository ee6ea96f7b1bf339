/**
 * Import this (for its effect) from the ledger and donate pages: it adds the ledger's shared
 * messages to `t()`. Each page adds its own part too (routes/…/messages.ts); other pages never
 * import any of them, so they never download these messages. The English half is fetched only by
 * someone reading English.
 */
import './ledger-summary.js';
import { addChineseFirst } from './index.svelte.js';
import { ledgerZh } from './ledger-zh.js';

addChineseFirst(ledgerZh, () => import('./ledger-en.js').then((m) => m.ledgerEn));
