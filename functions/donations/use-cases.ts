/**
 * The ledger's use cases: who may record what, the idempotency key, and the reads. Every write is
 * one append through the store (check → seal → conditional put of the next position).
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CommunityRepository } from '../community/repository.js';
import { isStaffOf, type Member } from '../community/rules.js';
import type {
  AllocationBody, ConfirmBody, CreateProjectBody, DonationBody, DonationPage, ExpenseBody, LedgerEntry, LedgerEntryFull,
  LedgerExport, LedgerPage, LedgerSummary, Project, Verification,
} from '../contracts/ledger.js';
import type { Clock } from '../shared/clock.js';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { ALGORITHM, canonical, sha256, verifyChain, type Linked } from './chain.js';
import {
  check, commitmentOf, fold, fundingOf, GENERAL, idemKey, isGift, totalsOf, type ChainItem, type Draft, type LedgerState, type Payload,
  type PrivatePart, type PublicEntry,
} from './ledger.js';
import { ledgerKeys, positionOfSk, type LedgerRepository, type LinkedProposal } from './repository.js';
import type { LedgerStore } from './store.js';
import { derivedAtRecording, derivedNow, fullView, ledgerCsv, projectsOf, projectView, publicView } from './views.js';

export interface LedgerDeps {
  store: LedgerStore;
  repo: LedgerRepository;
  community: Pick<CommunityRepository, 'getMember'>;
  proposals: { get(id: string): Promise<LinkedProposal | null> };
  clock: Clock;
  defaultCommunity: string;
}

type In<T extends z.ZodType> = z.output<T>;
type Headers = Record<string, string | undefined>;

const salt = () => randomBytes(16).toString('hex');
const person = (m: Member) => ({ id: m.id, name: m.displayName });
const communityOf = (m: Member, deps: LedgerDeps) => m.communityId ?? deps.defaultCommunity;
/** Committee members and staff of the community keep the ledger (projects, expenses, allocations, corrections). */
const keepsLedger = (m: Member, c: string) => m.communityId === c && (m.committeeOf.length > 0 || isStaffOf(m, c));

const KEY = /^[\x21-\x7e]{1,255}$/;
/** The `Idempotency-Key` header: required for gifts, optional for the other writes. */
export function idempotencyKey(headers: Headers, required: boolean): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined || raw === '') {
    if (!required) return undefined;
    throw new BadRequestError('Send an Idempotency-Key header (for example a random UUID made once per gift), so a retry cannot record the gift twice.',
      [{ path: 'headers.idempotency-key', code: 'required', message: 'required' }], 'idempotency_key_required');
  }
  if (!KEY.test(raw)) {
    throw new BadRequestError('The Idempotency-Key header is not valid.',
      [{ path: 'headers.idempotency-key', code: 'invalid_format', message: '1 to 255 visible ASCII characters' }], 'invalid_input');
  }
  return raw;
}

interface Write {
  communityId: string;
  callerId: string;
  routeId: string;
  key: string | undefined;
  request: unknown;
  projectInBody?: boolean;
  draft: (state: LedgerState) => Draft;
  /** The tail of the community's chain, read while the caller was being looked up. */
  prefetched?: Promise<LedgerState> | undefined;
}

/**
 * Appends one entry. With a key: a request seen before (same caller, same key) answers with the
 * entry it made, a different request under the same key is a 409. The key check and the append run
 * on the same tail read, so a concurrent duplicate loses the put, reads the tail again and finds the
 * winner's entry.
 */
async function write(deps: LedgerDeps, w: Write): Promise<ChainItem> {
  const requestHash = w.key === undefined ? '' : sha256(canonical({ route: w.routeId, request: w.request }));
  const { item } = await deps.store.append(w.communityId, (state) => {
    if (w.key !== undefined) {
      const seen = state.idem.get(idemKey(w.callerId, w.key));
      if (seen) {
        if (seen.requestHash !== requestHash) {
          throw new ConflictError('This Idempotency-Key was already used for a different request; make a new key for a new gift.', 'idempotency_key_reused');
        }
        return { replay: state.items[seen.index]! };
      }
    }
    const d = w.draft(state);
    if (w.key !== undefined) d.priv = { ...(d.priv ?? { salt: salt() }), idem: { scope: w.callerId, key: w.key, requestHash } };
    check(state, d, w.projectInBody ?? true);
    return { draft: d };
  }, w.prefetched);
  return item;
}

const answer = (item: ChainItem): LedgerEntryFull => fullView(item, derivedAtRecording(item.e));

export async function recordDonation(deps: LedgerDeps, callerId: string, headers: Headers, body: In<typeof DonationBody>): Promise<LedgerEntryFull> {
  const key = idempotencyKey(headers, true);
  const tail = deps.store.load(deps.defaultCommunity);
  tail.catch(() => undefined); // awaited below when used; never an unhandled rejection
  const m = await deps.community.getMember(callerId);
  const communityId = communityOf(m, deps);
  let enteredBy: Draft['enteredBy'] = null;
  let priv: PrivatePart;
  let donorName: string | null;
  const donorType = body.onBehalfOf?.donorType ?? 'person';
  if (body.onBehalfOf) {
    if (!isStaffOf(m, communityId)) throw new ForbiddenError('Only community staff can record a gift for someone else.');
    const ob = body.onBehalfOf;
    enteredBy = person(m);
    donorName = ob.name;
    priv = { salt: salt(), donorName: ob.name, evidence: ob.evidence, ...(ob.userId ? { donorUserId: ob.userId } : {}) };
  } else {
    // Someone the community table does not know has no name to show but their account id: never publish it.
    donorName = m.registered ? m.displayName : null;
    priv = { salt: salt(), donorName: m.displayName, donorUserId: m.id };
  }
  const anonymous = body.visibility === 'anonymous';
  const donor = { name: anonymous ? null : donorName, donorType };
  // A transaction reference can lead back to the payer: an anonymous gift keeps it private.
  const reference = body.type === 'money' && body.reference !== undefined ? body.reference : null;
  if (anonymous && reference !== null) priv.reference = reference;
  const common = { visibility: body.visibility, donor, message: body.message ?? null };
  const payload: Payload = body.type === 'money'
    ? { kind: 'money_gift', amountFen: body.amountFen, currency: 'CNY', channel: body.channel, reference: anonymous ? null : reference, ...common }
    : { kind: 'in_kind_gift', item: body.item, quantity: body.quantity, unit: body.unit, estimatedValueFen: body.estimatedValueFen, ...common };
  const item = await write(deps, {
    communityId, callerId, routeId: 'donations.create', key, request: body,
    prefetched: communityId === deps.defaultCommunity ? tail : undefined,
    draft: () => ({ payload, projectId: body.projectId ?? null, enteredBy, priv: { ...priv } }),
  });
  return answer(item);
}

async function staffOrKeeper(deps: LedgerDeps, callerId: string, who: 'staff' | 'keeper'): Promise<{ m: Member; communityId: string }> {
  const m = await deps.community.getMember(callerId);
  const communityId = communityOf(m, deps);
  const ok = who === 'staff' ? m.communityId === communityId && isStaffOf(m, communityId) : keepsLedger(m, communityId);
  if (!ok) {
    throw new ForbiddenError(who === 'staff'
      ? 'Only community staff can confirm that a gift was counted or received.'
      : 'Only the committee and community staff can record this in the ledger.');
  }
  return { m, communityId };
}

const projectIdOf = (state: LedgerState, id: string): string | null => {
  const i = state.byId.get(id);
  return i === undefined ? null : state.items[i]!.e.projectId;
};

export async function confirmGift(deps: LedgerDeps, callerId: string, headers: Headers, id: string, body: In<typeof ConfirmBody>): Promise<LedgerEntryFull> {
  const key = idempotencyKey(headers, false);
  const { m, communityId } = await staffOrKeeper(deps, callerId, 'staff');
  const item = await write(deps, {
    communityId, callerId, routeId: 'donations.confirm', key, request: { id, body },
    draft: (state) => ({ payload: { kind: 'confirmation', confirms: id, note: body.note ?? null }, projectId: projectIdOf(state, id), enteredBy: person(m) }),
  });
  return answer(item);
}

export async function reverseEntry(deps: LedgerDeps, callerId: string, headers: Headers, id: string, reason: string): Promise<LedgerEntryFull> {
  const key = idempotencyKey(headers, false);
  const { m, communityId } = await staffOrKeeper(deps, callerId, 'keeper');
  const item = await write(deps, {
    communityId, callerId, routeId: 'ledger.reverse', key, request: { id, reason },
    draft: (state) => ({ payload: { kind: 'reversal', reverses: id, reason }, projectId: projectIdOf(state, id), enteredBy: person(m) }),
  });
  return answer(item);
}

const ACCEPTED = ['accepted', 'in_progress', 'completed'];

export async function createProject(deps: LedgerDeps, callerId: string, headers: Headers, body: In<typeof CreateProjectBody>): Promise<Project> {
  const key = idempotencyKey(headers, false);
  const { m, communityId } = await staffOrKeeper(deps, callerId, 'keeper');
  if (body.proposalId) {
    const p = await deps.proposals.get(body.proposalId);
    if (!p || p.communityId !== communityId) {
      throw new BadRequestError('There is no proposal with this id in your community.',
        [{ path: 'body.proposalId', code: 'not_found', message: 'no such proposal' }], 'invalid_input');
    }
    if (!ACCEPTED.includes(p.status)) throw new ConflictError(`Only an accepted proposal can become a project; this one is ${p.status}.`, 'proposal_not_accepted');
  }
  const item = await write(deps, {
    communityId, callerId, routeId: 'projects.create', key, request: body,
    draft: () => ({
      payload: { kind: 'project', title: body.title, description: body.description ?? '', budgetFen: body.budgetFen, proposalId: body.proposalId ?? null },
      projectId: null, enteredBy: person(m),
    }),
  });
  const state = await deps.store.load(communityId);
  return projectView(state, item.e.id)!;
}

/** Expenses, in-kind use, volunteer hours and allocations: a keeper records a fact about a project (or the general fund). */
export async function recordFact(
  deps: LedgerDeps, callerId: string, headers: Headers, routeId: string, projectId: string | null, inBody: boolean, payload: Payload,
): Promise<LedgerEntryFull> {
  const key = idempotencyKey(headers, false);
  const { m, communityId } = await staffOrKeeper(deps, callerId, 'keeper');
  const item = await write(deps, {
    communityId, callerId, routeId, key, request: { projectId, payload }, projectInBody: inBody,
    draft: () => ({ payload, projectId, enteredBy: person(m) }),
  });
  return answer(item);
}

export const expensePayload = (b: In<typeof ExpenseBody>): Payload => ({
  kind: 'expense', amountFen: b.amountFen, payee: b.payee, purpose: b.purpose, receiptPhotoKey: b.receiptPhotoKey ?? null, receiptNumber: b.receiptNumber ?? null,
});
export const allocationPayload = (b: In<typeof AllocationBody>): Payload =>
  ({ kind: 'government_allocation', amountFen: b.amountFen, source: b.source, reference: b.reference ?? null });

// ---- reads ----

const publicCommunity = (deps: LedgerDeps, q: { community?: string | undefined }) => q.community ?? deps.defaultCommunity;

function badCursor(): BadRequestError {
  return new BadRequestError('The page cursor is not valid; start again from the first page.',
    [{ path: 'query.cursor', code: 'invalid_cursor', message: 'not a cursor this list produced' }], 'invalid_cursor');
}

/** Newest first; the cursor is the key of the last entry shown. */
function page<T>(state: LedgerState, q: { limit: number; cursor?: string | undefined }, keep: (e: PublicEntry) => boolean,
  show: (item: ChainItem) => T): { items: T[]; cursor: string | null } {
  const pk = ledgerKeys.pk(state.communityId);
  let from = state.items.length - 1;
  if (q.cursor) {
    const key = decodeCursor(q.cursor, { attr: 'pk', value: pk, keys: ['pk', 'sk'] });
    if (!/^POS#\d{10}$/.test(key.sk!)) throw badCursor();
    from = Math.min(positionOfSk(key.sk!) - 2, from);
  }
  const items: T[] = [];
  let i = from;
  for (; i >= 0 && items.length < q.limit; i--) if (keep(state.items[i]!.e)) items.push(show(state.items[i]!));
  let more = false;
  for (let j = i; j >= 0 && !more; j--) more = keep(state.items[j]!.e);
  return { items, cursor: more ? encodeCursor({ pk, sk: ledgerKeys.sk(i + 2) }) : null };
}

const matchesProject = (e: PublicEntry, projectId: string | undefined) =>
  projectId === undefined || (projectId === GENERAL ? e.projectId === null : e.projectId === projectId);

export async function listLedger(deps: LedgerDeps, q: { community?: string; projectId?: string; kind?: string; status?: string; limit: number; cursor?: string }): Promise<LedgerPage> {
  const state = await deps.store.load(publicCommunity(deps, q));
  return page(state, q, (e) => matchesProject(e, q.projectId) && (q.kind === undefined || e.kind === q.kind)
    && (q.status === undefined || derivedNow(state, e).status === q.status), (item) => publicView(item, derivedNow(state, item.e)));
}

export async function ledgerEntry(deps: LedgerDeps, q: { community?: string }, id: string): Promise<LedgerEntry> {
  const state = await deps.store.load(publicCommunity(deps, q));
  const i = state.byId.get(id);
  if (i === undefined) throw new NotFoundError('There is no ledger entry with this id.');
  return publicView(state.items[i]!, derivedNow(state, state.items[i]!.e));
}

export async function listProjects(deps: LedgerDeps, q: { community?: string }): Promise<{ items: Project[] }> {
  return { items: projectsOf(await deps.store.load(publicCommunity(deps, q))) };
}

export async function getProject(deps: LedgerDeps, q: { community?: string }, id: string): Promise<Project> {
  const p = projectView(await deps.store.load(publicCommunity(deps, q)), id);
  if (!p) throw new NotFoundError('There is no project with this id.');
  return p;
}

export async function ledgerSummary(deps: LedgerDeps, q: { community?: string }): Promise<LedgerSummary> {
  const state = await deps.store.load(publicCommunity(deps, q));
  return {
    communityId: state.communityId, length: state.length, headHash: state.headHash, totals: totalsOf(state),
    generalFund: fundingOf(state.buckets.get(GENERAL)!), projects: projectsOf(state),
  };
}

const linked = (item: ChainItem): Linked => ({ ...item.e, hash: item.h });

/** Reads the whole chain afresh (never the warm fold, which a hand edit would not reach) and checks it. */
export async function verifyLedger(deps: LedgerDeps, q: { community?: string }): Promise<Verification> {
  const communityId = publicCommunity(deps, q);
  const items = await deps.repo.readFrom(communityId, 1);
  const result = verifyChain(items.map(linked), (_e, i) => {
    const item = items[i]!;
    if (item.e.communityId !== communityId) return 'the entry names another community';
    if (item.p === undefined) return item.e.commitment === undefined ? null : 'the entry\'s private part is missing';
    return item.e.commitment === commitmentOf(item.p) ? null : 'the entry\'s private part does not match its commitment';
  });
  return { communityId, ...result, checkedAt: deps.clock() };
}

export async function exportJson(deps: LedgerDeps, q: { community?: string }): Promise<LedgerExport> {
  const communityId = publicCommunity(deps, q);
  const items = await deps.repo.readFrom(communityId, 1);
  return {
    communityId, algorithm: ALGORITHM, exportedAt: deps.clock(), length: items.length, headHash: items.at(-1)?.h ?? '0'.repeat(64),
    entries: items.map((i) => linked(i) as LedgerExport['entries'][number]),
  };
}

export async function exportCsv(deps: LedgerDeps, q: { community?: string }): Promise<string> {
  const communityId = publicCommunity(deps, q);
  return ledgerCsv(fold(communityId, await deps.repo.readFrom(communityId, 1)));
}

// ---- gifts with their donors (staff, committee, the donor) ----

export async function listDonations(deps: LedgerDeps, callerId: string, q: { projectId?: string; status?: string; limit: number; cursor?: string }): Promise<DonationPage> {
  const { communityId } = await staffOrKeeper(deps, callerId, 'keeper');
  const state = await deps.store.load(communityId);
  return page(state, q, (e) => isGift(e) && matchesProject(e, q.projectId) && (q.status === undefined || derivedNow(state, e).status === q.status),
    (item) => fullView(item, derivedNow(state, item.e)));
}

export async function getDonation(deps: LedgerDeps, callerId: string, id: string): Promise<LedgerEntryFull> {
  const m = await deps.community.getMember(callerId);
  const communityId = communityOf(m, deps);
  const state = await deps.store.load(communityId);
  const i = state.byId.get(id);
  const item = i === undefined ? undefined : state.items[i];
  if (!item || !isGift(item.e)) throw new NotFoundError('There is no gift with this id.');
  if (item.p?.donorUserId !== callerId && !keepsLedger(m, communityId)) {
    throw new ForbiddenError('Only the donor, the committee and community staff can see who gave this gift.');
  }
  return fullView(item, derivedNow(state, item.e));
}

export async function myDonations(deps: LedgerDeps, callerId: string): Promise<{ items: LedgerEntryFull[] }> {
  const m = await deps.community.getMember(callerId);
  const state = await deps.store.load(communityOf(m, deps));
  const items = state.items.filter((i) => isGift(i.e) && i.p?.donorUserId === callerId).reverse();
  return { items: items.map((i) => fullView(i, derivedNow(state, i.e))) };
}
