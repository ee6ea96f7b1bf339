/**
 * Every go-live route, against every caller who must be refused: a visitor gets 401; a resident, a
 * donor, a committee member, staff of another community and (for the office's own routes) this
 * community's staff get 403 — and none of those refusals writes anything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HouseholdCodeBatch, HouseholdRequest, Person } from '../../functions/contracts/joining.js';
import { householdCsv, makePlatformAdmin } from '../support/admin.js';
import { usePlatform } from '../support/platform.js';

const consent = { notice: '2026-12', sensitive: false };
const { api, as } = usePlatform(async () => { await makePlatformAdmin('zadmin'); });
const call = async (who: string | null, method: string, path: string, body?: unknown) =>
  api.call(method, path, { ...(who ? { token: await as(who) } : {}), ...(body === undefined ? {} : { body }) });
const ok = async (who: string, method: string, path: string, body?: unknown) => {
  const r = await call(who, method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
};

const ids = { code: '', request: '', person: '' };
beforeAll(async () => {
  await ok('zadmin', 'POST', '/api/communities', { id: 'authz', name: '权限社区' });
  await ok('zadmin', 'POST', '/api/communities', { id: 'authz-other', name: '隔壁社区' });
  await ok('zadmin', 'PUT', '/api/communities/authz/staff/zstaff', { evidence: '街道任命文件 2026-90 号' });
  await ok('zadmin', 'PUT', '/api/communities/authz-other/staff/ostaff', { evidence: '街道任命文件 2026-91 号' });
  await ok('zstaff', 'POST', '/api/communities/authz/estates', { slug: 'nanyuan', name: '权限南苑' });
  await ok('zstaff', 'PUT', '/api/estates/authz.nanyuan/households', { csv: householdCsv(8) });
  await ok('zstaff', 'PUT', '/api/estates/authz.nanyuan/committee/zcommittee', { displayName: '钱委员', evidence: '物管会备案表 2026-90' });
  await ok('zstaff', 'POST', '/api/communities/authz/spaces', { id: 'corner', name: '街角', openingHours: '08:00-18:00', capacity: 10 });
  const letters = HouseholdCodeBatch.parse(await ok('zstaff', 'POST', '/api/estates/authz.nanyuan/household-codes', {})).letters;
  await ok('zresident', 'POST', '/api/me/household', { code: letters.find((l) => l.householdId === 'authz.nanyuan.1-101')!.code, relation: 'family', displayName: '王家人', consent });
  ids.code = letters.find((l) => l.householdId === 'authz.nanyuan.1-102')!.id;
  ids.request = HouseholdRequest.parse(await ok('zapplicant', 'POST', '/api/me/household-requests', {
    estateId: 'authz.nanyuan', building: '1', room: '103', relation: 'tenant', displayName: '孙租', consent,
  })).id;
  ids.person = Person.parse(await ok('zstaff', 'POST', '/api/communities/authz/people', {
    displayName: '钱奶奶', householdId: 'authz.nanyuan.1-104', relation: 'owner', evidence: '网格员上门登记',
  })).id;
});

/** What an allowed caller can see; a refused call must leave all of it exactly as it was. */
const state = async () => Promise.all([
  ok('zadmin', 'GET', '/api/communities/authz/audit?limit=50'),
  ok('zadmin', 'GET', '/api/communities/authz/roles'),
  ok('zstaff', 'GET', '/api/estates/authz.nanyuan/households'),
  ok('zstaff', 'GET', '/api/estates/authz.nanyuan/household-codes'),
  ok('zstaff', 'GET', '/api/communities/authz/household-requests'),
  ok('zstaff', 'GET', '/api/communities/authz/people'),
  ok('zstaff', 'GET', '/api/communities/authz/estates'),
  ok(null as unknown as string, 'GET', '/api/communities'),
]);

/** `office`: the office's own route, so this community's staff are refused too; `committee`: the estate's own committee may read it. */
type Row = [route: string, method: string, path: () => string, body: unknown, who?: 'office' | 'committee'];
const rows: Row[] = [
  ['communities.create', 'POST', () => '/api/communities', { id: 'authz-new', name: '新社区' }, 'office'],
  ['staff.grant', 'PUT', () => '/api/communities/authz/staff/intruder', { evidence: '自己任命自己' }, 'office'],
  ['staff.revoke', 'DELETE', () => '/api/communities/authz/staff/zstaff', { reason: '赶走网格员' }, 'office'],
  ['communities.settings', 'PUT', () => '/api/communities/authz/settings', { supportThreshold: 1, supportLimit: 0, noticePeriodDays: 1 }],
  ['roles.list', 'GET', () => '/api/communities/authz/roles', undefined],
  ['audit.list', 'GET', () => '/api/communities/authz/audit', undefined],
  ['estates.create', 'POST', () => '/api/communities/authz/estates', { slug: 'beiyuan', name: '权限北苑' }],
  ['committee.grant', 'PUT', () => '/api/estates/authz.nanyuan/committee/intruder', { displayName: '冒名', evidence: '假备案表' }],
  ['committee.revoke', 'DELETE', () => '/api/estates/authz.nanyuan/committee/zcommittee', { reason: '赶走委员' }],
  ['households.import', 'PUT', () => '/api/estates/authz.nanyuan/households', { csv: householdCsv(2, { building: '9' }) }],
  ['households.list', 'GET', () => '/api/estates/authz.nanyuan/households', undefined, 'committee'],
  ['spaces.create', 'POST', () => '/api/communities/authz/spaces', { id: 'grab', name: '抢地', openingHours: '08:00-18:00', capacity: 5 }],
  ['spaces.patch', 'PATCH', () => '/api/communities/authz/spaces/corner', { capacity: 1 }],
  ['codes.issue', 'POST', () => '/api/estates/authz.nanyuan/household-codes', { replace: true }],
  ['codes.list', 'GET', () => '/api/estates/authz.nanyuan/household-codes', undefined],
  ['codes.revoke', 'DELETE', () => `/api/household-codes/${ids.code}`, undefined],
  ['requests.queue', 'GET', () => '/api/communities/authz/household-requests', undefined],
  ['requests.decide', 'POST', () => `/api/household-requests/${ids.request}/decision`, { decision: 'accept', evidence: '我说可以批准' }],
  ['households.members.end', 'DELETE', () => '/api/households/authz.nanyuan.1-101/members/zresident', { reason: '赶走住户' }],
  ['people.register', 'POST', () => '/api/communities/authz/people', { displayName: '冒名', householdId: 'authz.nanyuan.1-201', relation: 'owner', evidence: '我替他登记了' }],
  ['people.list', 'GET', () => '/api/communities/authz/people', undefined],
  ['people.link', 'POST', () => `/api/communities/authz/people/${ids.person}/link`, { userId: 'zapplicant', evidence: '我就是钱奶奶' }],
];
/** Signed in, but not allowed: the demo community's people, the other community's staff, and this community's own residents and committee. */
const refused = ['resident1', 'donor1', 'committee1', 'staff1', 'ostaff', 'zresident', 'zapplicant', 'zcommittee'];

describe('go-live routes refuse everyone who must be refused', () => {
  it('has a row for every route of the community function that is neither public nor the caller\'s own', async () => {
    const { registryRoutes, joiningRoutes } = await import('../../functions/community/routes.js');
    const guarded = [...registryRoutes, ...joiningRoutes].filter((r) => r.access !== 'public' && !r.path.startsWith('/api/me'));
    expect(rows.map(([id]) => id).sort()).toEqual(guarded.map((r) => r.id).sort());
    for (const [id, method, path] of rows) {
      const r = guarded.find((g) => g.id === id)!;
      expect(method, id).toBe(r.method);
      expect(path(), id).toMatch(new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/?]+')}$`));
    }
  });

  it.each(rows)('%s', async (_id, method, path, body, who) => {
    const before = JSON.stringify(await state());
    const visitor = await call(null, method, path(), body);
    expect(visitor.status, JSON.stringify(visitor.body)).toBe(401);
    const callers = who === 'office' ? [...refused, 'zstaff'] : who === 'committee' ? refused.filter((c) => c !== 'zcommittee') : refused;
    for (const caller of callers) {
      const r = await call(caller, method, path(), body);
      expect(r.status, `${caller}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.code).toBeTypeOf('string');
    }
    if (who === 'committee') expect((await call('zcommittee', method, path(), body)).status).toBe(200);
    expect(JSON.stringify(await state())).toBe(before);
  });
});
