/** The three money-valued sources, in the same order and colours in the chart and the project bars. */
import type { Funding } from '$contracts/ledger.js';
import type { MessageKey } from '$lib/i18n/index.svelte.js';

export const sources = [
  { key: 'government', field: 'governmentFen', label: 'ledger.source.government', colour: '#0b4f9c' },
  { key: 'donations', field: 'donationsFen', label: 'ledger.source.donations', colour: '#9b1c1c' },
  { key: 'inKind', field: 'inKindFen', label: 'ledger.source.inKind', colour: '#14532d' },
] as const satisfies readonly { key: string; field: keyof Funding; label: MessageKey; colour: string }[];

/** Money and goods raised (government + donations + goods' estimated value). */
export const raisedFen = (f: Funding): number => f.governmentFen + f.donationsFen + f.inKindFen;
