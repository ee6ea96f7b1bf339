/** The entry page's messages (and the ledger's shared ones), added to `t()` when this page loads. */
import '$lib/i18n/ledger.js';
import { addChineseFirst } from '$lib/i18n/index.svelte.js';
import { ledgerEntryZh } from '$lib/i18n/ledger-entry-zh.js';

addChineseFirst(ledgerEntryZh, () => import('$lib/i18n/ledger-entry-en.js').then((m) => m.ledgerEntryEn));
