/** The staff and committee screens' messages, added to `t()` only by their code (this page, the entry tools). */
import '$lib/i18n/ledger.js';
import { addChineseFirst } from '$lib/i18n/index.svelte.js';
import { ledgerStaffZh } from '$lib/i18n/ledger-staff-zh.js';

addChineseFirst(ledgerStaffZh, () => import('$lib/i18n/ledger-staff-en.js').then((m) => m.ledgerStaffEn));
