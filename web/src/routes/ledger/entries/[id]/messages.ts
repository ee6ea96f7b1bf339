/** The entry page's messages (and the ledger's shared ones), added to `t()` when this page loads. */
import '$lib/i18n/ledger.js';
import { addMessages } from '$lib/i18n/index.svelte.js';
import { ledgerEntryEn } from '$lib/i18n/ledger-entry-en.js';
import { ledgerEntryZh } from '$lib/i18n/ledger-entry-zh.js';

addMessages(ledgerEntryZh, ledgerEntryEn);
