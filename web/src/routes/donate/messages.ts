/**
 * The donate form's messages, added to `t()` where the form is used. The form itself also loads the
 * ledger's shared words ($lib/i18n/ledger.js); the page around it needs only these.
 */
import { addChineseFirst } from '$lib/i18n/index.svelte.js';
import { ledgerDonateZh } from '$lib/i18n/ledger-donate-zh.js';

addChineseFirst(ledgerDonateZh, () => import('$lib/i18n/ledger-donate-en.js').then((m) => m.ledgerDonateEn));
