/**
 * The authorization matrix: every row of the route table, called as every caller role on real
 * objects of community C with a valid request, answers as the row's `allow` declares — a visitor
 * 401 on a login route, any other refused role 403 (404 where the row hides the object from it),
 * and no allowed role 401 or 403. A row without a case here fails the test. Also: an anonymous
 * donor's name, id and transaction reference appear in no public response.
 *
 * Each row's refused callers go first, all at once; then the allowed ones one by one, on objects
 * made for that row where a write would use them up; then the person the object names, if the row
 * lets them in. Rows whose allowed calls change who the callers are (a household request gives a
 * profile, leaving erases one) run last. `MATRIX_REPORT=1` prints every row's statuses.
 */
import { describe, expect, it } from 'vitest';
import { allowedRoles, callerRoles, routes, type CallerRole, type Party, type RouteDef } from '../../functions/routes.js';
import { A, ANON, B, buildFixture, C, client, others, personOf, SPACE, type Fixture, type Reply } from '../support/authorization-fixture.js';
import { sampleProposal, samplePlan, usePlatform } from '../support/platform.js';

let f: Fixture;
const { api, as } = usePlatform(async (a) => { f = await buildFixture(a, as); });
const send = client(api, as);
const consent = { notice: '2026-12', sensitive: false };
const NO_SUCH_ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

interface Case {
  /** The path with real ids, and its query string. */
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** Why no allowed caller can succeed here (the answer is a domain 4xx such as 409 for all of them). */
  noSuccess?: string;
  /** Runs after every other row: its allowed calls change who the callers are. */
  last?: true;
}

const proposal = (name: string, tail = '') => (x: Fixture) => `/api/proposals/${x.proposals[name]}${tail}`;
const cases: Record<string, Case> = {
  health: { path: () => '/api/health' },
  openapi: { path: () => '/api/openapi.json' },
  me: { path: () => '/api/me' },
  'me.priority.put': { path: () => '/api/me/priority-profile', body: () => ({ birthYear: 1950, childBirthYears: [] }) },

  'proposals.list': { path: () => `/api/proposals?community=${C}` },
  'proposals.create': { path: () => '/api/proposals', body: () => sampleProposal(7) },
  'proposals.get': { path: proposal('open') },
  'proposals.support.get': { path: proposal('open', '/support') },
  'proposals.support.put': { path: proposal('open', '/support') },
  'proposals.support.delete': { path: proposal('open', '/support') },
  'proposals.supporters.put': { path: proposal('open', `/supporters/${others.neighbour}`), body: () => ({ evidence: '纸质签名表 第3号' }) },
  'proposals.withdraw': { path: proposal('withdraw', '/withdraw'), body: () => ({ reason: '已经解决了' }) },
  'proposals.review': { path: proposal('review', '/review'), body: () => ({ note: '开始评估' }) },
  'proposals.answer': { path: proposal('answer', '/answer'), body: () => ({ decision: 'accepted', plan: samplePlan }) },
  'proposals.objections': { path: proposal('notice', '/objections'), body: () => ({ reason: '这个方案占用了消防通道。' }) },
  'proposals.start': { path: proposal('final', '/start'), body: () => ({ note: '施工队进场' }) },
  'proposals.milestones': { path: proposal('work', '/milestones'), body: (x) => ({ title: '材料进场', date: x.day, progress: 30 }) },
  'proposals.complete': { path: proposal('complete', '/complete'), body: () => ({ outcome: '长椅已经安装完成。' }) },
  'proposals.photos': {
    path: proposal('work', '/photos'), body: () => ({ photoId: NO_SUCH_ULID, kind: 'before' }),
    noSuccess: 'attaching needs a file uploaded through the link first: 409 not_uploaded',
  },
  'proposals.objections.respond': {
    path: proposal('notice', `/objections/${others.neighbour}/response`), body: () => ({ response: '已调整方案，避开消防通道。' }),
  },
  'proposals.photoUploads.create': { path: proposal('work', '/photo-uploads'), body: () => ({ contentType: 'image/jpeg', bytes: 1000, kind: 'before' }) },
  'proposals.dashboard': { path: () => `/api/dashboard/proposals?community=${C}` },

  'comments.list': { path: proposal('open', '/comments') },
  'comments.create': { path: proposal('open', '/comments'), body: () => ({ body: '支持，希望早点装。' }) },
  'reports.proposal': { path: proposal('open', '/reports'), body: () => ({ reason: '内容重复' }) },
  'reports.comment': { path: (x) => `/api/proposals/${x.proposals.open}/comments/${x.comment}/reports`, body: () => ({ reason: '与主题无关' }) },
  'moderation.queue': { path: () => `/api/moderation/reports?community=${C}` },
  'moderation.decide': {
    path: () => '/api/moderation/decisions',
    body: (x) => ({ proposalId: x.proposals.open, commentId: x.comment, action: 'keep', reason: '没有问题' }),
  },

  'spaces.list': { path: () => `/api/spaces?community=${C}` },
  'activities.list': { path: () => `/api/activities?community=${C}` },
  'activities.create': {
    path: () => '/api/activities',
    body: (x) => ({ community: C, spaceId: SPACE, title: '义诊', startsAt: x.at(x.day, '13:00'), endsAt: x.at(x.day, '14:00'), capacity: 10 }),
  },
  'activities.get': { path: (x) => `/api/activities/${x.activities.main}` },
  'bookings.create': { path: (x) => `/api/activities/${x.activities.main}/bookings`, body: () => ({}) },
  'bookings.cancel': { path: (x) => `/api/activities/${x.activities.main}/bookings/mine` },
  'activities.cancel': { path: (x) => `/api/activities/${x.activities.cancel}/cancel`, body: () => ({ reason: '下雨改期' }) },
  'attendance.list': { path: (x) => `/api/activities/${x.activities.main}/attendance` },
  'attendance.mark': { path: (x) => `/api/activities/${x.activities.main}/attendance/${others.neighbour}`, body: () => ({ present: true }) },
  'activities.series': {
    path: () => '/api/activity-series',
    body: (x) => {
      const later = (days: number) => new Date(Date.parse(`${x.day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return { community: C, spaceId: SPACE, title: '太极拳', capacity: 10, weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '15:00', endTime: '16:00', from: later(10), until: later(12) };
    },
  },
  'activities.move': { path: (x) => `/api/activities/${x.activities.move}/move`, body: (x) => ({ startsAt: x.at(x.day, '17:00'), endsAt: x.at(x.day, '18:00') }) },
  'calendars.space': { path: () => `/api/spaces/${SPACE}/calendar.ics?community=${C}` },
  'calendars.feed.create': { path: () => '/api/me/calendar-feed' },
  'calendars.feed.delete': { path: () => '/api/me/calendar-feed' },
  'calendars.feed': { path: (x) => `/api/calendar-feeds/${x.feedToken}` },
  'me.bookings': { path: () => '/api/me/bookings' },

  'communities.list': { path: () => '/api/communities' },
  'communities.create': { path: () => '/api/communities', body: () => ({ id: 'mx-new', name: '新建矩阵社区' }) },
  'communities.settings': { path: () => `/api/communities/${C}/settings`, body: () => ({ supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7 }) },
  'staff.grant': { path: () => `/api/communities/${C}/staff/mx-staff-new`, body: () => ({ evidence: '街道任命文件 2026-77 号' }) },
  'staff.revoke': { path: () => `/api/communities/${C}/staff/${others.staffX}`, body: () => ({ reason: '调任其他社区' }) },
  'roles.list': { path: () => `/api/communities/${C}/roles` },
  'audit.list': { path: () => `/api/communities/${C}/audit` },
  'estates.list': { path: () => `/api/communities/${C}/estates` },
  'estates.create': { path: () => `/api/communities/${C}/estates`, body: () => ({ slug: 'north', name: '矩阵北苑' }) },
  'committee.grant': { path: () => `/api/estates/${A}/committee/mx-committee-new`, body: () => ({ displayName: '新委员', evidence: '物管会备案表 2026-77' }) },
  'committee.revoke': { path: () => `/api/estates/${A}/committee/${others.committeeX}`, body: () => ({ reason: '任期届满' }) },
  'households.import': { path: () => `/api/estates/${A}/households`, body: (x) => ({ csv: x.householdsOfA }) },
  'households.list': { path: () => `/api/estates/${A}/households` },
  'spaces.create': { path: () => `/api/communities/${C}/spaces`, body: () => ({ id: 'mx-extra', name: '矩阵小广场', openingHours: '06:00-22:00', capacity: 10 }) },
  'spaces.patch': { path: () => `/api/communities/${C}/spaces/${SPACE}`, body: () => ({ accessibility: '无台阶，有扶手' }) },

  'codes.issue': { path: () => `/api/estates/${A}/household-codes`, body: () => ({}) },
  'codes.list': { path: () => `/api/estates/${A}/household-codes` },
  'codes.revoke': { path: (x) => `/api/household-codes/${x.unusedCode}` },
  'me.household.join': {
    path: () => '/api/me/household', body: (x) => ({ code: x.revokedCode, relation: 'family', displayName: '路人', consent }),
    noSuccess: 'a valid code would change who the caller is; with a revoked one everyone signed in gets 409 code_revoked',
  },
  'me.household.leave': {
    path: () => `/api/me/household/${A}.1-204`,
    noSuccess: 'leaving would change who the caller is; none of them lives in 1-204, so each gets 404',
  },
  'me.requests.create': {
    path: () => '/api/me/household-requests', last: true,
    body: () => ({ estateId: B, building: '1', room: '102', relation: 'tenant', displayName: '想搬来的人', consent }),
  },
  'me.requests.list': { path: () => '/api/me/household-requests' },
  'requests.queue': { path: () => `/api/communities/${C}/household-requests` },
  'requests.decide': { path: (x) => `/api/household-requests/${x.request}/decision`, body: () => ({ decision: 'accept', evidence: '看过租赁合同原件' }) },
  'households.members.end': { path: () => `/api/households/${A}.1-201/members/${others.mover}`, body: () => ({ reason: '租约到期搬走' }) },
  'people.register': {
    path: () => `/api/communities/${C}/people`,
    body: () => ({ displayName: '孙奶奶', householdId: `${A}.1-203`, relation: 'family', evidence: '网格员上门登记' }),
  },
  'people.list': { path: () => `/api/communities/${C}/people` },
  'people.link': { path: (x) => `/api/communities/${C}/people/${x.person}/link`, body: () => ({ userId: others.linkme, evidence: '本人到社区出示身份证' }) },
  'me.data': { path: () => '/api/me/data' },

  'notifications.list': { path: () => '/api/me/notifications?limit=5' },
  'notifications.read': { path: () => '/api/me/notifications/read', body: () => ({ all: true }) },
  'notifications.settings.get': { path: () => '/api/me/notification-settings' },
  'notifications.settings.put': {
    path: () => '/api/me/notification-settings', body: () => ({ language: 'zh', phone: null, email: null, smsAtNight: false, kinds: {} }),
  },
  'notifications.unsubscribe': {
    path: () => '/api/notifications/unsubscribe', body: () => ({ token: 'u'.repeat(32) }),
    noSuccess: 'the token is the proof and this one was never sent to anyone: 404 for every caller (notifications-api.test.ts uses a real one)',
  },
  'calls.list': { path: () => `/api/communities/${C}/call-list` },
  'calls.told': {
    path: () => `/api/communities/${C}/call-list/${others.neighbour}/${'n'.repeat(22)}`, body: () => ({ note: '上门告知' }),
    noSuccess: 'nobody of C is on the call list here: 404 for staff (notifications-api.test.ts records a real one)',
  },
  'me.leave': { path: () => '/api/me', body: () => ({ confirm: true }), last: true },

  'donations.create': { path: () => '/api/donations', body: () => ({ type: 'money', amountFen: 100, currency: 'CNY', channel: 'cash', communityId: C }) },
  'donations.list': { path: () => `/api/donations?community=${C}` },
  'donations.get': { path: (x) => `/api/donations/${x.gift}?community=${C}` },
  'donations.confirm': { path: (x) => `/api/donations/${x.gift}/confirmation`, body: () => ({ note: '已点收' }) },
  'me.donations': { path: () => `/api/me/donations?community=${C}` },
  'projects.list': { path: () => `/api/projects?community=${C}` },
  'projects.create': { path: () => '/api/projects', body: () => ({ title: '矩阵遮阳棚', budgetFen: 100_000 }) },
  'projects.get': { path: (x) => `/api/projects/${x.project}?community=${C}` },
  'expenses.create': { path: (x) => `/api/projects/${x.project}/expenses`, body: () => ({ amountFen: 100, payee: '五金店', purpose: '螺丝', receiptNumber: 'R-1' }) },
  'inKindUses.create': {
    path: (x) => `/api/projects/${x.project}/in-kind-uses`, body: () => ({ item: '水泥', quantity: 1, unit: '袋', purpose: '铺地面' }),
    noSuccess: 'the project received no cement: 409 not_enough_stock',
  },
  'volunteerHours.create': { path: (x) => `/api/projects/${x.project}/volunteer-hours`, body: (x) => ({ minutes: 60, description: '擦洗长椅', workedOn: x.day }) },
  'allocations.create': { path: () => '/api/allocations', body: () => ({ amountFen: 1_000, source: '莫愁湖街道' }) },
  'ledger.list': { path: () => `/api/ledger?community=${C}` },
  'ledger.summary': { path: () => `/api/ledger/summary?community=${C}` },
  'ledger.entry': { path: (x) => `/api/ledger/entries/${x.anonGift}?community=${C}` },
  'ledger.reverse': { path: (x) => `/api/ledger/entries/${x.toReverse}/reversal`, body: () => ({ reason: '记录重复了' }) },
  'ledger.verify': { path: () => `/api/ledger/verify?community=${C}` },
  'ledger.export.json': { path: () => `/api/ledger/export.json?community=${C}` },
  'ledger.export.csv': { path: () => `/api/ledger/export.csv?community=${C}` },

  'roll.import': { path: () => `/api/estates/${A}/roll`, body: (x) => ({ csv: x.rollCsvOfA }) },
  'roll.fromRegistry': { path: () => `/api/estates/${A}/roll/from-registry` },
  'roll.get': { path: () => `/api/estates/${A}/roll` },
  'roll.summary': { path: () => `/api/estates/${A}/roll/summary` },
  'ballots.list': { path: () => `/api/ballots?community=${C}` },
  'ballots.create': {
    path: () => '/api/ballots',
    body: (x) => ({ estateId: A, title: '制定议事规则', matter: 'procedure-rules', options: { kind: 'decision' },
      opensAt: new Date(x.now).toISOString(), closesAt: new Date(x.now + 7 * 86_400_000).toISOString() }),
  },
  'ballots.get': { path: (x) => `/api/ballots/${x.ballotX}` },
  'ballots.vote.get': { path: (x) => `/api/ballots/${x.ballotY}/vote` },
  'ballots.vote.put': { path: (x) => `/api/ballots/${x.ballotY}/vote`, body: () => ({ choice: 'yes' }) },
  'ballots.units.list': { path: (x) => `/api/ballots/${x.ballotY}/units` },
  'ballots.units.vote': { path: (x) => `/api/ballots/${x.ballotY}/units/1-204/vote`, body: () => ({ choice: 'no', via: 'paper', evidence: { formNumber: '12' } }) },
  'ballots.units.history': { path: (x) => `/api/ballots/${x.ballotY}/units/1-103/history` },
  'ballots.close': { path: (x) => `/api/ballots/${x.ballotX2}/close` },
  'ballots.receipts': { path: (x) => `/api/ballots/${x.ballotX}/receipts` },
  'ballots.objections.create': { path: (x) => `/api/ballots/${x.ballotX}/objections`, body: () => ({ text: '公示的计票依据不清楚，请说明。' }) },
  'ballots.objections.respond': { path: (x) => `/api/ballots/${x.ballotX}/objections/${x.ballotObjection}/response`, body: () => ({ text: '计票明细已张贴在宣传栏。' }) },
};

/** The person each object names: the author of the proposals, the giver of the gift, the representative of unit 1-103. */
const partyOf: Record<Party, string> = { 'its-author': others.author, 'its-donor': others.giver, 'its-representative': others.neighbour };
const roles = Object.keys(callerRoles) as CallerRole[];
const rows = routes as readonly RouteDef[];
const rowOf = (id: string) => rows.find((r) => r.id === id)!;
const pattern = (r: RouteDef) => new RegExp(`^${r.path.replace(/\{([^}]+)\}/g, '(?<$1>[^/?]+)')}(\\?.*)?$`);
const call = (who: string | null, r: RouteDef, c: Case): Promise<Reply> =>
  send(who, r.method, c.path(f), c.body?.(f), r.idempotencyKey !== undefined);

/** What the row declares for a refused role. */
const refusal = (r: RouteDef, role: CallerRole) => (role === 'visitor' ? 401 : r.hiddenFrom?.includes(role) ? 404 : 403);
const statuses: Record<string, Record<string, number>> = {};

describe('the authorization matrix', () => {
  it('has a case for every row of the route table, on its own path, with a request every schema accepts', () => {
    expect(Object.keys(cases).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) {
      const c = cases[r.id]!;
      const url = c.path(f);
      const match = pattern(r).exec(url);
      expect(match, `${r.id}: ${url} is not ${r.path}`).not.toBeNull();
      const params = Object.fromEntries(Object.entries(match!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      const query = Object.fromEntries(new URL(url, 'http://x').searchParams);
      for (const [part, schema, value] of [['params', r.params, params], ['query', r.query, query], ['body', r.body, c.body?.(f) ?? {}]] as const) {
        const parsed = schema?.safeParse(value);
        expect(parsed?.success ?? true, `${r.id} ${part}: ${JSON.stringify(parsed?.error?.issues)}`).toBe(true);
      }
      if (!r.body) expect(c.body, `${r.id} takes no body`).toBeUndefined();
    }
  });

  it('declares access and allow alike: the public rows let anyone in, the others never a visitor', () => {
    for (const r of rows) {
      expect(r.access === 'public', r.id).toBe(r.allow === 'anyone');
      const allowed = allowedRoles(r.allow);
      for (const role of r.hiddenFrom ?? []) expect(allowed, `${r.id} hides from a role it lets in`).not.toContain(role);
      if (r.allow !== 'anyone' && r.allow !== 'signed-in') expect(r.allow.length > 0 || r.alsoAllow !== undefined, r.id).toBe(true);
    }
  });

  it('shows an anonymous donor\'s name, id and transaction reference in no public response', async () => {
    const donors = await send(personOf.staff, 'GET', `/api/donations?community=${C}`);
    expect(donors.text, 'staff see who gave').toContain(ANON.name);
    expect(donors.text).toContain(ANON.id);
    const entries = (await send(null, 'GET', `/api/ledger/export.json?community=${C}`)).json.entries as { id: string; kind: string }[];
    expect(entries.filter((e) => e.kind === 'money_gift' || e.kind === 'in_kind_gift').length).toBeGreaterThanOrEqual(3);
    const projects = (await send(null, 'GET', `/api/projects?community=${C}`)).json.items as { id: string }[];
    const paths = [
      ...rows.filter((r) => r.access === 'public' && r.method === 'GET').map((r) => cases[r.id]!.path(f)),
      ...entries.map((e) => `/api/ledger/entries/${e.id}?community=${C}`),
      ...projects.map((p) => `/api/projects/${p.id}?community=${C}`),
      ...['money_gift', 'in_kind_gift', 'confirmation'].map((kind) => `/api/ledger?community=${C}&kind=${kind}&limit=50`),
    ];
    // Every public row reads, but the one-tap unsubscribe: its token is the proof, and it answers only `{channel}`.
    expect(rows.filter((r) => r.access === 'public' && r.method !== 'GET').map((r) => r.id)).toEqual(['notifications.unsubscribe']);
    for (const path of paths) {
      const r = await send(null, 'GET', path);
      expect(r.status, `${path}: ${r.text.slice(0, 200)}`).toBe(200);
      for (const secret of [ANON.name, ANON.id, ANON.reference]) expect(r.text.includes(secret), `${path} shows ${secret}`).toBe(false);
    }
  });

  // Acting for someone else is a variant of three rows' bodies: only staff of the person's community may.
  const forSomeone: [id: string, body: (x: Fixture) => unknown][] = [
    ['proposals.create', () => ({ ...sampleProposal(8), onBehalfOf: { userId: others.neighbour, evidence: '纸质提案表 第9号' } })],
    ['bookings.create', () => ({ onBehalfOf: { userId: others.author, evidence: '电话预约，网格员代约' } })],
    ['donations.create', () => ({ type: 'money', amountFen: 500, currency: 'CNY', channel: 'cash', communityId: C,
      onBehalfOf: { name: '街口小卖部', donorType: 'organisation', evidence: '收据簿 第20号' } })],
  ];
  it.each(forSomeone)('%s for someone else: only the community\'s staff', async (id, body) => {
    const r = rowOf(id);
    const c: Case = { ...cases[id]!, body };
    expect(r.body!.safeParse(body(f)).success).toBe(true);
    const got = Object.fromEntries(await Promise.all(roles.map(async (role) =>
      [role, (await call(role === 'visitor' ? null : personOf[role], r, c)).status] as const)));
    expect(got).toEqual(Object.fromEntries(roles.map((role) => [role, role === 'visitor' ? 401 : role === 'staff' ? r.status : 403])));
  });

  const order = [...rows.filter((r) => !cases[r.id]?.last), ...rows.filter((r) => cases[r.id]?.last)].map((r) => r.id);
  it.each(order)('%s', async (id) => {
    const r = rowOf(id);
    const c = cases[id];
    expect(c, `${id} has no case in the matrix`).toBeDefined();
    const allowed = new Set(allowedRoles(r.allow));
    const got: Record<string, Reply> = {};
    // Refused callers first, at once: a refusal must not depend on what another did.
    await Promise.all(roles.filter((role) => !allowed.has(role)).map(async (role) => {
      got[role] = await call(role === 'visitor' ? null : personOf[role], r, c!);
    }));
    for (const role of roles.filter((x) => allowed.has(x))) got[role] = await call(role === 'visitor' ? null : personOf[role], r, c!);
    if (r.alsoAllow) got[r.alsoAllow] = await call(partyOf[r.alsoAllow], r, c!);
    statuses[id] = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.status]));

    const wrong: string[] = [];
    for (const [who, reply] of Object.entries(got)) {
      const letIn = allowed.has(who as CallerRole) || who === r.alsoAllow;
      const detail = `${who}: ${reply.status} ${reply.json?.error?.code ?? ''}`.trim();
      if (!letIn && reply.status !== refusal(r, who as CallerRole)) wrong.push(`${detail}, expected ${refusal(r, who as CallerRole)}`);
      if (letIn && r.access === 'public' && reply.status !== 200 && !c!.noSuccess) wrong.push(`${detail}, expected 200`);
      if (letIn && [400, 401, 403].includes(reply.status)) wrong.push(`${detail}, expected to be let in (${reply.json?.error?.message})`);
      if (reply.status >= 500) wrong.push(`${detail}: a server error`);
      if (r.access === 'public' && [ANON.name, ANON.id, ANON.reference].some((secret) => reply.text.includes(secret))) {
        wrong.push(`${detail}: shows the anonymous donor`);
      }
    }
    const succeeded = Object.entries(got).filter(([who, reply]) => (allowed.has(who as CallerRole) || who === r.alsoAllow) && reply.status < 300);
    if (!c!.noSuccess && succeeded.length === 0) wrong.push('no caller it lets in succeeded: the case does not reach a real object');
    expect(wrong, `${id} (${r.method} ${r.path})`).toEqual([]);
  });

  it.runIf(process.env.MATRIX_REPORT)('prints every row\'s statuses', () => {
    const head = ['row', ...roles, 'party'];
    const lines = order.map((id) => [id, ...roles.map((role) => statuses[id]?.[role] ?? ''), ...Object.entries(statuses[id] ?? {})
      .filter(([k]) => !roles.includes(k as CallerRole)).map(([k, v]) => `${k} ${v}`)].join('\t'));
    console.log([head.join('\t'), ...lines].join('\n'));
  });
});
