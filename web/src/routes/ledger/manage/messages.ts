/** The staff and committee screens' messages, added to `t()` only by their code (this page, the entry tools). */
import '$lib/i18n/ledger.js';
import { addMessages } from '$lib/i18n/index.svelte.js';
import { ledgerStaffEn } from '$lib/i18n/ledger-staff-en.js';
import { ledgerStaffZh } from '$lib/i18n/ledger-staff-zh.js';

addMessages(ledgerStaffZh, ledgerStaffEn);
