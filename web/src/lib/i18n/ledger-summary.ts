/**
 * Import this (for its effect) where the ledger's first screen is shown (the ledger page): it adds
 * the totals' and open data's messages to `t()`, the English half only for English readers. The
 * rest of the ledger's words come with ledger.ts, which the parts below the first screen import.
 */
import { addChineseFirst } from './index.svelte.js';
import { ledgerSummaryZh } from './ledger-summary-zh.js';

addChineseFirst(ledgerSummaryZh, () => import('./ledger-summary-en.js').then((m) => m.ledgerSummaryEn));
