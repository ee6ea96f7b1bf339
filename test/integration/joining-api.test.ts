/**
 * Joining through HTTP: codes (one person per code, even 20 at once), requests (one decision, even
 * with two staff at once), moving out, residents without a phone, and PIPL (my data, leaving).
 */
import { describe, expect, it } from 'vitest';
import { HouseholdCodeBatch, HouseholdCodeList, HouseholdRequest, MyData, Person } from '../../functions/contracts/joining.js';
import { householdCsv, makePlatformAdmin } from '../support/admin.js';
import { usePlatform } from '../support/platform.js';

const consent = { notice: '2026-12', sensitive: false };
const { api, as } = usePlatform(async (a) => {
  await makePlatformAdmin('jadmin');
  const t = await a.signIn('jadmin');
  const post = (method: string, path: string, body: unknown) => a.call(method, path, { token: t, body });
  await post('POST', '/api/communities', { id: 'yihe', name: '颐和社区' });
  await post('PUT', '/api/communities/yihe/staff/jstaff', { evidence: '街道任命文件 2026-50 号' });
  await post('PUT', '/api/communities/yihe/staff/jstaff2', { evidence: '街道任命文件 2026-51 号' });
  const s = await a.signIn('jstaff');
  await a.call('POST', '/api/communities/yihe/estates', { token: s, body: { slug: 'beiyuan', name: '颐和北苑' } });
  await a.call('PUT', '/api/estates/yihe.beiyuan/households', { token: s, body: { csv: householdCsv(8) } });
});
const call = async (who: string | null, method: string, path: string, body?: unknown) =>
  api.call(method, path, { ...(who ? { token: await as(who) } : {}), ...(body === undefined ? {} : { body }) });
const letters = async () => HouseholdCodeBatch.parse((await call('jstaff', 'POST', '/api/estates/yihe.beiyuan/household-codes', { replace: true })).body).letters;

describe('household codes', () => {
  it('are issued by staff only, shown once, listed without the code, and revoked while unused', async () => {
    expect((await call('resident1', 'POST', '/api/estates/yihe.beiyuan/household-codes', {})).status).toBe(403);
    expect((await call('staff1', 'POST', '/api/estates/yihe.beiyuan/household-codes', {})).status).toBe(403);
    const first = HouseholdCodeBatch.parse((await call('jstaff', 'POST', '/api/estates/yihe.beiyuan/household-codes', {})).body);
    expect(first.letters).toHaveLength(8);
    expect(first.letters[0]!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = HouseholdCodeBatch.parse((await call('jstaff', 'POST', '/api/estates/yihe.beiyuan/household-codes', {})).body);
    expect(again.letters).toEqual([]);
    expect(again.skipped).toHaveLength(8);
    const list = HouseholdCodeList.parse((await call('jstaff', 'GET', '/api/estates/yihe.beiyuan/household-codes')).body);
    expect(JSON.stringify(list)).not.toContain(first.letters[0]!.code.replace(/-/g, ''));
    const id = first.letters[0]!.id;
    expect((await call('staff1', 'DELETE', `/api/household-codes/${id}`)).status).toBe(403);
    expect((await call('jstaff', 'DELETE', `/api/household-codes/${id}`)).body).toMatchObject({ status: 'revoked' });
    const used = await call('jnew0', 'POST', '/api/me/household', { code: first.letters[0]!.code, relation: 'family', displayName: '张三', consent });
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('code_revoked');
    expect((await call('jnew0', 'POST', '/api/me/household', { code: 'ZZZZ-ZZZZ-ZZZZ', relation: 'family', displayName: '张三', consent })).status).toBe(400);
  });

  it('let exactly one of 20 people in when they all redeem the same code at once', async () => {
    const letter = (await letters()).find((l) => l.householdId === 'yihe.beiyuan.1-102')!;
    const people = Array.from({ length: 20 }, (_, i) => `jrush${i}`);
    await Promise.all(people.map((p) => as(p)));
    const replies = await Promise.all(people.map((p) => call(p, 'POST', '/api/me/household', { code: letter.code, relation: 'family', displayName: `家人${p}`, consent })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19);
    const winner = people[replies.findIndex((r) => r.status === 200)]!;
    const members = (await call('jstaff', 'GET', '/api/estates/yihe.beiyuan/households')).body.items.find((h: { id: string }) => h.id === 'yihe.beiyuan.1-102').members;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([winner]);
    // The winner sending it again (a retry) is answered as before and changes nothing.
    expect((await call(winner, 'POST', '/api/me/household', { code: letter.code, relation: 'family', displayName: `家人${winner}`, consent })).status).toBe(200);
  });
});

describe('household requests', () => {
  it('get one decision when two staff accept at once, and the person is then a member', async () => {
    const r = HouseholdRequest.parse((await call('jreq1', 'POST', '/api/me/household-requests', {
      estateId: 'yihe.beiyuan', building: '1', room: '103', relation: 'owner', displayName: '孙红', note: '产权证在家', consent,
    })).body);
    expect((await call('jreq1', 'POST', '/api/me/household-requests', {
      estateId: 'yihe.beiyuan', building: '1', room: '103', relation: 'owner', displayName: '孙红', consent,
    })).body.error.code).toBe('request_pending');
    expect((await call('jreq1', 'POST', '/api/me/household-requests', {
      estateId: 'yihe.beiyuan', building: '9', room: '999', relation: 'owner', displayName: '孙红', consent,
    })).status).toBe(400);
    expect((await call('staff1', 'GET', '/api/communities/yihe/household-requests')).status).toBe(403);
    expect((await call('staff1', 'POST', `/api/household-requests/${r.id}/decision`, { decision: 'accept', evidence: '看过房产证' })).status).toBe(403);
    expect((await call('jreq1', 'POST', `/api/household-requests/${r.id}/decision`, { decision: 'accept', evidence: '我自己批准' })).status).toBe(403);
    const [a, b] = await Promise.all([
      call('jstaff', 'POST', `/api/household-requests/${r.id}/decision`, { decision: 'accept', evidence: '看过房产证原件' }),
      call('jstaff2', 'POST', `/api/household-requests/${r.id}/decision`, { decision: 'refuse', reason: '房号与登记不符' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decided = HouseholdRequest.parse((await call('jreq1', 'GET', '/api/me/household-requests')).body.items[0]);
    const me = (await call('jreq1', 'GET', '/api/me')).body;
    expect(me.households.length).toBe(decided.status === 'accepted' ? 1 : 0);
    const audit = (await call('jstaff', 'GET', '/api/communities/yihe/audit?limit=50')).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'household.accept' || e.action === 'household.refuse')).toHaveLength(1);
  });

  it('staff end a membership; a person leaves their own household', async () => {
    const letter = (await letters()).find((l) => l.householdId === 'yihe.beiyuan.1-104')!;
    await call('jmove', 'POST', '/api/me/household', { code: letter.code, relation: 'tenant', displayName: '周租', consent });
    expect((await call('staff1', 'DELETE', '/api/households/yihe.beiyuan.1-104/members/jmove', { reason: '租约到期搬走' })).status).toBe(403);
    expect((await call('jstaff', 'DELETE', '/api/households/yihe.beiyuan.1-104/members/jmove', { reason: '租约到期搬走' })).body).toMatchObject({ active: false });
    expect((await call('jmove', 'GET', '/api/me')).body.households).toEqual([]);
    expect((await call('jstaff', 'DELETE', '/api/households/yihe.beiyuan.1-104/members/nobody', { reason: '没有这个人' })).status).toBe(404);
    const next = (await letters()).find((l) => l.householdId === 'yihe.beiyuan.1-201')!;
    await call('jmove', 'POST', '/api/me/household', { code: next.code, relation: 'tenant', displayName: '周租', consent });
    expect((await call('jmove', 'DELETE', '/api/me/household/yihe.beiyuan.1-201')).body.households).toEqual([]);
  });
});

describe('residents without a phone', () => {
  it('are registered by staff, act through staff, and are linked to an account later', async () => {
    const body = { displayName: '钱奶奶', householdId: 'yihe.beiyuan.1-202', relation: 'owner', birthYear: 1941, evidence: '网格员上门登记，本人同意记录出生年份' };
    expect((await call('staff1', 'POST', '/api/communities/yihe/people', body)).status).toBe(403);
    const p = Person.parse((await call('jstaff', 'POST', '/api/communities/yihe/people', body)).body);
    expect(p.id).toMatch(/^p-/);
    expect((await call('jstaff', 'GET', '/api/communities/yihe/people')).body.items.map((i: Person) => i.id)).toContain(p.id);
    expect((await call('staff1', 'GET', '/api/communities/yihe/people')).status).toBe(403);
    const linked = Person.parse((await call('jstaff', 'POST', `/api/communities/yihe/people/${p.id}/link`, { userId: 'jqian', evidence: '本人到社区出示身份证' })).body);
    expect(linked.linkedUserId).toBe('jqian');
    expect((await call('jqian', 'GET', '/api/me')).body).toMatchObject({
      communityId: 'yihe', household: { id: 'yihe.beiyuan.1-202', relation: 'owner' }, priority: { birthYear: 1941 },
    });
  });
});

describe('personal information', () => {
  it('shows the person everything held about them, and leaving erases it behind a pseudonym', async () => {
    const letter = (await letters()).find((l) => l.householdId === 'yihe.beiyuan.1-203')!;
    await call('jleave', 'POST', '/api/me/household', { code: letter.code, relation: 'family', displayName: '吴小明', consent });
    const data = MyData.parse((await call('jleave', 'GET', '/api/me/data')).body);
    expect(JSON.stringify(data.community)).toContain('吴小明');
    expect(data.community.some((i) => i.consent !== undefined)).toBe(true);
    expect((await call('jleave', 'DELETE', '/api/me', {})).status).toBe(400);
    const left = (await call('jleave', 'DELETE', '/api/me', { confirm: true })).body;
    expect(left).toMatchObject({ userId: 'jleave', membershipsEnded: 1, signInAccount: 'none' });
    expect(left.pseudonym).not.toContain('吴');
    const after = JSON.stringify(MyData.parse((await call('jleave', 'GET', '/api/me/data')).body));
    expect(after).not.toContain('吴小明');
    expect((await call('jleave', 'GET', '/api/me')).body.households).toEqual([]);
  });
});
