/**
 * The chain against dynalite below the HTTP layer: separate processes (each its own store, cache and
 * no shared lock) racing for the tail, and Lambdas that die right after their one write.
 */
import { describe, expect, it } from 'vitest';
import { RegistryRepository } from '../../functions/community/registry-repository.js';
import { CommunityRepository } from '../../functions/community/repository.js';
import { verifyChain } from '../../functions/donations/chain.js';
import type { ChainItem } from '../../functions/donations/ledger.js';
import { LedgerRepository, ProposalReader } from '../../functions/donations/repository.js';
import { LedgerStore } from '../../functions/donations/store.js';
import type { LedgerDeps } from '../../functions/donations/access.js';
import { recordDonation } from '../../functions/donations/use-cases.js';
import { systemClock } from '../../functions/shared/clock.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { newId } from '../../functions/shared/ids.js';
import { createNotify } from '../../functions/notifications/outbox.js';
import { usePlatform } from '../support/platform.js';

usePlatform();

/** One simulated Lambda container: its own repository, store and warm fold. */
function container(repo = new LedgerRepository(documentClient(), config().tables.donations)): LedgerDeps {
  return {
    repo, store: new LedgerStore(repo, systemClock, newId), community: new CommunityRepository(documentClient(), config().tables.community),
    communities: new RegistryRepository(documentClient(), config().tables.community),
    proposals: new ProposalReader(documentClient(), config().tables.proposals), clock: systemClock,
    notify: createNotify(documentClient(), config().tables.notifications),
  };
}
const gift = (amountFen: number) => ({ type: 'money' as const, amountFen, currency: 'CNY' as const, channel: 'cash' as const, visibility: 'public' as const });
const readChain = (community: string) => new LedgerRepository(documentClient(), config().tables.donations).readFrom(community, 1);
const linked = (items: ChainItem[]) => items.map((i) => ({ ...i.e, hash: i.h }));

describe('appends from separate processes', () => {
  it('never fork and never leave a gap: 100 appends from 5 containers at once make positions 1..100', async () => {
    const community = 'race-town';
    const lambdas = Array.from({ length: 5 }, () => container());
    const draft = (i: number) => ({ draft: { payload: { kind: 'government_allocation' as const, amountFen: 100 + i, source: '街道', reference: null }, projectId: null, enteredBy: null } });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => lambdas[i % 5]!.store.append(community, () => draft(i))));
    const items = await readChain(community);
    expect(items.map((i) => i.e.position)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(items.map((i) => i.e.id))).toEqual(new Set(results.map((r) => r.item.e.id)));
    expect(items.map((i) => (i.e as { amountFen: number }).amountFen).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
    expect(verifyChain(linked(items))).toMatchObject({ ok: true, length: 100 });
    // Each container's warm fold caught up with what the others wrote.
    for (const l of lambdas) expect((await l.store.load(community)).length).toBe(100);
  }, 120_000);
});

describe('appending on a state kept from a moment ago', () => {
  const allocation = (amountFen: number) => ({ draft: { payload: { kind: 'government_allocation' as const, amountFen, source: '街道', reference: null }, projectId: null, enteredBy: null } });
  /** The DynamoDB requests sent while `fn` runs. */
  async function requests(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const name = `ledger-count-${Math.random()}`;
    documentClient().middlewareStack.add((next, ctx) => async (args) => { seen.push(ctx.commandName ?? '?'); return next(args); }, { step: 'initialize', name });
    try { await fn(); } finally { documentClient().middlewareStack.remove(name); }
    return seen;
  }

  it('makes a warm append one conditional put, and one that another container overtook lands after its entry', async () => {
    const community = 'kept-town';
    const [a, b] = [container(), container()];
    await a.store.append(community, () => allocation(1));
    expect(await requests(() => a.store.append(community, () => allocation(2)))).toEqual(['PutItemCommand']);
    await b.store.append(community, () => allocation(3)); // a does not know of this one
    const calls = await requests(() => a.store.append(community, () => allocation(4)));
    expect(calls[0]).toBe('PutItemCommand'); // planned on the kept state: position 3, taken
    expect(calls.slice(1)).toContain('QueryCommand');
    const items = await readChain(community);
    expect(items.map((i) => (i.e as { amountFen: number }).amountFen)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(linked(items))).toMatchObject({ ok: true, length: 4 });
  });

  it('never refuses on a kept state: what another container appended is read before a refusal', async () => {
    const community = 'kept-refusal-town';
    const [a, b] = [container(), container()];
    await a.store.append(community, () => allocation(1));
    await b.store.append(community, () => allocation(2));
    // A rule that holds only once the second entry is there (as an expense needs the grant before it).
    const needsTwo = (state: { length: number }) => {
      if (state.length < 2) throw new Error('refused: the grant is not there');
      return allocation(3);
    };
    const { item } = await a.store.append(community, needsTwo);
    expect(item.e.position).toBe(3);
  });
});

describe('replays spread over separate processes', () => {
  it('make one entry: the key check and the append share one tail read, so the losers find the winner\'s entry', async () => {
    const lambdas = Array.from({ length: 4 }, () => container());
    const before = (await readChain('chating')).length;
    const key = 'spread-replay-1';
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => recordDonation(lambdas[i % 4]!, 'resident22', { 'idempotency-key': key }, gift(999))));
    const after = await readChain('chating');
    expect(after.length).toBe(before + 1);
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    await expect(recordDonation(lambdas[0]!, 'resident22', { 'idempotency-key': key }, gift(1000))).rejects.toMatchObject({ status: 409, code: 'idempotency_key_reused' });
  }, 60_000);
});

describe('a Lambda that dies right after its one write', () => {
  it('leaves an entry that the retry with the same key finds: no double entry, no lost key', async () => {
    const real = new LedgerRepository(documentClient(), config().tables.donations);
    const dying = Object.create(real) as LedgerRepository;
    dying.append = async (item) => {
      await real.append(item);
      throw new Error('Lambda timed out after writing');
    };
    const before = (await readChain('chating')).length;
    const key = 'crash-after-write-1';
    await expect(recordDonation(container(dying), 'resident20', { 'idempotency-key': key }, gift(4321))).rejects.toThrow(/timed out/);
    // The phone retries; another container answers.
    const retried = await Promise.all([1, 2, 3].map(() => recordDonation(container(), 'resident20', { 'idempotency-key': key }, gift(4321))));
    const after = await readChain('chating');
    expect(after.length).toBe(before + 1);
    expect(after.filter((i) => i.p?.idem?.key === key)).toHaveLength(1);
    expect(new Set(retried.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(retried[0]).toMatchObject({ id: after.at(-1)!.e.id, amountFen: 4321 });
  });

  it('counts its own put as done when the SDK retried it and the retry met its own item', async () => {
    const real = new LedgerRepository(documentClient(), config().tables.donations);
    const echo = Object.create(real) as LedgerRepository;
    echo.append = async (item) => {
      await real.append(item);
      return false; // the reply to the first attempt was lost; the SDK's retry found the position taken (by us)
    };
    const before = (await readChain('chating')).length;
    const made = await recordDonation(container(echo), 'resident21', { 'idempotency-key': 'sdk-retry-1' }, gift(77));
    const after = await readChain('chating');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.e.id).toBe(made.id);
  });
});
