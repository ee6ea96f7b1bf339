/**
 * The cheap paths of ballots, against dynalite, so none of them can quietly trade correctness for
 * cost: a warm vote is one DynamoDB request yet is refused after an early close and after its voter
 * stopped representing the unit (each decided on fresh readings); participation read from the kept
 * recount while open is exact after close; the paged receipt list gives every receipt exactly once.
 * An early close and a change of representative have no endpoint today: the test writes them to the
 * table the way any future one must (the unit items carry their own window and representative).
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Ballot, BallotUnits, MyVotes, ReceiptList } from '../../functions/contracts/ballots.js';
import { LIVE_MAX_AGE_MS } from '../../functions/ballots/live-participation.js';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { meter } from '../bench/meter.js';
import { usePlatform } from '../support/platform.js';
import { addResidents } from '../support/residents.js';

const HOUR = 3_600_000;
let reps: string[] = [];
/** DynamoDB requests made since the last take() (the platform runs in this process); made once it is up. */
let calls: ReturnType<typeof meter>;
const { api, as } = usePlatform(async (a) => {
  calls = meter('warmVoteMeter');
  reps = await addResidents('warm', 13);
  // Twelve representatives, thirteen units: warm1 holds two flats (one head, two units); warm13 holds none.
  const rows: RollRow[] = [...reps.slice(0, 12).map((rep, i) => ({
    unitId: `w-${i + 1}`, building: '7', room: String(101 + i), areaCentiM2: 5000 + 111 * i, owners: [`业主${i + 1}`], head: rep, representativeId: rep,
  })), { unitId: 'w-99', building: '7', room: '199', areaCentiM2: 4321, owners: ['业主1'], head: reps[0]!, representativeId: reps[0]! }];
  const imported = await a.call('PUT', '/api/estates/chating.dongyuan/roll', { token: await a.signIn('staff1'), body: { csv: rollCsv(rows) } });
  if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
});
const db = () => documentClient();
const table = () => config().tables.ballots;
const serverNow = async () => Date.parse((await api.call('POST', '/api/dev/clock', { body: { advanceDays: 0 } })).body.now);
const advance = (ms: number) => api.call('POST', '/api/dev/clock', { body: { advanceDays: ms / 86_400_000 } });
const vote = async (who: string, id: string, body: object) => api.call('PUT', `/api/ballots/${id}/vote`, { token: await as(who), body });
const myVotes = async (who: string, id: string) => MyVotes.parse((await api.call('GET', `/api/ballots/${id}/vote`, { token: await as(who) })).body);
const read = async (id: string) => Ballot.parse((await api.call('GET', `/api/ballots/${id}`)).body);
const setItem = (id: string, sk: string, set: Record<string, unknown>) => db().send(new UpdateCommand({
  TableName: table(), Key: { pk: `BALLOT#${id}`, sk },
  UpdateExpression: `SET ${Object.keys(set).map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
  ExpressionAttributeNames: Object.fromEntries(Object.keys(set).map((k, i) => [`#a${i}`, k])),
  ExpressionAttributeValues: Object.fromEntries(Object.values(set).map((v, i) => [`:v${i}`, v])),
}));

async function openBallot(): Promise<Ballot> {
  const now = await serverNow();
  const reply = await api.call('POST', '/api/ballots', { token: await as('committee1'), body: {
    estateId: 'chating.dongyuan', title: '更换小区大门门禁', matter: 'other', options: { kind: 'decision' },
    opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + HOUR).toISOString(),
  } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return Ballot.parse(reply.body);
}
const pastClose = () => advance(HOUR + 2 * 60_000);
const close = async (id: string) => {
  const r = await api.call('POST', `/api/ballots/${id}/close`, { token: await as('committee1') });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return Ballot.parse(r.body).result!;
};

describe('a warm vote', () => {
  it('is one DynamoDB request once the vote page has been read, for a first vote and for a change', async () => {
    const b = await openBallot();
    await myVotes(reps[1]!, b.id);
    calls.take();
    expect((await vote(reps[1]!, b.id, { choice: 'yes' })).status).toBe(200);
    expect(calls.take().calls).toBe(1);
    expect((await vote(reps[1]!, b.id, { choice: 'no' })).status).toBe(200);
    expect(calls.take().calls).toBe(1);
    expect((await myVotes(reps[1]!, b.id)).items[0]).toMatchObject({ choice: 'no', via: 'online' });
  });

  it('is refused after an early close even with the open ballot kept in the container', async () => {
    const b = await openBallot();
    expect((await vote(reps[2]!, b.id, { choice: 'yes' })).status).toBe(200); // warms the ballot and the voter's units
    await myVotes(reps[3]!, b.id); // another voter, kept warm, who has not voted yet
    // An early close: the ballot and every unit item end their window now.
    const closesAt = new Date((await serverNow()) - 1000).toISOString();
    await setItem(b.id, 'META', { closesAt });
    for (let i = 1; i <= 12; i++) await setItem(b.id, `UNIT#w-${i}`, { closesAt });
    await setItem(b.id, 'UNIT#w-99', { closesAt });
    const refused = await vote(reps[2]!, b.id, { choice: 'no' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('closed');
    expect((await myVotes(reps[2]!, b.id)).items[0]).toMatchObject({ choice: 'yes' });
    // The warm voter who had not voted yet is refused as well, and nothing is written.
    expect((await vote(reps[3]!, b.id, { choice: 'no' })).body.error?.code).toBe('closed');
    expect((await myVotes(reps[3]!, b.id)).items[0]).toMatchObject({ choice: null, receipt: null });
  });

  it('is refused for someone who stopped representing the unit, after a fresh read; the new representative votes at once', async () => {
    const b = await openBallot();
    const was = reps[4]!;
    const now = reps[12]!;
    expect((await myVotes(was, b.id)).items.map((u) => u.unitId)).toEqual(['w-5']);
    expect((await myVotes(now, b.id)).items).toEqual([]); // both kept warm: w-5, and nothing
    // w-5's representative changes from warm5 to warm13 (the unit item and its index keys).
    await setItem(b.id, 'UNIT#w-5', { representativeId: now, gsi1pk: `REP#${now}`, gsi1sk: `BALLOT#${b.id}#w-5` });
    calls.take();
    const refused = await vote(was, b.id, { choice: 'yes' });
    expect(refused.status).toBe(403);
    // The refusal names what the fresh read found (no unit on the roll), not the kept list.
    expect(refused.body.error.message).toBe('Only the voting representative of a unit on this ballot\'s roll may vote.');
    expect(calls.take().calls).toBeGreaterThan(2); // the write, then the ballot and the units read afresh
    // The kept reading said warm13 represents nothing: that refusal is not given, the fresh read lets them in.
    const voted = await vote(now, b.id, { choice: 'no' });
    expect(voted.status, JSON.stringify(voted.body)).toBe(200);
    expect(MyVotes.parse(voted.body).items.map((u) => [u.unitId, u.choice])).toEqual([['w-5', 'no']]);
    const unit = await db().send(new GetCommand({ TableName: table(), Key: { pk: `BALLOT#${b.id}`, sk: 'UNIT#w-5' } }));
    expect(unit.Item!.history).toEqual([expect.objectContaining({ by: now, choice: 'no' })]);
  });
});

describe('participation and receipts', () => {
  it('reads one item while open (at most LIVE_MAX_AGE_MS behind) and is exact after close', async () => {
    const b = await openBallot();
    for (const r of reps.slice(0, 4)) expect((await vote(r, b.id, { choice: 'yes' })).status).toBe(200);
    const first = await read(b.id); // recounts: exact now
    expect(first.participation).toMatchObject({ units: 5, heads: 4 });
    for (const r of reps.slice(4, 8)) expect((await vote(r, b.id, { choice: 'no' })).status).toBe(200);
    calls.take();
    const kept = await read(b.id);
    expect(calls.take()).toMatchObject({ calls: 1 }); // META only
    expect(kept.participation).toEqual(first.participation); // the kept recount, younger than LIVE_MAX_AGE_MS
    await advance(LIVE_MAX_AGE_MS);
    expect((await read(b.id)).participation).toMatchObject({ units: 9, heads: 8 });
    // Votes after the last recount and right up to closesAt are all in the published count.
    await vote(reps[8]!, b.id, { choice: 'yes' });
    await advance(HOUR - LIVE_MAX_AGE_MS - 5_000);
    await vote(reps[9]!, b.id, { choice: 'abstain' });
    await advance(10_000 + 2 * 60_000);
    const units = BallotUnits.parse((await api.call('GET', `/api/ballots/${b.id}/units`, { token: await as('staff1') })).body).items.filter((u) => u.voted);
    const exact = { units: units.length, heads: new Set(units.map((u) => u.headKey)).size, areaCentiM2: units.reduce((s, u) => s + u.areaCentiM2, 0) };
    expect(exact).toMatchObject({ units: 11, heads: 10 });
    expect((await read(b.id)).participation).toEqual(exact); // counting: voting over, the recount is exact
    const result = await close(b.id);
    expect(result.participation).toEqual(exact);
    const closed = await read(b.id);
    expect(closed.participation).toEqual(exact);
    const listed = (await api.call('GET', '/api/ballots?community=chating&estateId=chating.dongyuan&limit=50')).body.items;
    expect(listed.find((x: { id: string }) => x.id === b.id).participation).toEqual(exact);
  });

  it('pages the receipts: every receipt exactly once, in code order, whatever the page size', async () => {
    const b = await openBallot();
    const mine = new Map<string, string>();
    for (const r of reps.slice(0, 11)) {
      for (const u of MyVotes.parse((await vote(r, b.id, { choice: r === reps[0] ? 'no' : 'yes' })).body).items) mine.set(u.receipt!, String(u.choice));
    }
    await pastClose();
    const result = await close(b.id);
    expect(mine.size).toBe(12);
    for (const limit of [1, 5, 12, 100]) {
      const seen: ReceiptList['items'] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r = await api.call('GET', `/api/ballots/${b.id}/receipts?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const page = ReceiptList.parse(r.body);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        expect(page.result).toEqual(result);
        seen.push(...page.items);
        cursor = page.cursor;
        pages++;
      } while (cursor !== null && pages < 50);
      expect(seen.map((i) => i.receipt), `limit ${limit}`).toEqual([...mine.keys()].sort());
      expect(seen.map((i) => i.choice)).toEqual([...mine.keys()].sort().map((k) => mine.get(k)));
      expect(seen.length).toBe(result.participation.units);
    }
    const bad = await api.call('GET', `/api/ballots/${b.id}/receipts?cursor=${Buffer.from('{"pk":"BALLOT#x","sk":"RCPT#000001"}').toString('base64url')}`);
    expect(bad.status).toBe(400);
    expect((await api.call('GET', `/api/ballots/${b.id}/receipts?limit=501`)).status).toBe(400);
  });

  it('writes the receipt items of a ballot closed before they existed on its first receipts read', async () => {
    const b = await openBallot();
    for (const r of reps.slice(0, 3)) await vote(r, b.id, { choice: 'yes' });
    await pastClose();
    await close(b.id);
    // As closed before this change: no receipt items, no mark.
    await db().send(new UpdateCommand({ TableName: table(), Key: { pk: `BALLOT#${b.id}`, sk: 'META' }, UpdateExpression: 'REMOVE receiptsListed' }));
    for (let n = 0; n < 4; n++) {
      await db().send(new DeleteCommand({ TableName: table(), Key: { pk: `BALLOT#${b.id}`, sk: `RCPT#${String(n).padStart(6, '0')}` } }));
    }
    const page = ReceiptList.parse((await api.call('GET', `/api/ballots/${b.id}/receipts`)).body);
    expect(page.items).toHaveLength(4);
    expect(page.items.every((i) => /^[0-9A-Z]{10}$/.test(i.receipt))).toBe(true);
  });
});
