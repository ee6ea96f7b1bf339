/**
 * The authorization matrix's world, built through HTTP only (the platform admin's one bootstrap step
 * aside): community C with estates A and B, community D, one person per caller role, and in C objects
 * that belong to someone else — proposals at every step of their life with a comment and objections,
 * activities with a booking, ballots in A (open, closed with an objection, past closing), gifts, a
 * project and ledger entries, join codes, a household request, a person without a phone, a space.
 */
import { randomUUID } from 'node:crypto';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import type { SignedInRole } from '../../functions/routes.js';
import { householdCsv, makePlatformAdmin } from './admin.js';
import { samplePlan, type Api } from './platform.js';

export const C = 'mxc';
export const D = 'mxd';
export const A = 'mxc.east';
export const B = 'mxc.west';
export const SPACE = 'mx-park';
/** The anonymous donor: their name, id and transaction reference must never reach a public response. */
export const ANON = { id: 'mxanonymous7', name: '欧阳隐名矩阵', reference: 'WX4200009999' };

/** One person per signed-in role; each holds that role and nothing else. */
export const personOf: Record<SignedInRole, string> = {
  donor: 'mx-donor',
  tenant: 'mx-tenant',
  resident: 'mx-resident',
  'owner-other-estate': 'mx-owner-b',
  'committee-other-estate': 'mx-committee-b',
  committee: 'mx-committee',
  'staff-other-community': 'mx-staff-d',
  staff: 'mx-staff',
  'platform-admin': 'mx-admin',
};
/** The others whose things the matrix reaches for. */
export const others = {
  author: 'mx-author', neighbour: 'mx-neighbour', giver: 'mx-giver', applicant: 'mx-applicant', mover: 'mx-mover',
  linkme: 'mx-linkme', staffX: 'mx-staff-x', committeeX: 'mx-committee-x',
} as const;

export interface Reply { status: number; text: string; json: any }

/** A request as anyone (null: a visitor); ledger writes carry a fresh Idempotency-Key. */
export function client(api: Api, as: (userId: string) => Promise<string>) {
  return async (who: string | null, method: string, path: string, body?: unknown, idempotent = false): Promise<Reply> => {
    const res = await fetch(`${api.base}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${await as(who)}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(idempotent ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* text/calendar, text/csv */ }
    return { status: res.status, text, json };
  };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;
const consent = { notice: '2026-12', sensitive: false };
const DAY = 86_400_000;

export async function buildFixture(api: Api, as: (userId: string) => Promise<string>) {
  const send = client(api, as);
  const ok = async (who: string | null, method: string, path: string, body?: unknown, idempotent = false) => {
    const r = await send(who, method, path, body, idempotent);
    if (r.status >= 300) throw new Error(`fixture: ${who} ${method} ${path} → ${r.status} ${r.text}`);
    return r.json;
  };
  const serverNow = async () => Date.parse((await ok(null, 'POST', '/api/dev/clock', { advanceDays: 0 })).now);
  const { staff, committee, resident, tenant } = personOf;
  const admin = personOf['platform-admin'];
  const { author, neighbour } = others;

  // The office, the communities, their staff; staff build C's registry.
  await makePlatformAdmin(admin);
  await ok(admin, 'POST', '/api/communities', { id: C, name: '矩阵社区' });
  await ok(admin, 'POST', '/api/communities', { id: D, name: '隔壁矩阵社区' });
  for (const [community, who, n] of [[C, staff, 1], [C, others.staffX, 2], [D, personOf['staff-other-community'], 3]] as const) {
    await ok(admin, 'PUT', `/api/communities/${community}/staff/${who}`, { evidence: `街道任命文件 2026-6${n} 号` });
  }
  await ok(staff, 'POST', `/api/communities/${C}/estates`, { slug: 'east', name: '矩阵东苑' });
  await ok(staff, 'POST', `/api/communities/${C}/estates`, { slug: 'west', name: '矩阵西苑' });
  const householdsOfA = householdCsv(8);
  await ok(staff, 'PUT', `/api/estates/${A}/households`, { csv: householdsOfA });
  await ok(staff, 'PUT', `/api/estates/${B}/households`, { csv: householdCsv(4) });
  for (const [estate, who] of [[A, committee], [A, others.committeeX], [B, personOf['committee-other-estate']]] as const) {
    await ok(staff, 'PUT', `/api/estates/${estate}/committee/${who}`, { displayName: `委员${who.slice(3)}`, evidence: '物管会备案表 2026-60' });
  }
  await ok(staff, 'POST', `/api/communities/${C}/spaces`, { id: SPACE, name: '矩阵口袋公园', openingHours: '06:00-22:00', capacity: 50 });

  // Residents join with their letters (owners by the name on the registry).
  const letters = async (estate: string) => new Map<string, { id: string; code: string }>(
    (await ok(staff, 'POST', `/api/estates/${estate}/household-codes`, {})).letters.map((l: any) => [l.householdId, l]));
  const lettersA = await letters(A);
  const lettersB = await letters(B);
  const join = (who: string, letter: { code: string } | undefined, relation: string, displayName: string) =>
    ok(who, 'POST', '/api/me/household', { code: letter!.code, relation, displayName, consent });
  await join(resident, lettersA.get(`${A}.1-101`), 'owner', '业主0');
  await join(author, lettersA.get(`${A}.1-102`), 'owner', '业主1');
  await join(neighbour, lettersA.get(`${A}.1-103`), 'owner', '业主2');
  await join(tenant, lettersA.get(`${A}.1-104`), 'tenant', '租户3');
  await join(others.mover, lettersA.get(`${A}.1-201`), 'family', '搬家的人');
  await join(personOf['owner-other-estate'], lettersB.get(`${B}.1-101`), 'owner', '业主0');
  const unusedCode = lettersA.get(`${A}.1-202`)!.id;
  const revokedLetter = lettersA.get(`${A}.1-203`)!;
  await ok(staff, 'DELETE', `/api/household-codes/${revokedLetter.id}`);
  const request = (await ok(others.applicant, 'POST', '/api/me/household-requests', {
    estateId: A, building: '1', room: '204', relation: 'tenant', displayName: '孙租客', consent,
  })).id as string;
  // The anonymous donor has a name on record (a request to join names them).
  await ok(ANON.id, 'POST', '/api/me/household-requests', {
    estateId: A, building: '1', room: '202', relation: 'family', displayName: ANON.name, consent,
  });
  const person = (await ok(staff, 'POST', `/api/communities/${C}/people`, {
    displayName: '钱奶奶', householdId: `${A}.1-202`, relation: 'family', evidence: '网格员上门登记',
  })).id as string;

  // Proposals whose answers must be final later: entered for the author by staff, answered by the committee.
  let paper = 0;
  const propose = async (title: string) => (await ok(staff, 'POST', '/api/proposals', {
    title, description: '老人散步走累了没有地方坐，希望加几张有靠背的长椅。', category: 'seating',
    onBehalfOf: { userId: author, evidence: `纸质提案表 第${++paper}号` },
  })).id as string;
  const review = (id: string) => ok(committee, 'POST', `/api/proposals/${id}/review`, {});
  const accept = (id: string) => ok(committee, 'POST', `/api/proposals/${id}/answer`, { decision: 'accepted', plan: samplePlan });
  const proposals: Record<string, string> = {};
  for (const name of ['final', 'work', 'complete']) {
    proposals[name] = await propose(`矩阵提案 ${name}`);
    await review(proposals[name]!);
    await accept(proposals[name]!);
  }

  // Ballots in A on the roll derived from the registry: X gets votes, X2 none; both close within the hour.
  await ok(staff, 'POST', `/api/estates/${A}/roll/from-registry`);
  const ballot = async (title: string, opens: number, closes: number) => (await ok(committee, 'POST', '/api/ballots', {
    estateId: A, title, matter: 'property-company', options: { kind: 'decision' },
    opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString(),
  })).id as string;
  let now = await serverNow();
  const ballotX = await ballot('选聘物业服务企业', now, now + 3_600_000);
  const ballotX2 = await ballot('修改管理规约', now, now + 3_600_000);
  await ok(resident, 'PUT', `/api/ballots/${ballotX}/vote`, { choice: 'yes' });
  await ok(author, 'PUT', `/api/ballots/${ballotX}/vote`, { choice: 'no' });

  // Eight days on: the answers above are final, the ballots past closing.
  await ok(null, 'POST', '/api/dev/clock', { advanceDays: 8 });
  now = await serverNow();
  await ok(committee, 'POST', `/api/ballots/${ballotX}/close`);
  const ballotObjection = (await ok(author, 'POST', `/api/ballots/${ballotX}/objections`, { text: '计票结果公示的依据请再说明。' }))
    .objections[0].id as string;
  const ballotY = await ballot('筹集维修资金', now, now + 7 * DAY);
  const rollOfA = (await ok(staff, 'GET', `/api/estates/${A}/roll`)).units as RollRow[];
  for (const name of ['work', 'complete']) await ok(committee, 'POST', `/api/proposals/${proposals[name]}/start`, {});

  for (const name of ['open', 'review', 'answer', 'notice', 'withdraw']) proposals[name] = await propose(`矩阵提案 ${name}`);
  await review(proposals.answer!);
  await review(proposals.notice!);
  await accept(proposals.notice!);
  await ok(neighbour, 'POST', `/api/proposals/${proposals.notice}/objections`, { reason: '方案占用了消防通道，请调整。' });
  const comment = (await ok(neighbour, 'POST', `/api/proposals/${proposals.open}/comments`, { body: '希望长椅有扶手。' })).id as string;
  await ok(neighbour, 'POST', `/api/proposals/${proposals.open}/comments/${comment}/reports`, { reason: '重复发言' });

  // Activities three days on, Beijing mornings; the neighbour books the main one and keeps a calendar link.
  const day = new Date(now + 3 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
  const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
  const activity = async (title: string, from: string, to: string) => (await ok(staff, 'POST', '/api/activities', {
    community: C, spaceId: SPACE, title, startsAt: at(day, from), endsAt: at(day, to), capacity: 20,
  })).id as string;
  const activities = {
    main: await activity('血压测量', '09:00', '10:00'),
    cancel: await activity('读书角', '10:00', '11:00'),
    move: await activity('植物园', '11:00', '12:00'),
  };
  await ok(neighbour, 'POST', `/api/activities/${activities.main}/bookings`, {});
  const feedToken = (await ok(neighbour, 'POST', '/api/me/calendar-feed')).token as string;

  // The ledger: a project, someone else's gift, an entry to reverse, and the anonymous donor's gifts.
  const project = (await ok(staff, 'POST', '/api/projects', { title: '矩阵座椅', budgetFen: 500_000 }, true)).id as string;
  const gift = (await ok(others.giver, 'POST', '/api/donations', {
    type: 'money', amountFen: 8_800, currency: 'CNY', channel: 'cash', projectId: project, communityId: C,
  }, true)).id as string;
  const toReverse = (await ok(staff, 'POST', `/api/projects/${project}/volunteer-hours`, {
    minutes: 120, description: '搬运长椅', workedOn: day,
  }, true)).id as string;
  const anonGift = (await ok(ANON.id, 'POST', '/api/donations', {
    type: 'money', amountFen: 66_600, currency: 'CNY', channel: 'wechat_pay', reference: ANON.reference, visibility: 'anonymous',
    projectId: project, communityId: C,
  }, true)).id as string;
  await ok(staff, 'POST', `/api/donations/${anonGift}/confirmation`, { note: '已到账' }, true);
  await ok(staff, 'POST', '/api/donations', {
    type: 'in_kind', item: '帐篷', quantity: 4, unit: '顶', estimatedValueFen: 80_000, visibility: 'anonymous',
    onBehalfOf: { name: ANON.name, userId: ANON.id, evidence: '收据簿 第12号' },
  }, true);

  return {
    now, day, at, householdsOfA, rollCsvOfA: rollCsv(rollOfA), proposals, comment, activities, feedToken, project, gift, toReverse,
    anonGift, ballotX, ballotX2, ballotY, ballotObjection, unusedCode, revokedCode: revokedLetter.code, request, person,
  };
}
