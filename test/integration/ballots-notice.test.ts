/** After close: objections during the notice period, the committee's answers, final only when both are done; frozen rolls. */
import { describe, expect, it } from 'vitest';
import { Ballot, BallotPage, Roll } from '../../functions/contracts/ballots.js';
import { rollCsv } from '../../functions/ballots/roll-csv.js';
import { demoRollRows } from '../../functions/local/demo/ballots.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const HOUR = 3_600_000;
const DAY = 86_400_000;
const serverNow = async () => Date.parse((await api.call('POST', '/api/dev/clock', { body: { advanceDays: 0 } })).body.now);
const advance = (ms: number) => api.call('POST', '/api/dev/clock', { body: { advanceDays: ms / DAY } });
const read = async (id: string) => Ballot.parse((await api.call('GET', `/api/ballots/${id}`)).body);
const object = async (who: string, id: string, text: string) => api.call('POST', `/api/ballots/${id}/objections`, { token: await as(who), body: { text } });
const respond = async (who: string, id: string, objectionId: string, text: string) =>
  api.call('POST', `/api/ballots/${id}/objections/${objectionId}/response`, { token: await as(who), body: { text } });

async function closedBallot(): Promise<Ballot> {
  const now = await serverNow();
  const made = await api.call('POST', '/api/ballots', { token: await as('committee1'), body: {
    estateId: 'chating.dongyuan', title: '在公共绿地设置垃圾分类亭', matter: 'common-use-change', options: { kind: 'decision' },
    opensAt: new Date(now).toISOString(), closesAt: new Date(now + HOUR).toISOString(),
  } });
  expect(made.status).toBe(201);
  const id = made.body.id as string;
  for (const rep of ['resident1', 'resident2', 'resident4', 'resident8', 'resident12', 'resident16', 'resident20', 'resident24', 'resident28', 'resident32', 'resident36', 'resident40', 'resident44', 'committee1']) {
    expect((await api.call('PUT', `/api/ballots/${id}/vote`, { token: await as(rep), body: { choice: rep === 'resident4' ? 'no' : 'yes' } })).status).toBe(200);
  }
  expect((await object('resident1', id, '投票还没有结束，不能提异议吗？')).status).toBe(409);
  await advance(HOUR + 2 * 60_000);
  const closed = await api.call('POST', `/api/ballots/${id}/close`, { token: await as('committee1') });
  expect(closed.status).toBe(200);
  return Ballot.parse(closed.body);
}

describe('the notice period', () => {
  it('takes objections from owners on the roll, the committee answers, and the result is final only after both', async () => {
    const ballot = await closedBallot();
    expect(ballot.status).toBe('notice');
    expect(ballot.result).toMatchObject({ rule: expect.stringContaining('3/4') });
    expect(Date.parse(ballot.result!.noticeEndsAt) - Date.parse(ballot.result!.closedAt)).toBe(7 * DAY);
    for (const who of ['tenant1', 'donor1', 'resident3']) expect((await object(who, ballot.id, '我反对这个结果。')).status, who).toBe(403);
    const filed = await object('resident4', ballot.id, '分类亭离我家窗户太近，请公布选址依据。');
    expect(filed.status).toBe(201);
    const objection = Ballot.parse(filed.body).objections[0]!;
    expect(objection).toMatchObject({ by: 'resident4', response: null });
    expect(Ballot.parse(filed.body).openObjections).toBe(1);
    expect((await respond('resident1', ballot.id, objection.id, '好的')).status).toBe(403);

    await advance(8 * DAY);
    expect((await read(ballot.id)).status).toBe('notice'); // period over, but an objection is still open
    expect((await object('resident8', ballot.id, '期满之后还可以提吗？')).body.error.code).toBe('notice_over');
    const answered = await respond('committee1', ballot.id, objection.id, '选址图已张贴在宣传栏，距最近住户窗户 12 米。');
    expect(answered.status).toBe(200);
    expect(Ballot.parse(answered.body)).toMatchObject({ status: 'final', openObjections: 0 });
    expect((await respond('committee1', ballot.id, objection.id, '再答一次')).status).toBe(409);
    expect((await respond('committee1', ballot.id, '01ARZ3NDEKTSV4RRFFQ69G5FAV', '没有这条')).status).toBe(404);
  });

  it('keeps a ballot\'s frozen roll when the estate\'s roll is imported again', async () => {
    const page = BallotPage.parse((await api.call('GET', '/api/ballots?community=chating&estateId=chating.dongyuan')).body);
    const hire = page.items.find((b) => b.matter === 'property-company')!;
    const before = (await read(hire.id)).frozenRoll;
    const rows = demoRollRows('chating.dongyuan').slice(0, 5);
    expect((await api.call('PUT', '/api/estates/chating.dongyuan/roll', { token: await as('staff1'), body: { csv: rollCsv(rows) } })).status).toBe(200);
    const roll = Roll.parse((await api.call('GET', '/api/estates/chating.dongyuan/roll', { token: await as('staff1') })).body);
    expect(roll.units).toHaveLength(5);
    expect((await read(hire.id)).frozenRoll).toEqual(before);
    expect(before.units).toBe(demoRollRows('chating.dongyuan').length);
  });

  it('pages through the community\'s ballots with an opaque cursor, and refuses a forged one', async () => {
    const first = BallotPage.parse((await api.call('GET', '/api/ballots?community=chating&limit=1')).body);
    expect(first.items).toHaveLength(1);
    const second = BallotPage.parse((await api.call('GET', `/api/ballots?community=chating&limit=1&cursor=${first.cursor}`)).body);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await api.call('GET', '/api/ballots?community=chating&cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    // The community is named, never assumed; an estate filter must be one of its estates.
    expect((await api.call('GET', '/api/ballots')).status).toBe(400);
    const elsewhere = await api.call('GET', '/api/ballots?community=qinhuai&estateId=chating.dongyuan');
    expect([elsewhere.status, elsewhere.body.error.issues[0].path]).toEqual([400, 'query.estateId']);
    expect((await api.call('GET', '/api/ballots/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await api.call('GET', '/api/ballots/not-a-ulid')).status).toBe(400);
  });
});
