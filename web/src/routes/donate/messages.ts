/**
 * The donate form's messages, added to `t()` where the form is used. The form itself also loads the
 * ledger's shared words ($lib/i18n/ledger.js); the page around it needs only these.
 */
import { addMessages } from '$lib/i18n/index.svelte.js';
import { ledgerDonateEn } from '$lib/i18n/ledger-donate-en.js';
import { ledgerDonateZh } from '$lib/i18n/ledger-donate-zh.js';

addMessages(ledgerDonateZh, ledgerDonateEn);
