/** Message keys for the ledger's enums, and how its amounts read (fen → ¥, minutes → hours). */
import type { Channel, EntryKind, EntryStatus, LedgerEntry, LedgerEntryFull } from '$contracts/ledger.js';
import { formatFen } from '$lib/format.js';
import { t, type Lang, type MessageKey } from '$lib/i18n/index.svelte.js';

export const kindKey = {
  project: 'ledger.kind.project',
  money_gift: 'ledger.kind.money_gift',
  in_kind_gift: 'ledger.kind.in_kind_gift',
  confirmation: 'ledger.kind.confirmation',
  government_allocation: 'ledger.kind.government_allocation',
  expense: 'ledger.kind.expense',
  in_kind_use: 'ledger.kind.in_kind_use',
  volunteer_hours: 'ledger.kind.volunteer_hours',
  reversal: 'ledger.kind.reversal',
} as const satisfies Record<EntryKind, MessageKey>;

export const statusKey = {
  pledged: 'ledger.status.pledged',
  confirmed: 'ledger.status.confirmed',
  recorded: 'ledger.status.recorded',
  reversed: 'ledger.status.reversed',
} as const satisfies Record<EntryStatus, MessageKey>;

export const channelKey = {
  cash: 'ledger.channel.cash',
  bank_transfer: 'ledger.channel.bank_transfer',
  wechat_pay: 'ledger.channel.wechat_pay',
} as const satisfies Record<Channel, MessageKey>;

export const kinds = Object.keys(kindKey) as EntryKind[];
export const statuses = Object.keys(statusKey) as EntryStatus[];
export const channels = Object.keys(channelKey) as Channel[];

/** 750 minutes → "12 小时 30 分钟" / "12 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0 && m > 0) return t('ledger.minutesOnly', { minutes: m });
  return m === 0 ? t('ledger.hoursOnly', { hours: h }) : t('ledger.hoursMinutes', { hours: h, minutes: m });
}

type AnyEntry = LedgerEntry | LedgerEntryFull;

/** Who gave, as this reader may see it: 匿名 / Anonymous when the public view hides the name. */
export function donorName(e: AnyEntry): string | null {
  if (e.kind !== 'money_gift' && e.kind !== 'in_kind_gift') return null;
  if (e.donor.name === null) return t('ledger.anonymous');
  return e.visibility === 'anonymous' ? t('ledger.anonymousShownToYou', { name: e.donor.name }) : e.donor.name;
}

/** The entry's amount or quantity in one short phrase. */
export function entryAmount(e: AnyEntry, lang: Lang): string {
  switch (e.kind) {
    case 'money_gift': case 'government_allocation': case 'expense': return formatFen(e.amountFen, lang);
    case 'in_kind_gift': return t('ledger.goodsWorth', { quantity: e.quantity, unit: e.unit, item: e.item, value: formatFen(e.estimatedValueFen, lang) });
    case 'in_kind_use': return t('ledger.goods', { quantity: e.quantity, unit: e.unit, item: e.item });
    case 'volunteer_hours': return t('ledger.volunteerTime', { time: formatMinutes(e.minutes), volunteers: e.volunteers });
    case 'project': return t('ledger.budgetOf', { budget: formatFen(e.budgetFen, lang) });
    default: return '';
  }
}

/** Money moves in (+), out (−), or not at all for this entry. */
export function direction(e: AnyEntry): 'in' | 'out' | 'none' {
  if (e.kind === 'money_gift' || e.kind === 'in_kind_gift' || e.kind === 'government_allocation' || e.kind === 'volunteer_hours') return 'in';
  if (e.kind === 'expense' || e.kind === 'in_kind_use') return 'out';
  return 'none';
}

/** Whole percent of `part` in `whole`, for bars (0 when there is no whole). */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.floor((part * 100) / whole) : 0);
