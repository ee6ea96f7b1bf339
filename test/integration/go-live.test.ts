/**
 * Go live from an empty deployment, through HTTP only (issue 12's "done when"): an empty platform
 * (`DEMO=none`), one `npm run admin -- grant-platform-admin admin1`, then the sub-district office
 * creates a community, staff build its registry, residents join by code and by request, and take part.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../functions/local/platform.js';
import { householdCsv } from '../support/admin.js';
import { Api, tokens } from '../support/platform.js';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-go-live-'));
let platform: Platform;
const api = new Api('http://127.0.0.1:0');
const as = tokens(api);
const call = async (who: string | null, method: string, path: string, body?: unknown) =>
  api.call(method, path, { ...(who ? { token: await as(who) } : {}), ...(body === undefined ? {} : { body }) });
const ok = <T>(r: { status: number; body: T }, status = 200): T => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};
const consent = { notice: '2026-12', sensitive: false };

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  platform = await startPlatform({ port: 0, dataDir: dir, staticDir: null, seed: false, quiet: true });
  api.base = platform.url;
  // The one bootstrap step, as the README says, against the running platform's data folder.
  // Asynchronously: the engine the CLI talks to runs in this process and must keep answering.
  await promisify(execFile)('npx', ['tsx', 'functions/admin/cli.ts', 'grant-platform-admin', 'admin1'], { env: { ...process.env, DATA_DIR: dir } });
}, 120_000);
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('from an empty deployment to the first real residents', () => {
  it('starts with nothing: no community, and a new sign-in has no role', async () => {
    expect(ok(await call(null, 'GET', '/api/communities'))).toEqual({ items: [] });
    expect(ok(await call('newcomer1', 'GET', '/api/me'))).toMatchObject({ communityId: null, roles: [], platformAdmin: false });
    expect(ok(await call('admin1', 'GET', '/api/me'))).toMatchObject({ platformAdmin: true });
  });

  it('the office creates a community and appoints its staff; staff build the registry', async () => {
    ok(await call('admin1', 'POST', '/api/communities', { id: 'mochou', name: '莫愁社区', nameEn: 'Mochou Community', district: '建邺区' }), 201);
    ok(await call('admin1', 'PUT', '/api/communities/mochou/staff/grid1', { displayName: '陈网格', evidence: '街道任命文件 2026-40 号' }));
    ok(await call('grid1', 'POST', '/api/communities/mochou/estates', { slug: 'dongyuan', name: '莫愁东苑' }), 201);

    const bad = await call('grid1', 'PUT', '/api/estates/mochou.dongyuan/households', { csv: householdCsv(40, { bad: 17 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'csv.19.area_m2' })]);
    expect(ok(await call('grid1', 'GET', '/api/estates/mochou.dongyuan/households')).items).toEqual([]);
    expect(ok(await call('grid1', 'PUT', '/api/estates/mochou.dongyuan/households', { csv: householdCsv(40) }))).toMatchObject({ households: 40, added: 40 });

    ok(await call('grid1', 'POST', '/api/communities/mochou/spaces', {
      id: 'pocket-park', name: '口袋公园', nameEn: 'Pocket Park', openingHours: '07:00-20:00', capacity: 20, accessibility: '无台阶',
    }), 201);
    ok(await call('grid1', 'PUT', '/api/estates/mochou.dongyuan/committee/wei1', { displayName: '魏委员', evidence: '物管会备案表 2026-09 号' }));
    expect(ok(await call('wei1', 'GET', '/api/me'))).toMatchObject({ roles: ['committee'], committeeOf: ['mochou.dongyuan'] });
  });

  let proposalId = '';
  it('a second person asks to join and staff accept; she proposes', async () => {
    const req = ok(await call('newcomer2', 'POST', '/api/me/household-requests', {
      estateId: 'mochou.dongyuan', building: '1', room: '102', relation: 'owner', displayName: '李桂兰', consent,
    }), 201) as { id: string };
    const queue = ok(await call('grid1', 'GET', '/api/communities/mochou/household-requests')) as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toContain(req.id);
    ok(await call('grid1', 'POST', `/api/household-requests/${req.id}/decision`, { decision: 'accept', evidence: '看过房产证' }));
    expect(ok(await call('newcomer2', 'GET', '/api/me'))).toMatchObject({ communityId: 'mochou', roles: ['resident', 'owner'] });
    proposalId = (ok(await call('newcomer2', 'POST', '/api/proposals', {
      title: '在1栋门口加一张长椅', description: '老人等车时没有地方坐，希望加一张有靠背的长椅。', category: 'seating',
    }), 201) as { id: string }).id;
  });

  it('staff print codes; a new person joins with hers, backs the proposal, books, and votes on the derived roll', async () => {
    const batch = ok(await call('grid1', 'POST', '/api/estates/mochou.dongyuan/household-codes', { building: '1' }), 201) as {
      letters: { householdId: string; code: string }[];
    };
    expect(batch.letters).toHaveLength(40);
    const letter = batch.letters.find((l) => l.householdId === 'mochou.dongyuan.1-101')!;
    // An owner's name must be one on the registry's record (the owner becomes the unit's voter).
    const notOwner = await call('newcomer1', 'POST', '/api/me/household', { code: letter.code, relation: 'owner', displayName: '王秀英', consent });
    expect(notOwner.status).toBe(400);
    expect(notOwner.body.error.code).toBe('not_an_owner');
    ok(await call('newcomer1', 'POST', '/api/me/household', { code: letter.code.toLowerCase(), relation: 'owner', displayName: '业主0', consent }));
    expect(ok(await call('newcomer1', 'GET', '/api/me'))).toMatchObject({
      communityId: 'mochou', roles: ['resident', 'owner'], household: { id: 'mochou.dongyuan.1-101', estateId: 'mochou.dongyuan' },
    });

    expect(ok(await call('newcomer1', 'PUT', `/api/proposals/${proposalId}/support`))).toMatchObject({ supported: true });

    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const activity = ok(await call('grid1', 'POST', '/api/activities', {
      spaceId: 'pocket-park', title: '血压测量', startsAt: `${day}T01:00:00.000Z`, endsAt: `${day}T02:00:00.000Z`, capacity: 10,
    }), 201) as { id: string };
    expect(ok(await call('newcomer1', 'POST', `/api/activities/${activity.id}/bookings`, {}), 201)).toMatchObject({ status: 'confirmed' });

    const roll = ok(await call('grid1', 'POST', '/api/estates/mochou.dongyuan/roll/from-registry')) as { units: number };
    expect(roll.units).toBe(40);
    const opens = new Date(Date.now() - 60_000).toISOString();
    const ballot = ok(await call('wei1', 'POST', '/api/ballots', {
      estateId: 'mochou.dongyuan', title: '选聘物业服务企业', matter: 'property-company', options: { kind: 'decision' },
      opensAt: opens, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }), 201) as { id: string };
    const vote = ok(await call('newcomer1', 'PUT', `/api/ballots/${ballot.id}/vote`, { choice: 'yes' })) as { items: { unitId: string }[] };
    expect(vote.items.map((u) => u.unitId)).toEqual(['1-101']);
    expect(ok(await call('newcomer2', 'PUT', `/api/ballots/${ballot.id}/vote`, { choice: 'no' }))).toMatchObject({ items: [{ unitId: '1-102' }] });
  });

  it('someone of another community can do none of it here', async () => {
    ok(await call('admin1', 'POST', '/api/communities', { id: 'other', name: '别的社区' }), 201);
    ok(await call('admin1', 'PUT', '/api/communities/other/staff/grid9', { evidence: '街道任命文件 2026-41 号' }));
    const refused = [
      await call('grid9', 'POST', '/api/communities/mochou/estates', { slug: 'xiyuan', name: '莫愁西苑' }),
      await call('grid9', 'PUT', '/api/estates/mochou.dongyuan/households', { csv: householdCsv(2) }),
      await call('grid9', 'PUT', '/api/estates/mochou.dongyuan/committee/grid9', { evidence: '冒名顶替的备案表' }),
      await call('grid9', 'POST', '/api/estates/mochou.dongyuan/household-codes', {}),
      await call('grid9', 'GET', '/api/communities/mochou/household-requests'),
      await call('grid9', 'GET', '/api/communities/mochou/audit'),
      await call('grid9', 'POST', '/api/communities/mochou/spaces', { id: 'x', name: '别人的角落', openingHours: '07:00-20:00', capacity: 3 }),
      await call('grid9', 'PUT', '/api/communities/mochou/settings', { supportThreshold: 1, supportLimit: 0, noticePeriodDays: 1 }),
      await call('grid9', 'POST', '/api/estates/mochou.dongyuan/roll/from-registry'),
    ];
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
    expect((await call('grid9', 'PUT', `/api/proposals/${proposalId}/support`)).status).toBe(403);
  });
});
