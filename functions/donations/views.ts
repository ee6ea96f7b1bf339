/**
 * What each audience sees of an entry, pure. The public view is built from the hashed public part
 * only (an anonymous donor's name is already null there, and no user id is in it); the full view
 * adds the private part for staff, committee and the donor.
 */
import type { LedgerEntry, LedgerEntryFull, Project } from '../contracts/ledger.js';
import { bucketOf, fundingOf, isGift, statusOf, type ChainItem, type LedgerState, type PublicEntry } from './ledger.js';

interface Derived { status: LedgerEntry['status']; reversedBy: string | null; confirmedBy: string | null }

export const derivedNow = (state: LedgerState, e: PublicEntry): Derived => ({
  status: statusOf(state, e), reversedBy: state.reversedBy.get(e.id) ?? null, confirmedBy: state.confirmedBy.get(e.id) ?? null,
});
/** As the entry was when it was recorded: what a write answers, and so what a replay answers again. */
export const derivedAtRecording = (e: PublicEntry): Derived =>
  ({ status: isGift(e) ? 'pledged' : 'recorded', reversedBy: null, confirmedBy: null });

export function publicView(item: ChainItem, d: Derived): LedgerEntry {
  const { commitment: _c, ...e } = item.e;
  return { ...e, ...d, hash: item.h } as LedgerEntry;
}

export function fullView(item: ChainItem, d: Derived): LedgerEntryFull {
  const { commitment: _c, ...e } = item.e;
  const base = { ...e, ...d, hash: item.h };
  if (!isGift(e)) return base as LedgerEntryFull;
  const p = item.p;
  return {
    ...base,
    ...(e.kind === 'money_gift' && p?.reference !== undefined ? { reference: p.reference } : {}),
    donor: { name: p?.donorName ?? e.donor.name ?? '', donorType: e.donor.donorType, userId: p?.donorUserId ?? null, evidence: p?.evidence ?? null },
  } as LedgerEntryFull;
}

export function projectView(state: LedgerState, id: string): Project | null {
  const i = state.byId.get(id);
  const item = i === undefined ? undefined : state.items[i];
  if (!item || item.e.kind !== 'project') return null;
  const e = item.e;
  return {
    id: e.id, communityId: e.communityId, title: e.title, description: e.description, budgetFen: e.budgetFen, proposalId: e.proposalId,
    createdAt: e.recordedAt, createdBy: e.enteredBy ?? { id: 'unknown', name: '' }, funding: fundingOf(state.buckets.get(bucketOf(e.id))!),
  };
}

export const projectsOf = (state: LedgerState): Project[] =>
  state.items.filter((i) => i.e.kind === 'project').map((i) => projectView(state, i.e.id)!);

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; a leading = + - @ is defused for spreadsheets. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'position', 'id', 'recordedAt', 'kind', 'status', 'projectId', 'amountFen', 'item', 'quantity', 'unit', 'estimatedValueFen',
  'donor', 'donorType', 'visibility', 'channel', 'reference', 'payee', 'purpose', 'receiptNumber', 'source', 'minutes', 'volunteers',
  'confirms', 'reverses', 'reason', 'note', 'title', 'budgetFen', 'enteredBy', 'prevHash', 'hash',
] as const;

/** The public ledger as CSV: a UTF-8 BOM (so spreadsheet programs read Chinese), CRLF line ends. */
export function ledgerCsv(state: LedgerState): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of state.items) {
    const v = publicView(item, derivedNow(state, item.e)) as Record<string, unknown>;
    const donor = v.donor as { name: string | null; donorType: string } | undefined;
    const row: Record<string, unknown> = {
      ...v, donor: donor ? (donor.name ?? '') : null, donorType: donor?.donorType ?? null,
      enteredBy: (v.enteredBy as { name: string } | null)?.name ?? null,
      description: undefined,
    };
    // One text column for what the entry is about, whatever its kind calls it.
    if (item.e.kind === 'volunteer_hours') row.purpose = item.e.description;
    if (item.e.kind === 'in_kind_use' || item.e.kind === 'expense') row.purpose = item.e.purpose;
    if (item.e.kind === 'money_gift' || item.e.kind === 'in_kind_gift') row.note = item.e.message;
    lines.push(CSV_COLUMNS.map((c) => csvField(row[c] as string | number | null | undefined)).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
