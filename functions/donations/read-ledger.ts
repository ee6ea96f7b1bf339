/**
 * The ledger's reads: the public chain a page at a time, an entry, projects, the summary, the
 * check anyone may ask for and the open-data exports; and gifts with their donors, for the
 * committee, staff and the donor.
 */
import type { DonationPage, LedgerEntry, LedgerEntryFull, LedgerExport, LedgerPage, LedgerSummary, Project, Verification } from '../contracts/ledger.js';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { communityFor, keepsLedger, staffOrKeeper, type LedgerDeps } from './access.js';
import { ALGORITHM, verifyChain, type Linked } from './chain.js';
import { commitmentOf, fold, fundingOf, GENERAL, isGift, totalsOf, type ChainItem, type LedgerState, type PublicEntry } from './ledger.js';
import { ledgerKeys, positionOfSk } from './repository.js';
import { derivedNow, fullView, ledgerCsv, projectsOf, projectView, publicView } from './views.js';

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

export async function listLedger(deps: LedgerDeps, q: { community: string; projectId?: string; kind?: string; status?: string; limit: number; cursor?: string }): Promise<LedgerPage> {
  const state = await deps.store.load(q.community);
  return page(state, q, (e) => matchesProject(e, q.projectId) && (q.kind === undefined || e.kind === q.kind)
    && (q.status === undefined || derivedNow(state, e).status === q.status), (item) => publicView(item, derivedNow(state, item.e)));
}

export async function ledgerEntry(deps: LedgerDeps, q: { community: string }, id: string): Promise<LedgerEntry> {
  const state = await deps.store.load(q.community);
  const i = state.byId.get(id);
  if (i === undefined) throw new NotFoundError('There is no ledger entry with this id.');
  return publicView(state.items[i]!, derivedNow(state, state.items[i]!.e));
}

export async function listProjects(deps: LedgerDeps, q: { community: string }): Promise<{ items: Project[] }> {
  return { items: projectsOf(await deps.store.load(q.community)) };
}

export async function getProject(deps: LedgerDeps, q: { community: string }, id: string): Promise<Project> {
  const p = projectView(await deps.store.load(q.community), id);
  if (!p) throw new NotFoundError('There is no project with this id.');
  return p;
}

export async function ledgerSummary(deps: LedgerDeps, q: { community: string }): Promise<LedgerSummary> {
  const state = await deps.store.load(q.community);
  return {
    communityId: state.communityId, length: state.length, headHash: state.headHash, totals: totalsOf(state),
    generalFund: fundingOf(state.buckets.get(GENERAL)!), projects: projectsOf(state),
  };
}

const linked = (item: ChainItem): Linked => ({ ...item.e, hash: item.h });

/** Reads the whole chain afresh (never the warm fold, which a hand edit would not reach) and checks it. */
export async function verifyLedger(deps: LedgerDeps, q: { community: string }): Promise<Verification> {
  const communityId = q.community;
  const items = await deps.repo.readFrom(communityId, 1);
  const result = verifyChain(items.map(linked), (_e, i) => {
    const item = items[i]!;
    if (item.e.communityId !== communityId) return 'the entry names another community';
    if (item.p === undefined) return item.e.commitment === undefined ? null : 'the entry\'s private part is missing';
    if (item.p.erasedAt !== undefined) return item.e.commitment === item.p.erasedCommitment ? null : 'the erased private part names another commitment';
    return item.e.commitment === commitmentOf(item.p) ? null : 'the entry\'s private part does not match its commitment';
  });
  return { communityId, ...result, checkedAt: deps.clock() };
}

/** The chain from its first entry, through entry `through` when asked (404 when the chain is shorter). */
async function chainThrough(deps: LedgerDeps, communityId: string, through?: number) {
  const items = await deps.repo.readFrom(communityId, 1, through);
  if (through !== undefined && items.length < through) {
    throw new NotFoundError(`This ledger has ${items.length} entries, not ${through}.`);
  }
  return items;
}

export async function exportJson(deps: LedgerDeps, q: { community: string; through?: number }): Promise<LedgerExport> {
  const communityId = q.community;
  const items = await chainThrough(deps, communityId, q.through);
  return {
    communityId, algorithm: ALGORITHM, exportedAt: deps.clock(), length: items.length, headHash: items.at(-1)?.h ?? '0'.repeat(64),
    entries: items.map((i) => linked(i) as LedgerExport['entries'][number]),
  };
}

export async function exportCsv(deps: LedgerDeps, q: { community: string; through?: number }): Promise<string> {
  const communityId = q.community;
  return ledgerCsv(fold(communityId, await chainThrough(deps, communityId, q.through)));
}

// Gifts with their donors (staff, committee, the donor).

export async function listDonations(deps: LedgerDeps, callerId: string, q: { community?: string; projectId?: string; status?: string; limit: number; cursor?: string }): Promise<DonationPage> {
  const { communityId } = await staffOrKeeper(deps, callerId, 'keeper', q.community);
  const state = await deps.store.load(communityId);
  return page(state, q, (e) => isGift(e) && matchesProject(e, q.projectId) && (q.status === undefined || derivedNow(state, e).status === q.status),
    (item) => fullView(item, derivedNow(state, item.e)));
}

export async function getDonation(deps: LedgerDeps, callerId: string, q: { community?: string }, id: string): Promise<LedgerEntryFull> {
  const m = await deps.community.getMember(callerId);
  const communityId = communityFor(m, q.community, 'query.community');
  const state = await deps.store.load(communityId);
  const i = state.byId.get(id);
  const item = i === undefined ? undefined : state.items[i];
  if (!item || !isGift(item.e)) throw new NotFoundError('There is no gift with this id.');
  if (item.p?.donorUserId !== callerId && !keepsLedger(m, communityId)) {
    throw new ForbiddenError('Only the donor, the committee and community staff can see who gave this gift.');
  }
  return fullView(item, derivedNow(state, item.e));
}

export async function myDonations(deps: LedgerDeps, callerId: string, q: { community?: string }): Promise<{ items: LedgerEntryFull[] }> {
  const m = await deps.community.getMember(callerId);
  const state = await deps.store.load(communityFor(m, q.community, 'query.community'));
  const items = state.items.filter((i) => isGift(i.e) && i.p?.donorUserId === callerId).reverse();
  return { items: items.map((i) => fullView(i, derivedNow(state, i.e))) };
}
