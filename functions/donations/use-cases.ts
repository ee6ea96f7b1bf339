/**
 * The ledger's writes: who may record what, and the idempotency key. Every write is one append
 * through the store (check → seal → conditional put of the next position). Reads: read-ledger.ts.
 */
import { randomBytes } from 'node:crypto';
import type * as z from 'zod/mini';
import { isStaffOf } from '../community/rules.js';
import type { AllocationBody, ConfirmBody, CreateProjectBody, DonationBody, ExpenseBody, LedgerEntryFull, Project } from '../contracts/ledger.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { communityFor, person, staffOrKeeper, type LedgerDeps } from './access.js';
import { canonical, sha256 } from './chain.js';
import { check, idemKey, isGift, type ChainItem, type Draft, type LedgerState, type Payload, type PrivatePart } from './ledger.js';
import { derivedAtRecording, fullView, projectView } from './views.js';

type In<T extends z.ZodMiniType> = z.output<T>;
type Headers = Record<string, string | undefined>;

const salt = () => randomBytes(16).toString('hex');

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
  // The tail of the chain the gift most likely goes to, read while the caller is looked up: the
  // community the body names, else the one this caller gave to last (known to a warm Lambda).
  const guess = body.communityId ?? deps.store.lastCommunityOf(callerId);
  // A state this container folded a moment ago needs no read at all (store.ts).
  const tail = guess === undefined || deps.store.kept(guess) ? undefined : deps.store.load(guess);
  tail?.catch(() => undefined); // awaited below when used; never an unhandled rejection
  const [m, named] = await Promise.all([
    deps.community.getMember(callerId),
    body.communityId === undefined ? null : deps.communities.getCommunity(body.communityId),
  ]);
  const communityId = communityFor(m, body.communityId, 'body.communityId');
  if (body.communityId !== undefined && !named) {
    throw new BadRequestError('There is no such community.',
      [{ path: 'body.communityId', code: 'unknown_community', message: 'no such community' }], 'unknown_community');
  }
  deps.store.rememberCommunityOf(callerId, communityId);
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
    prefetched: communityId === guess ? tail : undefined,
    draft: () => ({ payload, projectId: body.projectId ?? null, enteredBy, priv: { ...priv } }),
  });
  return answer(item);
}

const projectIdOf = (state: LedgerState, id: string): string | null => {
  const i = state.byId.get(id);
  return i === undefined ? null : state.items[i]!.e.projectId;
};

export async function confirmGift(deps: LedgerDeps, callerId: string, headers: Headers, id: string, body: In<typeof ConfirmBody>): Promise<LedgerEntryFull> {
  const key = idempotencyKey(headers, false);
  const { m, communityId } = await staffOrKeeper(deps, callerId, 'staff');
  let gift: ChainItem | undefined;
  const item = await write(deps, {
    communityId, callerId, routeId: 'donations.confirm', key, request: { id, body },
    draft: (state) => {
      const at = state.byId.get(id);
      gift = at === undefined ? undefined : state.items[at];
      return { payload: { kind: 'confirmation', confirms: id, note: body.note ?? null }, projectId: projectIdOf(state, id), enteredBy: person(m) };
    },
  });
  // The donor is told (a gift is confirmed once; a replayed request finds the same key, DESIGN rule 9).
  const donor = gift?.p?.donorUserId;
  if (gift && donor) {
    const e = gift.e;
    const what = e.kind === 'money_gift' ? `¥${(e.amountFen / 100).toFixed(2)}` : e.kind === 'in_kind_gift' ? `${e.item} ×${e.quantity}${e.unit}` : e.id;
    await deps.notify([{ userId: donor, communityId, kind: 'gift.confirmed', key: `confirmed#${id}`, params: { what, seq: item.e.position + 1 },
      link: `/ledger?community=${communityId}`, at: deps.clock() }]);
  }
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
