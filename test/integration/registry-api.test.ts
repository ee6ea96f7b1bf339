/** The registry through HTTP: communities, staff and committee appointments with evidence, estates, household import, spaces, settings, audit. */
import { describe, expect, it } from 'vitest';
import { AuditPage, Community, HouseholdImport, HouseholdList, RoleGrant } from '../../functions/contracts/registry.js';
import { householdCsv, makePlatformAdmin } from '../support/admin.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform(async () => { await makePlatformAdmin('admin9'); });
const call = async (who: string | null, method: string, path: string, body?: unknown) =>
  api.call(method, path, { ...(who ? { token: await as(who) } : {}), ...(body === undefined ? {} : { body }) });
const audit = async (c: string, who = 'admin9') => AuditPage.parse((await call(who, 'GET', `/api/communities/${c}/audit?limit=50`)).body).items;

describe('communities', () => {
  it('are created by the platform admin only, once, and listed publicly', async () => {
    const body = { id: 'qinhuai', name: '秦淮社区', nameEn: 'Qinhuai Community', district: '秦淮区', settings: { supportThreshold: 10 } };
    expect((await call(null, 'POST', '/api/communities', body)).status).toBe(401);
    expect((await call('staff1', 'POST', '/api/communities', body)).status).toBe(403);
    expect((await call('admin9', 'POST', '/api/communities', { ...body, id: 'Bad Id' })).status).toBe(400);
    const made = await call('admin9', 'POST', '/api/communities', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(Community.parse(made.body).settings).toEqual({
      supportThreshold: 10, supportLimit: 0, noticePeriodDays: 7,
      proposalsPerDay: 5, commentsPerDay: 50, reportsPerDay: 20, objectionsPerDay: 5, householdRequestsPerDay: 3,
    });
    expect((await call('admin9', 'POST', '/api/communities', body)).body.error.code).toBe('community_exists');
    const list = (await call(null, 'GET', '/api/communities')).body.items.map((c: { id: string }) => c.id);
    expect(list).toEqual(expect.arrayContaining(['chating', 'qinhuai']));
    expect((await audit('qinhuai')).map((e) => e.action)).toEqual(['community.create']);
  });
});

describe('staff appointments', () => {
  it('need the platform admin and evidence, are idempotent, take effect at once and are audited once each', async () => {
    const grant = { displayName: '周网格', evidence: '莫愁湖街道任命文件 2026-31 号' };
    expect((await call('staff1', 'PUT', '/api/communities/qinhuai/staff/qstaff', grant)).status).toBe(403);
    expect((await call('admin9', 'PUT', '/api/communities/qinhuai/staff/qstaff', { displayName: '周网格' })).status).toBe(400);
    expect((await call('admin9', 'PUT', '/api/communities/nowhere/staff/qstaff', grant)).status).toBe(404);
    const first = RoleGrant.parse((await call('admin9', 'PUT', '/api/communities/qinhuai/staff/qstaff', grant)).body);
    const again = RoleGrant.parse((await call('admin9', 'PUT', '/api/communities/qinhuai/staff/qstaff', grant)).body);
    expect([first.changed, again.changed]).toEqual([true, false]);
    const me = (await call('qstaff', 'GET', '/api/me')).body;
    expect(me).toMatchObject({ staffOf: ['qinhuai'], communityId: 'qinhuai', roles: ['staff'], displayName: '周网格' });
    expect((await audit('qinhuai')).filter((e) => e.action === 'staff.grant')).toEqual([
      expect.objectContaining({ actorId: 'admin9', subject: 'qstaff', evidence: grant.evidence }),
    ]);

    await call('admin9', 'PUT', '/api/communities/qinhuai/staff/qtemp', grant);
    expect((await call('qstaff', 'DELETE', '/api/communities/qinhuai/staff/qtemp', { reason: '调离本社区' })).status).toBe(403);
    const revoked = RoleGrant.parse((await call('admin9', 'DELETE', '/api/communities/qinhuai/staff/qtemp', { reason: '调离本社区' })).body);
    expect(revoked).toMatchObject({ active: false, changed: true });
    expect((await call('qtemp', 'GET', '/api/me')).body.staffOf).toEqual([]);
    expect(RoleGrant.parse((await call('admin9', 'DELETE', '/api/communities/qinhuai/staff/qtemp', { reason: '调离本社区' })).body).changed).toBe(false);
    expect((await call('admin9', 'DELETE', '/api/communities/qinhuai/staff/never', { reason: '调离本社区' })).status).toBe(404);
    expect((await call('qtemp', 'GET', '/api/communities/qinhuai/audit')).status).toBe(403);
    const roles = (await call('qstaff', 'GET', '/api/communities/qinhuai/roles')).body.items;
    expect(roles.map((r: { userId: string }) => r.userId)).toEqual(['qstaff']);
  });
});

describe('estates and households', () => {
  it('staff create estates in their own community only; an estate name may repeat across communities', async () => {
    const made = await call('qstaff', 'POST', '/api/communities/qinhuai/estates', { slug: 'dongyuan', name: '秦淮东苑' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.id).toBe('qinhuai.dongyuan');
    expect((await call('qstaff', 'POST', '/api/communities/qinhuai/estates', { slug: 'dongyuan', name: '秦淮东苑' })).status).toBe(409);
    expect((await call('staff1', 'POST', '/api/communities/qinhuai/estates', { slug: 'xiyuan', name: '秦淮西苑' })).status).toBe(403);
    expect((await call('qstaff', 'POST', '/api/communities/chating/estates', { slug: 'xiyuan', name: '茶亭西苑' })).status).toBe(403);
    const listed = (await call(null, 'GET', '/api/communities/qinhuai/estates')).body.items;
    expect(listed.map((e: { id: string }) => e.id)).toEqual(['qinhuai.dongyuan']);
  });

  it('imports a whole valid file or nothing, naming every bad row, and the same file again changes nothing', async () => {
    const path = '/api/estates/qinhuai.dongyuan/households';
    const bad = await call('qstaff', 'PUT', path, { csv: householdCsv(40, { bad: 5 }).replace('\n1,102,', '\n1,,') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['csv.3.room', 'csv.7.area_m2']);
    expect(HouseholdList.parse((await call('qstaff', 'GET', path)).body).items).toEqual([]);
    expect((await call('staff1', 'PUT', path, { csv: householdCsv(40) })).status).toBe(403);

    const done = HouseholdImport.parse((await call('qstaff', 'PUT', path, { csv: householdCsv(40) })).body);
    expect(done).toMatchObject({ households: 40, buildings: ['1'], added: 40, changed: 0, missing: [] });
    const logged = (await audit('qinhuai')).filter((e) => e.action === 'households.import').length;
    const same = HouseholdImport.parse((await call('qstaff', 'PUT', path, { csv: householdCsv(40) })).body);
    expect(same).toMatchObject({ added: 0, changed: 0, unchanged: 40, hash: done.hash });
    expect((await audit('qinhuai')).filter((e) => e.action === 'households.import').length).toBe(logged);
    const list = HouseholdList.parse((await call('qstaff', 'GET', path)).body).items;
    expect(list).toHaveLength(40);
    expect(list.find((h) => h.id === 'qinhuai.dongyuan.1-101')).toMatchObject({ areaCentiM2: 6000, owners: ['业主0', '配偶0'], phoneHint: '1000' });
  });

  it('reads a file Excel saved in GB18030 with Chinese headers, and refuses a whole phone number', async () => {
    const text = '楼栋,房号,面积,业主,电话尾号\n2栋,301室,88.5,李桂兰,1234\n2栋,302室,90,王建国,\n';
    const gb = encodeGb18030(text);
    const r = await call('qstaff', 'PUT', '/api/estates/qinhuai.dongyuan/households', { csv: gb.toString('base64'), encoding: 'base64' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(HouseholdImport.parse(r.body)).toMatchObject({ added: 2, buildings: ['1', '2栋'], missing: expect.arrayContaining(['qinhuai.dongyuan.1-101']) });
    const list = HouseholdList.parse((await call('qstaff', 'GET', '/api/estates/qinhuai.dongyuan/households')).body).items;
    expect(list.find((h) => h.building === '2栋' && h.room === '301室')).toMatchObject({ owners: ['李桂兰'], areaCentiM2: 8850 });
    const phone = await call('qstaff', 'PUT', '/api/estates/qinhuai.dongyuan/households', { csv: 'building,room,area_m2,owners,phone_hint\n3,101,50,张三,13912345678\n' });
    expect(phone.body.error.issues).toEqual([expect.objectContaining({ path: 'csv.2.phone_hint', code: 'invalid_phone_hint' })]);
  });

  it('seats committee members with evidence; the committee then sees its own estate\'s households only', async () => {
    const path = '/api/estates/qinhuai.dongyuan/committee/qcommittee';
    expect((await call('qstaff', 'PUT', path, { displayName: '钱委员' })).status).toBe(400);
    expect((await call('staff1', 'PUT', path, { evidence: '物管会备案表 2026-07' })).status).toBe(403);
    const seat = await call('qstaff', 'PUT', path, { displayName: '钱委员', evidence: '物管会备案表 2026-07' });
    expect(RoleGrant.parse(seat.body)).toMatchObject({ role: 'committee', scope: 'qinhuai.dongyuan', changed: true });
    expect((await call('qcommittee', 'GET', '/api/me')).body.committeeOf).toEqual(['qinhuai.dongyuan']);
    expect((await call('qcommittee', 'GET', '/api/estates/qinhuai.dongyuan/households')).status).toBe(200);
    expect((await call('committee1', 'GET', '/api/estates/qinhuai.dongyuan/households')).status).toBe(403);
    expect((await call('resident1', 'GET', '/api/estates/qinhuai.dongyuan/households')).status).toBe(403);
    const off = await call('qstaff', 'DELETE', path, { reason: '任期届满' });
    expect(RoleGrant.parse(off.body)).toMatchObject({ active: false, changed: true });
    expect((await call('qcommittee', 'GET', '/api/estates/qinhuai.dongyuan/households')).status).toBe(403);
    const actions = (await audit('qinhuai')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['committee.grant', 'committee.revoke', 'estate.create']));
  });
});

describe('spaces, settings and the audit log', () => {
  it('staff add and change spaces and settings; each change is audited with old and new values', async () => {
    const space = { id: 'reading-corner', name: '读书角', openingHours: '08:00-18:00', capacity: 12 };
    expect((await call('staff1', 'POST', '/api/communities/qinhuai/spaces', space)).status).toBe(403);
    const made = await call('qstaff', 'POST', '/api/communities/qinhuai/spaces', space);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ id: 'reading-corner', communityId: 'qinhuai', nameEn: '读书角', capacity: 12 });
    expect((await call('qstaff', 'POST', '/api/communities/qinhuai/spaces', space)).status).toBe(409);
    expect((await call('qstaff', 'PATCH', '/api/communities/qinhuai/spaces/reading-corner', { openingHours: '25:00-26:00' })).status).toBe(400);
    expect((await call('qstaff', 'PATCH', '/api/communities/qinhuai/spaces/reading-corner', {})).status).toBe(400);
    expect((await call('qstaff', 'PATCH', '/api/communities/qinhuai/spaces/nowhere', { capacity: 3 })).status).toBe(404);
    const patched = await call('qstaff', 'PATCH', '/api/communities/qinhuai/spaces/reading-corner', { capacity: 15, accessibility: '入口有坡道' });
    expect(patched.body).toMatchObject({ capacity: 15, accessibility: '入口有坡道', openingHours: '08:00-18:00' });

    const settings = { supportThreshold: 12, supportLimit: 3, noticePeriodDays: 5 };
    expect((await call('staff1', 'PUT', '/api/communities/qinhuai/settings', settings)).status).toBe(403);
    expect((await call('qstaff', 'PUT', '/api/communities/qinhuai/settings', { ...settings, noticePeriodDays: 0 })).status).toBe(400);
    expect(Community.parse((await call('qstaff', 'PUT', '/api/communities/qinhuai/settings', settings)).body).settings).toMatchObject(settings);
    const log = await audit('qinhuai', 'qstaff');
    expect(log.find((e) => e.action === 'settings.change')?.details).toEqual({ supportThreshold: '10 → 12', supportLimit: '0 → 3', noticePeriodDays: '7 → 5' });
    expect(log.find((e) => e.action === 'space.change')?.details).toMatchObject({ capacity: '12 → 15' });
  });

  it('pages newest first with an opaque cursor; a forged cursor is a 400', async () => {
    const first = AuditPage.parse((await call('qstaff', 'GET', '/api/communities/qinhuai/audit?limit=3')).body);
    expect(first.items).toHaveLength(3);
    const second = AuditPage.parse((await call('qstaff', 'GET', `/api/communities/qinhuai/audit?limit=3&cursor=${first.nextCursor}`)).body);
    expect(second.items[0]!.at <= first.items[2]!.at).toBe(true);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(6);
    const forged = Buffer.from(JSON.stringify({ pk: 'AUDIT#chating', sk: 'x' })).toString('base64url');
    expect((await call('qstaff', 'GET', `/api/communities/qinhuai/audit?cursor=${forged}`)).status).toBe(400);
    expect((await call('staff1', 'GET', '/api/communities/qinhuai/audit')).status).toBe(403);
  });
});

/** GB18030 bytes for CJK text (Node decodes GB18030 but has no encoder): each character found by searching the decoder's two-byte space. */
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(hi, lo));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return Buffer.from(out);
}
