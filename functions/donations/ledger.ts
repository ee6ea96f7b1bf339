/**
 * The ledger's domain, pure: what an entry is, how the chain's entries fold into funding per
 * project (`apply`), and which new entries the folded state allows (`check`). No I/O.
 *
 * Nothing is stored twice: totals, a gift's status and the in-kind stock are always a fold over the
 * chain, so they cannot drift from the entries; the property tests in test/unit/ledger-*.test.ts hold
 * `apply` to an independent recomputation over random sequences.
 */
import type { Channel, DonorType, EntryKind, EntryStatus, Funding, Visibility } from '../contracts/ledger.js';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.js';
import { canonical, GENESIS, hashOf, sha256 } from './chain.js';

export interface Person { id: string; name: string }
export interface PublicDonor { name: string | null; donorType: DonorType }

export type Payload =
  | { kind: 'project'; title: string; description: string; budgetFen: number; proposalId: string | null }
  | { kind: 'money_gift'; amountFen: number; currency: 'CNY'; channel: Channel; reference: string | null; visibility: Visibility; donor: PublicDonor; message: string | null }
  | { kind: 'in_kind_gift'; item: string; quantity: number; unit: string; estimatedValueFen: number; visibility: Visibility; donor: PublicDonor; message: string | null }
  | { kind: 'confirmation'; confirms: string; note: string | null }
  | { kind: 'government_allocation'; amountFen: number; source: string; reference: string | null }
  | { kind: 'expense'; amountFen: number; payee: string; purpose: string; receiptPhotoKey: string | null; receiptNumber: string | null }
  | { kind: 'in_kind_use'; item: string; quantity: number; unit: string; purpose: string }
  | { kind: 'volunteer_hours'; minutes: number; volunteers: number; description: string; workedOn: string }
  | { kind: 'reversal'; reverses: string; reason: string };

/** What is hashed and published. `commitment` is the SHA-256 of the private part, when there is one. */
export type PublicEntry = Payload & {
  position: number; id: string; communityId: string; recordedAt: string;
  /** null: the general fund; a project entry names itself. */
  projectId: string | null;
  enteredBy: Person | null;
  prevHash: string;
  commitment?: string;
};

/** Never public: who gave (when anonymous, or their user id always), evidence, the idempotency key. */
export interface PrivatePart {
  /** Random, so that a commitment cannot be matched against guessed names. */
  salt: string;
  donorName?: string;
  donorUserId?: string;
  evidence?: string;
  /** An anonymous gift's bank or WeChat Pay reference (it could lead back to the payer). */
  reference?: string;
  idem?: { scope: string; key: string; requestHash: string };
  /**
   * Set when the donor left the platform (PIPL): the name, user id, evidence and reference were
   * erased, `donorName` is their pseudonym, and the commitment the entry was chained with is kept
   * here so the chain still verifies without the erased part.
   */
  erasedAt?: string;
  erasedCommitment?: string;
}

/** One stored entry: the public part, its hash, and the private part. */
export interface ChainItem { e: PublicEntry; h: string; p?: PrivatePart }

/** A new entry before it has a place in the chain. */
export interface Draft { payload: Payload; projectId: string | null; enteredBy: Person | null; priv?: PrivatePart }

/** The general fund's bucket. */
export const GENERAL = 'general';

interface StockLine { item: string; unit: string; received: number; used: number }
export interface Bucket {
  budgetFen: number | null;
  governmentFen: number; donationsFen: number; inKindFen: number; volunteerMinutes: number;
  pledgedFen: number; inKindPledgedFen: number; spentFen: number;
  stock: Map<string, StockLine>;
}

export interface LedgerState {
  communityId: string;
  length: number;
  headHash: string;
  /** items[i] is position i + 1. */
  items: ChainItem[];
  byId: Map<string, number>;
  reversedBy: Map<string, string>;
  confirmedBy: Map<string, string>;
  /** By project id, and GENERAL. */
  buckets: Map<string, Bucket>;
  /** Proposal id → project id. */
  proposals: Map<string, string>;
  /** `scope \0 key` → the entry it made and the request it was for. */
  idem: Map<string, { index: number; requestHash: string }>;
}

const emptyBucket = (budgetFen: number | null): Bucket => ({
  budgetFen, governmentFen: 0, donationsFen: 0, inKindFen: 0, volunteerMinutes: 0, pledgedFen: 0, inKindPledgedFen: 0, spentFen: 0, stock: new Map(),
});

export function emptyState(communityId: string): LedgerState {
  return {
    communityId, length: 0, headHash: GENESIS, items: [], byId: new Map(), reversedBy: new Map(), confirmedBy: new Map(),
    buckets: new Map([[GENERAL, emptyBucket(null)]]), proposals: new Map(), idem: new Map(),
  };
}

export const idemKey = (scope: string, key: string): string => `${scope}\u0000${key}`;
const stockKey = (item: string, unit: string) => `${item}\u0000${unit}`;
export const bucketOf = (projectId: string | null): string => projectId ?? GENERAL;
export const isGift = (p: Payload): p is Extract<Payload, { kind: 'money_gift' | 'in_kind_gift' }> =>
  p.kind === 'money_gift' || p.kind === 'in_kind_gift';

const entryOf = (state: LedgerState, id: string): ChainItem | undefined => {
  const i = state.byId.get(id);
  return i === undefined ? undefined : state.items[i];
};

function line(b: Bucket, item: string, unit: string): StockLine {
  const k = stockKey(item, unit);
  let l = b.stock.get(k);
  if (!l) b.stock.set(k, (l = { item, unit, received: 0, used: 0 }));
  return l;
}

/**
 * Adds (sign +1) or takes away (−1) one entry's effect on its bucket, given whether the gift is
 * confirmed. Reversals and confirmations call it for the entries they touch.
 */
function effect(state: LedgerState, e: PublicEntry, sign: 1 | -1, confirmed: boolean): void {
  const b = state.buckets.get(bucketOf(e.projectId));
  if (!b) return;
  switch (e.kind) {
    case 'money_gift':
      if (confirmed) b.donationsFen += sign * e.amountFen; else b.pledgedFen += sign * e.amountFen;
      return;
    case 'in_kind_gift':
      if (confirmed) {
        b.inKindFen += sign * e.estimatedValueFen;
        line(b, e.item, e.unit).received += sign * e.quantity;
      } else b.inKindPledgedFen += sign * e.estimatedValueFen;
      return;
    case 'government_allocation': b.governmentFen += sign * e.amountFen; return;
    case 'expense': b.spentFen += sign * e.amountFen; return;
    case 'in_kind_use': line(b, e.item, e.unit).used += sign * e.quantity; return;
    case 'volunteer_hours': b.volunteerMinutes += sign * e.minutes; return;
    default: return;
  }
}

/**
 * Folds the next entry of the chain into the state (mutating it). Entries at or below the state's
 * length were already folded and are skipped, so folding the same page twice is harmless. Entries
 * that make no sense (only possible if someone wrote the table by hand) change no totals.
 */
export function apply(state: LedgerState, item: ChainItem): void {
  const e = item.e;
  if (e.position <= state.length) return;
  if (e.position !== state.length + 1) throw new Error(`ledger gap: expected position ${state.length + 1}, got ${e.position}`);
  const index = state.items.length;
  state.items.push(item);
  state.byId.set(e.id, index);
  state.length = e.position;
  state.headHash = item.h;
  if (item.p?.idem) state.idem.set(idemKey(item.p.idem.scope, item.p.idem.key), { index, requestHash: item.p.idem.requestHash });
  switch (e.kind) {
    case 'project':
      if (!state.buckets.has(e.id)) state.buckets.set(e.id, emptyBucket(e.budgetFen));
      if (e.proposalId) state.proposals.set(e.proposalId, e.id);
      return;
    case 'confirmation': {
      const gift = entryOf(state, e.confirms);
      if (!gift || !isGift(gift.e) || state.confirmedBy.has(gift.e.id) || state.reversedBy.has(gift.e.id)) return;
      effect(state, gift.e, -1, false);
      effect(state, gift.e, 1, true);
      state.confirmedBy.set(gift.e.id, e.id);
      return;
    }
    case 'reversal': {
      const target = entryOf(state, e.reverses);
      if (!target || state.reversedBy.has(target.e.id) || target.e.kind === 'reversal' || target.e.kind === 'project') return;
      const t = target.e;
      if (t.kind === 'confirmation') {
        const gift = entryOf(state, t.confirms);
        if (gift && state.confirmedBy.get(gift.e.id) === t.id && !state.reversedBy.has(gift.e.id)) {
          effect(state, gift.e, -1, true);
          effect(state, gift.e, 1, false);
          state.confirmedBy.delete(gift.e.id);
        }
      } else {
        effect(state, t, -1, state.confirmedBy.has(t.id));
      }
      state.reversedBy.set(t.id, e.id);
      return;
    }
    default:
      effect(state, e, 1, false);
  }
}

export function fold(communityId: string, items: readonly ChainItem[]): LedgerState {
  const state = emptyState(communityId);
  for (const item of items) apply(state, item);
  return state;
}

export function statusOf(state: LedgerState, e: PublicEntry): EntryStatus {
  if (state.reversedBy.has(e.id)) return 'reversed';
  if (isGift(e)) return state.confirmedBy.has(e.id) ? 'confirmed' : 'pledged';
  return 'recorded';
}

const stockLeft = (b: Bucket | undefined, item: string, unit: string): number => {
  const l = b?.stock.get(stockKey(item, unit));
  return l ? l.received - l.used : 0;
};

const noProject = (inBody: boolean) => (inBody
  ? new BadRequestError('There is no project with this id.', [{ path: 'body.projectId', code: 'not_found', message: 'no such project' }], 'invalid_input')
  : new NotFoundError('There is no project with this id.'));

/**
 * Throws when the state does not allow the draft: an unknown project, confirming twice or after a
 * reversal, reversing twice, using goods that were never received. Called on the state at the
 * chain's tail right before the conditional write of the next position, so the chain itself
 * serialises these checks: a racer that appended first makes our write fail, and we check again.
 */
export function check(state: LedgerState, d: Draft, projectInBody = true): void {
  const p = d.payload;
  if (p.kind !== 'project' && d.projectId !== null && !state.buckets.has(d.projectId)) throw noProject(projectInBody);
  switch (p.kind) {
    case 'project':
      if (p.proposalId && state.proposals.has(p.proposalId)) {
        throw new ConflictError('This proposal already has a project in the ledger.', 'proposal_has_project');
      }
      return;
    case 'confirmation': {
      const gift = entryOf(state, p.confirms);
      if (!gift || !isGift(gift.e)) throw new NotFoundError('There is no gift with this id.');
      if (state.reversedBy.has(gift.e.id)) throw new ConflictError('This gift was reversed; it cannot be confirmed.', 'reversed');
      if (state.confirmedBy.has(gift.e.id)) throw new ConflictError('This gift is already confirmed.', 'already_confirmed');
      return;
    }
    case 'in_kind_use': {
      const left = stockLeft(state.buckets.get(bucketOf(d.projectId)), p.item, p.unit);
      if (left < p.quantity) {
        throw new ConflictError(`Only ${left} ${p.unit} of ${p.item} received and not yet used for this project.`, 'not_enough_stock');
      }
      return;
    }
    case 'reversal': {
      const target = entryOf(state, p.reverses);
      if (!target) throw new NotFoundError('There is no ledger entry with this id.');
      const t = target.e;
      if (t.kind === 'reversal' || t.kind === 'project') {
        throw new ConflictError(`A ${t.kind} entry cannot be reversed; record a new entry instead.`, 'cannot_reverse');
      }
      if (state.reversedBy.has(t.id)) throw new ConflictError('This entry was already reversed.', 'already_reversed');
      let gift: ChainItem | undefined = target;
      if (t.kind === 'confirmation') {
        gift = entryOf(state, t.confirms);
        if (!gift || state.reversedBy.has(gift.e.id) || state.confirmedBy.get(gift.e.id) !== t.id) {
          throw new ConflictError('The gift this confirmation was for has been reversed already.', 'cannot_reverse');
        }
      }
      const g = gift?.e;
      if (g?.kind === 'in_kind_gift' && state.confirmedBy.has(g.id)
        && stockLeft(state.buckets.get(bucketOf(g.projectId)), g.item, g.unit) < g.quantity) {
        throw new ConflictError('Some of these goods were already used; reverse their use first.', 'goods_already_used');
      }
      return;
    }
    default:
      return;
  }
}

/** Gives the draft its place after the state's tail: position, predecessor's hash, commitment and hash. */
export function seal(state: LedgerState, d: Draft, id: string, recordedAt: string): ChainItem {
  const e = {
    ...d.payload, position: state.length + 1, id, communityId: state.communityId, recordedAt,
    projectId: d.payload.kind === 'project' ? id : d.projectId,
    enteredBy: d.enteredBy, prevHash: state.headHash, ...(d.priv ? { commitment: commitmentOf(d.priv) } : {}),
  } as PublicEntry;
  return { e, h: hashOf(e as unknown as Record<string, unknown>), ...(d.priv ? { p: d.priv } : {}) };
}

export const commitmentOf = (p: PrivatePart): string => sha256(canonical(p));

export function fundingOf(b: Bucket): Funding {
  const stock = [...b.stock.values()].filter((l) => l.received !== 0 || l.used !== 0)
    .map((l) => ({ item: l.item, unit: l.unit, received: l.received, used: l.used, left: l.received - l.used }))
    .sort((x, y) => (x.item === y.item ? (x.unit < y.unit ? -1 : 1) : x.item < y.item ? -1 : 1));
  return {
    budgetFen: b.budgetFen, governmentFen: b.governmentFen, donationsFen: b.donationsFen, inKindFen: b.inKindFen,
    volunteerMinutes: b.volunteerMinutes, pledgedFen: b.pledgedFen, inKindPledgedFen: b.inKindPledgedFen, spentFen: b.spentFen,
    balanceFen: b.governmentFen + b.donationsFen - b.spentFen, stock,
  };
}

/** The whole community: every bucket added up (budgets left out). */
export function totalsOf(state: LedgerState): Funding {
  const sum = emptyBucket(null);
  for (const b of state.buckets.values()) {
    sum.governmentFen += b.governmentFen; sum.donationsFen += b.donationsFen; sum.inKindFen += b.inKindFen;
    sum.volunteerMinutes += b.volunteerMinutes; sum.pledgedFen += b.pledgedFen; sum.inKindPledgedFen += b.inKindPledgedFen;
    sum.spentFen += b.spentFen;
    for (const l of b.stock.values()) {
      const t = line(sum, l.item, l.unit);
      t.received += l.received; t.used += l.used;
    }
  }
  return fundingOf(sum);
}

export const kindsOfGift: readonly EntryKind[] = ['money_gift', 'in_kind_gift'];
