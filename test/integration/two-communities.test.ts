/**
 * Two communities on one server: the demo's 茶亭 (chating) and a second one, 秦淮 (qinhuai), that also
 * has an estate called `dongyuan`, a household `1-101` and a space `leisure-garden`. Through HTTP only
 * (the second community's registry items are written as the seed writes them), each community sees
 * only its own proposals, activities, spaces, ledger and ballots; the same short names never meet;
 * and the other community's staff, committee and residents are refused (403/404) on the first's objects.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { ActivityPage, SpaceList } from '../../functions/contracts/activities.js';
import { BallotPage, RollSummary } from '../../functions/contracts/ballots.js';
import { LedgerExport, LedgerSummary, Verification } from '../../functions/contracts/ledger.js';
import { ProposalPage } from '../../functions/contracts/proposals.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { samplePlan, sampleProposal, usePlatform } from '../support/platform.js';

const Q = 'qinhuai';
const ESTATE = `${Q}.dongyuan`;
const household = (unit: string) => `${ESTATE}.${unit}`;
const SPACE = {
  id: 'leisure-garden', name: '秦淮休闲花园', nameEn: 'Qinhuai Leisure Garden', description: '河边的小花园。', descriptionEn: 'A small garden by the river.',
  openingHours: '06:00-21:00', capacity: 30, accessibility: '入口无台阶。', accessibilityEn: 'Step-free entrance.',
};
const FLATS = [
  { unit: '1-101', building: '1', room: '101', areaCentiM2: 7000, owner: 'qresident1' },
  { unit: '1-102', building: '1', room: '102', areaCentiM2: 6500, owner: 'qcommittee1' },
  { unit: '2-101', building: '2', room: '101', areaCentiM2: 8000, owner: 'qresident2' },
];

/** The second community, item for item as functions/local/seed.ts writes the demo's. */
function secondCommunity(): Record<string, unknown>[] {
  const c = `COMMUNITY#${Q}`;
  const person = (id: string, displayName: string) => ({ pk: `USER#${id}`, sk: 'PROFILE', id, displayName, communityId: Q });
  const owns = (id: string, f: (typeof FLATS)[number]) => ({
    pk: `USER#${id}`, sk: `HOUSEHOLD#${household(f.unit)}`, householdId: household(f.unit), estateId: ESTATE, estateName: '秦淮东园',
    building: f.building, unit: f.room, relation: 'owner', verified: true, gsi1pk: `HOUSEHOLD#${household(f.unit)}`, gsi1sk: `USER#${id}`,
  });
  const role = (id: string, sk: string, extra: Record<string, string>) => ({ pk: `USER#${id}`, sk, ...extra, gsi1pk: sk, gsi1sk: `USER#${id}` });
  return [
    { pk: c, sk: 'META', id: Q, name: '秦淮社区', nameEn: 'Qinhuai Community', settings: { supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7 },
      createdAt: '2026-09-01T00:00:00.000Z', gsi1pk: 'COMMUNITIES', gsi1sk: Q },
    { pk: c, sk: `ESTATE#${ESTATE}`, id: ESTATE, name: '秦淮东园', nameEn: 'Qinhuai East Garden', buildings: ['1', '2'], households: FLATS.length,
      communityId: Q, createdAt: '2026-09-01T00:00:00.000Z' },
    { pk: c, sk: `SPACE#${SPACE.id}`, ...SPACE, communityId: Q },
    ...FLATS.map((f) => ({ pk: `ESTATE#${ESTATE}`, sk: `HOUSEHOLD#${household(f.unit)}`, id: household(f.unit), estateId: ESTATE,
      building: f.building, unit: f.room, areaCentiM2: f.areaCentiM2, owner: f.owner })),
    person('qresident1', '秦一'), owns('qresident1', FLATS[0]!),
    person('qresident2', '秦二'), owns('qresident2', FLATS[2]!),
    person('qcommittee1', '秦委'), owns('qcommittee1', FLATS[1]!),
    role('qcommittee1', `COMMITTEE#${ESTATE}`, { estateId: ESTATE }),
    person('qstaff1', '秦网格'), role('qstaff1', `STAFF#${Q}`, { communityId: Q }),
    // A grid member who serves both communities.
    person('bothstaff', '两边网格'), role('bothstaff', `STAFF#${Q}`, { communityId: Q }), role('bothstaff', 'STAFF#chating', { communityId: 'chating' }),
  ];
}

const { api, as } = usePlatform(async () => {
  for (const Item of secondCommunity()) await documentClient().send(new PutCommand({ TableName: config().tables.community, Item }));
});
const call = async (who: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${api.base}${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(who ? { authorization: `Bearer ${await as(who)}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json') && text;
  return { status: res.status, body: json ? JSON.parse(text) : null, text };
};
const give = (who: string, key: string, body: Record<string, unknown> = {}) =>
  call(who, 'POST', '/api/donations', { type: 'money', amountFen: 1000, currency: 'CNY', channel: 'cash', ...body }, { 'idempotency-key': key });
/** A Beijing date three weeks ahead, at a time the demo's activities never use. */
const day = new Date(Date.now() + 8 * 3_600_000 + 21 * 86_400_000).toISOString().slice(0, 10);
const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const evening = (title: string, extra: object = {}) => ({ spaceId: 'leisure-garden', title, startsAt: at('19:00'), endsAt: at('20:00'), capacity: 5, ...extra });
const qRoll: RollRow[] = FLATS.map((f) => ({
  unitId: f.unit, building: f.building, room: f.room, areaCentiM2: f.areaCentiM2, owners: [f.owner], head: f.owner, representativeId: f.owner,
}));

describe('two communities on one server', () => {
  const made: Record<string, string> = {};

  it('lets each community run its own proposals, activities, ledger and ballots, with the same short names', async () => {
    const proposal = await call('qresident1', 'POST', '/api/proposals', sampleProposal(1));
    expect([proposal.status, proposal.body.communityId]).toEqual([201, Q]);
    made.qProposal = proposal.body.id;
    made.cProposal = (await call('resident1', 'POST', '/api/proposals', sampleProposal(2))).body.id;

    // The same space id, the same evening: two different parks, so neither overlaps the other.
    const ours = await call('qstaff1', 'POST', '/api/activities', evening('秦淮河边读书会'));
    const theirs = await call('staff1', 'POST', '/api/activities', evening('茶亭夜间健步走'));
    expect([ours.status, ours.body.communityId, theirs.status, theirs.body.communityId]).toEqual([201, Q, 201, 'chating']);
    [made.qActivity, made.cActivity] = [ours.body.id, theirs.body.id];
    expect((await call('qstaff1', 'POST', '/api/activities', evening('同一时段'))).status).toBe(409);

    // A resident's gift goes to their own community's chain; a newcomer with no community names it.
    const gift = await give('qresident1', 'q-gift-1');
    expect([gift.status, gift.body.communityId]).toEqual([201, Q]);
    made.qGift = gift.body.id;
    made.cGift = (await give('resident1', 'c-gift-1')).body.id;
    const unnamed = await give('newcomer1', 'n-gift-1');
    expect([unnamed.status, unnamed.body.error.code]).toEqual([400, 'community_required']);
    expect((await give('newcomer1', 'n-gift-2', { communityId: 'nowhere' })).body.error.code).toBe('unknown_community');
    const named = await give('newcomer1', 'n-gift-3', { communityId: Q });
    expect([named.status, named.body.communityId]).toEqual([201, Q]);
    const mine = await call('newcomer1', 'GET', `/api/me/donations?community=${Q}`);
    expect(mine.body.items.map((g: { id: string }) => g.id)).toEqual([named.body.id]);
    expect((await call('newcomer1', 'GET', '/api/me/donations')).body.error.code).toBe('community_required');

    // Both communities have a `dongyuan` with a unit `1-101`: two rolls, two ballots.
    const roll = await call('qstaff1', 'PUT', `/api/estates/${ESTATE}/roll`, { csv: rollCsv(qRoll) });
    expect(roll.status).toBe(200);
    const now = Date.now();
    const ballot = await call('qcommittee1', 'POST', '/api/ballots', {
      estateId: ESTATE, title: '选聘物业服务企业', matter: 'property-company', options: { kind: 'decision' },
      opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(),
    });
    expect([ballot.status, ballot.body.communityId, ballot.body.estateId, ballot.body.frozenRoll.units]).toEqual([201, Q, ESTATE, 3]);
    made.qBallot = ballot.body.id;
    const voted = await call('qresident1', 'PUT', `/api/ballots/${made.qBallot}/vote`, { choice: 'yes' });
    expect(voted.body.items.map((u: { unitId: string }) => u.unitId)).toEqual(['1-101']);
  });

  it('shows each community only its own', async () => {
    const proposals = async (c: string) => ProposalPage.parse((await call(null, 'GET', `/api/proposals?community=${c}&limit=50`)).body).items.map((p) => p.id);
    expect(await proposals(Q)).toEqual([made.qProposal]);
    expect(await proposals('chating')).toContain(made.cProposal);
    expect(await proposals('chating')).not.toContain(made.qProposal);

    const window = `from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:59'))}`;
    const activities = async (q: string) => ActivityPage.parse((await call(null, 'GET', `/api/activities?${q}&${window}`)).body).items.map((a) => a.id);
    expect(await activities(`community=${Q}`)).toEqual([made.qActivity]);
    expect(await activities(`community=${Q}&spaceId=leisure-garden`)).toEqual([made.qActivity]);
    // The demo's own health checks share chating's garden on Tuesdays and Thursdays: only ours are looked for.
    const chatingGarden = await activities('community=chating&spaceId=leisure-garden');
    expect(chatingGarden).toContain(made.cActivity);
    expect(chatingGarden).not.toContain(made.qActivity);

    const spaces = async (c: string) => SpaceList.parse((await call(null, 'GET', `/api/spaces?community=${c}`)).body).items;
    expect((await spaces(Q)).map((s) => s.name)).toEqual(['秦淮休闲花园']);
    expect((await spaces('chating')).find((s) => s.id === 'leisure-garden')!.name).toBe('休闲花园');
    const calendar = await call(null, 'GET', `/api/spaces/leisure-garden/calendar.ics?community=${Q}`);
    expect(calendar.text).toContain(`${made.qActivity}@gongzhi`);
    expect(calendar.text).not.toContain(`${made.cActivity}@gongzhi`);
    expect(calendar.text).toContain('秦淮休闲花园');

    const q = LedgerSummary.parse((await call(null, 'GET', `/api/ledger/summary?community=${Q}`)).body);
    expect([q.communityId, q.length]).toEqual([Q, 2]);
    const chain = LedgerExport.parse((await call(null, 'GET', `/api/ledger/export.json?community=${Q}`)).body);
    expect(chain.entries.map((e) => e.id)).toContain(made.qGift);
    expect(chain.entries.map((e) => e.id)).not.toContain(made.cGift);
    for (const c of [Q, 'chating']) {
      expect(Verification.parse((await call(null, 'GET', `/api/ledger/verify?community=${c}`)).body)).toMatchObject({ communityId: c, ok: true });
    }
    expect((await call(null, 'GET', `/api/ledger/entries/${made.qGift}?community=chating`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/ledger/entries/${made.qGift}?community=${Q}`)).status).toBe(200);

    const ballots = async (query: string) => BallotPage.parse((await call(null, 'GET', `/api/ballots?${query}`)).body).items.map((b) => b.id);
    expect(await ballots(`community=${Q}`)).toEqual([made.qBallot]);
    expect(await ballots(`community=${Q}&estateId=${ESTATE}`)).toEqual([made.qBallot]);
    expect(await ballots('community=chating&estateId=chating.dongyuan')).not.toContain(made.qBallot);
    expect((await call(null, 'GET', `/api/ballots?community=chating&estateId=${ESTATE}`)).status).toBe(400);
    const summary = async (e: string) => RollSummary.parse((await call(null, 'GET', `/api/estates/${e}/roll/summary`)).body);
    expect((await summary(ESTATE)).units).toBe(3);
    expect((await summary('chating.dongyuan')).units).toBeGreaterThan(3);
  });

  it('refuses the other community\'s staff, committee and residents on the first one\'s objects', async () => {
    const chatingBallot = BallotPage.parse((await call(null, 'GET', '/api/ballots?community=chating&estateId=chating.dongyuan')).body)
      .items.find((b) => b.status === 'open')!.id;
    const refusals: [string, string, string, unknown?][] = [
      ['qstaff1', 'POST', `/api/proposals/${made.cProposal}/review`, { note: '我来看看' }],
      ['qcommittee1', 'POST', `/api/proposals/${made.cProposal}/review`, {}],
      ['qresident1', 'PUT', `/api/proposals/${made.cProposal}/support`],
      ['qresident1', 'POST', `/api/proposals/${made.cProposal}/comments`, { body: '我们那边也想要' }],
      ['qstaff1', 'PUT', `/api/proposals/${made.cProposal}/supporters/resident9`, { evidence: '纸质表格第3号' }],
      ['qstaff1', 'POST', '/api/proposals', { ...sampleProposal(3), onBehalfOf: { userId: 'resident9', evidence: '纸质表格第4号' } }],
      ['qstaff1', 'GET', '/api/dashboard/proposals?community=chating'],
      ['qstaff1', 'GET', '/api/moderation/reports?community=chating'],
      ['qstaff1', 'POST', '/api/activities', evening('越界', { community: 'chating', startsAt: at('17:00'), endsAt: at('18:00') })],
      ['qstaff1', 'POST', `/api/activities/${made.cActivity}/cancel`, { reason: '不是我们社区的' }],
      ['qstaff1', 'GET', `/api/activities/${made.cActivity}/attendance`],
      ['qstaff1', 'POST', `/api/activities/${made.cActivity}/bookings`, { onBehalfOf: { userId: 'resident9', evidence: '电话预约' } }],
      ['qresident1', 'POST', `/api/activities/${made.cActivity}/bookings`, {}],
      ['qstaff1', 'PUT', '/api/estates/chating.dongyuan/roll', { csv: rollCsv(qRoll) }],
      ['qstaff1', 'GET', '/api/estates/chating.dongyuan/roll'],
      ['qcommittee1', 'POST', '/api/ballots', { estateId: 'chating.dongyuan', title: '越界表决', matter: 'other', options: { kind: 'decision' },
        opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }],
      ['qresident1', 'PUT', `/api/ballots/${chatingBallot}/vote`, { choice: 'no' }],
      ['qstaff1', 'GET', `/api/ballots/${chatingBallot}/units`],
      ['qstaff1', 'PUT', `/api/ballots/${chatingBallot}/units/1-101/vote`, { choice: 'no', via: 'paper', evidence: { formNumber: 'X-1', note: '纸质选票' }, replace: false }],
      ['qcommittee1', 'POST', `/api/ballots/${chatingBallot}/close`],
      ['qstaff1', 'GET', `/api/donations/${made.cGift}?community=chating`],
      ['qstaff1', 'GET', '/api/donations?community=chating'],
      ['qstaff1', 'POST', `/api/donations/${made.cGift}/confirmation`, {}],
      ['qstaff1', 'POST', `/api/ledger/entries/${made.cGift}/reversal`, { reason: '不是我们社区的' }],
      ['staff1', 'GET', `/api/donations/${made.qGift}?community=${Q}`],
    ];
    for (const [who, method, path, body] of refusals) {
      const r = await call(who, method, path, body);
      expect([403, 404], `${who} ${method} ${path}: ${r.status} ${r.text}`).toContain(r.status);
    }
    // Their own community's objects stay theirs to work on.
    expect((await call('qstaff1', 'POST', `/api/proposals/${made.qProposal}/review`, {})).status).toBe(200);
    expect((await call('qcommittee1', 'POST', `/api/proposals/${made.qProposal}/answer`, { decision: 'accepted', plan: samplePlan })).status).toBe(200);
    expect((await call('qstaff1', 'GET', '/api/dashboard/proposals')).body.awaitingAnswer).toEqual([]);
    expect((await call('qstaff1', 'POST', `/api/donations/${made.qGift}/confirmation`, {})).status).toBe(201);
    expect((await call('qstaff1', 'GET', `/api/activities/${made.qActivity}/attendance`)).status).toBe(200);
  });

  it('makes a grid member of both communities say which one they schedule in', async () => {
    const vague = await call('bothstaff', 'POST', '/api/activities', evening('晨练', { startsAt: at('06:00'), endsAt: at('07:00') }));
    expect([vague.status, vague.body.error.code, vague.body.error.issues[0].path]).toEqual([400, 'community_required', 'body.community']);
    const named = await call('bothstaff', 'POST', '/api/activities', evening('晨练', { community: Q, startsAt: at('06:00'), endsAt: at('07:00') }));
    expect([named.status, named.body.communityId]).toEqual([201, Q]);
    expect((await call('bothstaff', 'GET', `/api/dashboard/proposals?community=${Q}`)).status).toBe(200);
    expect((await call('bothstaff', 'GET', '/api/dashboard/proposals?community=chating')).status).toBe(200);
    expect((await call('qresident1', 'GET', `/api/dashboard/proposals?community=${Q}`)).status).toBe(403);
  });
});
