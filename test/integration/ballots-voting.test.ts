/**
 * Ballots through the HTTP layer against dynalite: who may vote, 500 racing votes from 50 units, the
 * last vote counts with every change kept, paper and proxy entry, close, receipts that recompute to
 * the published result, objections during the notice period.
 */
import { describe, expect, it } from 'vitest';
import { Ballot, BallotPage, BallotUnits, MyVotes, ReceiptList, UnitHistory } from '../../functions/contracts/ballots.js';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { LIVE_MAX_AGE_MS } from '../../functions/ballots/live-participation.js';
import { ruleOf } from '../../functions/ballots/rules.js';
import { tally } from '../../functions/ballots/tally.js';
import { addResidents } from '../support/residents.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const HOUR = 3_600_000;
const serverNow = async () => Date.parse((await api.call('POST', '/api/dev/clock', { body: { advanceDays: 0 } })).body.now);
const advance = (ms: number) => api.call('POST', '/api/dev/clock', { body: { advanceDays: ms / 86_400_000 } });
const putVote = async (who: string, id: string, body: object) => api.call('PUT', `/api/ballots/${id}/vote`, { token: await as(who), body });
const enter = async (who: string, id: string, unitId: string, body: object) =>
  api.call('PUT', `/api/ballots/${id}/units/${unitId}/vote`, { token: await as(who), body });
const read = async (id: string) => Ballot.parse((await api.call('GET', `/api/ballots/${id}`)).body);
const units = async (id: string) => BallotUnits.parse((await api.call('GET', `/api/ballots/${id}/units`, { token: await as('staff1') })).body).items;
const history = async (who: string, id: string, unitId: string) =>
  UnitHistory.parse((await api.call('GET', `/api/ballots/${id}/units/${unitId}/history`, { token: await as(who) })).body).items;

async function openBallot(body: object = {}): Promise<Ballot> {
  const now = await serverNow();
  const reply = await api.call('POST', '/api/ballots', {
    token: await as('committee1'),
    body: { estateId: 'chating.dongyuan', title: '选聘物业服务企业', matter: 'property-company', options: { kind: 'decision' },
      opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + HOUR).toISOString(), ...body },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return Ballot.parse(reply.body);
}
/** Past closesAt and the settle minute. */
const pastClose = () => advance(HOUR + 2 * 60_000);

describe('the demo ballots', () => {
  it('lists an open "hire a property company" ballot and a final one with its result', async () => {
    const page = BallotPage.parse((await api.call('GET', '/api/ballots?community=chating&estateId=chating.dongyuan')).body);
    expect(page.items.find((b) => b.matter === 'property-company')).toMatchObject({ status: 'open', outcome: null, ruleKind: 'ordinary' });
    const fund = page.items.find((b) => b.matter === 'use-maintenance-fund')!;
    expect(fund.status).toBe('final');
    const full = await read(fund.id);
    expect(full.result!.outcome).toMatch(/passed|failed|no-quorum/);
    expect(full.objections[0]!.response).not.toBeNull();
  });

  it('refuses tenants, another estate\'s owners, donors and strangers; an owner of two flats votes for both', async () => {
    const page = BallotPage.parse((await api.call('GET', '/api/ballots?community=chating&estateId=chating.dongyuan')).body);
    const hire = page.items.find((b) => b.matter === 'property-company')!;
    for (const who of ['tenant1', 'resident3', 'donor1', 'staff1']) {
      const r = await putVote(who, hire.id, { choice: 'yes' });
      expect(r.status, who).toBe(403);
    }
    expect((await api.call('PUT', `/api/ballots/${hire.id}/vote`, { body: { choice: 'yes' } })).status).toBe(401);
    const before = await read(hire.id);
    const mine = MyVotes.parse((await putVote('resident2', hire.id, { choice: 'yes' })).body);
    expect(mine.items).toHaveLength(2);
    expect(mine.items.every((u) => u.choice === 'yes' && /^[0-9A-HJKMNP-TV-Z]{10}$/.test(u.receipt!))).toBe(true);
    expect(mine.items[0]!.receipt).not.toBe(mine.items[1]!.receipt);
    // Participation while open is a recount at most LIVE_MAX_AGE_MS old (live-participation.ts).
    await advance(LIVE_MAX_AGE_MS);
    const after = await read(hire.id);
    expect(after.participation.units).toBe(before.participation.units + 2);
    expect(after.participation.heads).toBe(before.participation.heads + 1);
    expect(after.participation.areaCentiM2).toBe(before.participation.areaCentiM2 + mine.items.reduce((s, u) => s + u.areaCentiM2, 0));
    expect(after.result).toBeNull();
    expect(JSON.stringify(after)).not.toMatch(/"choice"/);
    expect((await putVote('resident2', hire.id, { choice: 'maybe' })).status).toBe(400);
    expect((await putVote('resident2', hire.id, { choice: 'no', unitId: '1-101' })).status).toBe(403);
  });

  it('lets only the estate\'s committee open a ballot, and checks what it asks', async () => {
    const body = { estateId: 'chating.dongyuan', title: '选聘物业', matter: 'property-company', options: { kind: 'decision' },
      opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + HOUR).toISOString() };
    expect((await api.call('POST', '/api/ballots', { token: await as('resident1'), body })).status).toBe(403);
    expect((await api.call('POST', '/api/ballots', { token: await as('staff1'), body })).status).toBe(403);
    expect((await api.call('POST', '/api/ballots', { token: await as('committee1'), body: { ...body, estateId: 'chating.xinyu' } })).status).toBe(403);
    const bad = await api.call('POST', '/api/ballots', { token: await as('committee1'), body: { ...body, matter: 'rebuild', options: { kind: 'candidates', candidates: ['王'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.options.kind');
    const major = await openBallot({ matter: 'raise-maintenance-fund' });
    expect(major).toMatchObject({ ruleKind: 'major', rule: { approval: { numerator: 3, denominator: 4, strict: false } }, status: 'open' });
    expect(major.frozenRoll.units).toBeGreaterThan(0);
  });
});

describe('a 50-unit roll', () => {
  let reps: string[] = [];
  const rows = (): RollRow[] => reps.map((rep, i) => ({
    unitId: `t-${i + 1}`, building: '5', room: String(101 + i), areaCentiM2: 6000 + 37 * i, owners: [`业主${i + 1}`], head: rep, representativeId: rep,
  }));

  it('counts exactly one vote per unit when 500 votes from 50 representatives race', async () => {
    reps = await addResidents('bal', 50);
    const imported = await api.call('PUT', '/api/estates/chating.dongyuan/roll', { token: await as('staff1'), body: { csv: rollCsv(rows()) } });
    expect(imported.status).toBe(200);
    const ballot = await openBallot();
    expect(ballot.frozenRoll).toMatchObject({ units: 50, heads: 50 });
    await Promise.all(reps.map((r) => as(r)));
    const choices = ['yes', 'no', 'abstain'];
    const t0 = Date.now();
    const replies = await Promise.all(Array.from({ length: 500 }, (_, i) => putVote(reps[i % 50]!, ballot.id, { choice: choices[(i * 7) % 3]! })));
    console.log('500 votes took', Date.now() - t0, 'ms');
    expect(replies.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    const list = await units(ballot.id);
    expect(list.filter((u) => u.voted)).toHaveLength(50);
    const live = await read(ballot.id);
    expect(live.participation).toEqual({ units: 50, heads: 50, areaCentiM2: rows().reduce((s, r) => s + r.areaCentiM2, 0) });
    // Each unit's counted vote is the last entry of its history.
    for (const rep of reps.slice(0, 10)) {
      const mine = MyVotes.parse((await api.call('GET', `/api/ballots/${ballot.id}/vote`, { token: await as(rep) })).body).items[0]!;
      const steps = await history(rep, ballot.id, mine.unitId);
      expect(steps.length).toBeGreaterThanOrEqual(1);
      expect(steps.length).toBeLessThanOrEqual(10);
      expect(steps.at(-1)!.choice).toBe(mine.choice);
    }
  }, 180_000);

  it('keeps every change; the last vote counts; staff enter paper and proxy votes with evidence; then close and publish', async () => {
    const ballot = await openBallot();
    const [a, b, c, d] = reps as [string, string, string, string];
    for (const choice of ['yes', 'no', 'abstain', 'no']) expect((await putVote(a, ballot.id, { choice })).status).toBe(200);
    expect((await putVote(a, ballot.id, { choice: 'no' })).status).toBe(200); // the same again: no change
    const steps = await history(a, ballot.id, 't-1');
    expect(steps.map((s) => s.choice)).toEqual(['yes', 'no', 'abstain', 'no']);
    expect((await history('committee1', ballot.id, 't-1')).map((s) => s.choice)).toEqual([null, null, null, null]);
    expect((await api.call('GET', `/api/ballots/${ballot.id}/units/t-1/history`, { token: await as(b) })).status).toBe(403);

    // Paper ballot for a unit that has not voted; then the same unit again needs replace with a reason.
    const paper = { choice: 'yes', via: 'paper', evidence: { formNumber: 'ZB-0007', photoRef: 'media/forms/zb-0007.jpg' } };
    expect((await enter('committee1', ballot.id, 't-2', paper)).status).toBe(403);
    const first = await enter('staff1', ballot.id, 't-2', paper);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unitId: 't-2', choice: 'yes', via: 'paper', replaced: false });
    expect((await enter('staff1', ballot.id, 't-2', { ...paper, choice: 'no' })).body.error.code).toBe('already_voted');
    expect((await enter('staff1', ballot.id, 't-1', paper)).status).toBe(409); // voted online already
    expect((await enter('staff1', ballot.id, 't-2', { ...paper, choice: 'no', replace: true })).status).toBe(400);
    const replaced = await enter('staff1', ballot.id, 't-2', { ...paper, choice: 'no', replace: true, reason: '业主本人到社区更正，表格 ZB-0007 作废' });
    expect(replaced.body).toMatchObject({ choice: 'no', replaced: true, receipt: first.body.receipt });
    const proxy = await enter('staff1', ballot.id, 't-3', {
      choice: 'yes', via: 'proxy', evidence: { formNumber: 'WT-0003', note: '网格员上门，业主口述' }, onBehalfOf: '业主3',
    });
    expect(proxy.status).toBe(200);
    const t2 = await history('staff1', ballot.id, 't-2');
    expect(t2).toHaveLength(2);
    expect(t2[1]).toMatchObject({ via: 'paper', by: 'staff1', reason: '业主本人到社区更正，表格 ZB-0007 作废', evidence: { formNumber: 'ZB-0007', photoRef: 'media/forms/zb-0007.jpg' } });
    expect((await enter('staff1', ballot.id, 'no-such-unit', paper)).status).toBe(404);
    for (const rep of reps.slice(3, 40)) await putVote(rep, ballot.id, { choice: 'yes' });
    expect((await api.call('GET', `/api/ballots/${ballot.id}/receipts`)).status).toBe(409);
    expect((await api.call('POST', `/api/ballots/${ballot.id}/close`, { token: await as('committee1') })).body.error.code).toBe('still_open');

    await pastClose();
    expect((await putVote(d, ballot.id, { choice: 'no' })).status).toBe(409);
    expect((await putVote(c, ballot.id, { choice: 'no' })).status).toBe(409);
    expect((await enter('staff1', ballot.id, 't-45', paper)).status).toBe(409);
    expect((await api.call('POST', `/api/ballots/${ballot.id}/close`, { token: await as('resident1') })).status).toBe(403);
    const closed = await api.call('POST', `/api/ballots/${ballot.id}/close`, { token: await as('committee1') });
    expect(closed.status).toBe(200);
    const result = Ballot.parse(closed.body).result!;
    expect(result.participation).toMatchObject({ units: 40, heads: 40 });
    expect(result).toMatchObject({ quorumMet: true, outcome: 'passed' }); // 40 of 50 took part; 38 of the 40 said yes
    expect(result.options.find((o) => o.optionId === 'yes')).toMatchObject({ heads: 38, approved: true });
    expect((await api.call('POST', `/api/ballots/${ballot.id}/close`, { token: await as('committee1') })).status).toBe(409);

    // Anyone can recompute the published result from the receipt list; each voter finds their own code.
    const published = ReceiptList.parse((await api.call('GET', `/api/ballots/${ballot.id}/receipts`)).body);
    expect(published.items).toHaveLength(40);
    const { closedAt: _c, closedBy: _b, noticeEndsAt: _n, ...rest } = published.result;
    expect(tally({ rule: ruleOf(published.ruleKind), optionsKind: 'decision', optionIds: published.options.map((o) => o.id), roll: published.frozenRoll, ballots: published.items })).toEqual(rest);
    const mine = MyVotes.parse((await api.call('GET', `/api/ballots/${ballot.id}/vote`, { token: await as(a) })).body).items[0]!;
    expect(published.items.find((i) => i.receipt === mine.receipt)!.choice).toBe('no');
    expect(published.items.find((i) => i.receipt === replaced.body.receipt)!.choice).toBe('no');
    // A receipt belongs to one unit in one ballot: the same unit's code in the earlier ballot is another.
    const earlier = BallotPage.parse((await api.call('GET', '/api/ballots?community=chating&estateId=chating.dongyuan&limit=50')).body).items.filter((x) => x.id !== ballot.id);
    const codes = await Promise.all(earlier.map(async (x) =>
      MyVotes.parse((await api.call('GET', `/api/ballots/${x.id}/vote`, { token: await as(a) })).body).items[0]?.receipt ?? null));
    expect(codes.filter(Boolean).length).toBeGreaterThan(0);
    expect(codes).not.toContain(mine.receipt);
  });
});
