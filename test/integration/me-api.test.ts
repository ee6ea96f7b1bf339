import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunityRepository } from '../../functions/community/repository.js';
import { Me } from '../../functions/contracts/me.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import type { Platform } from '../../functions/local/platform.js';
import { startTestPlatform, type Api } from '../support/platform.js';

let platform: Platform;
let api: Api;
beforeAll(async () => ({ platform, api } = await startTestPlatform()));
afterAll(() => platform.close());

const me = async (id: string) => Me.parse((await api.call('GET', '/api/me', { token: await api.signIn(id) })).body);

describe('GET /api/me', () => {
  it('returns an owner\'s household and estate', async () => {
    expect(await me('resident1')).toMatchObject({
      id: 'resident1', displayName: '王秀英', roles: ['resident', 'owner'], estateId: 'chating.dongyuan',
      household: { estateId: 'chating.dongyuan', estateName: '茶亭东苑', estateNameEn: 'Chating East Garden', relation: 'owner' },
    });
  });

  it('knows committee members, staff, tenants and donors apart', async () => {
    expect(await me('committee1')).toMatchObject({ roles: ['resident', 'owner', 'committee'], committeeOf: ['chating.dongyuan'] });
    expect(await me('staff1')).toMatchObject({ roles: ['staff'], household: null, estateId: null });
    expect(await me('tenant1')).toMatchObject({ roles: ['resident'], household: { relation: 'tenant' } });
    expect(await me('donor1')).toMatchObject({ roles: [], household: null, communityId: 'chating' });
  });

  it('needs a valid token; the dev session signs in anyone, as signing up does, and a new person has no role', async () => {
    expect((await api.call('GET', '/api/me')).status).toBe(401);
    const fresh = await api.call('POST', '/api/dev/session', { body: { userId: 'mallory' } });
    expect(fresh.status).toBe(200);
    expect((await api.call('GET', '/api/me', { token: fresh.body.token })).body).toMatchObject({ id: 'mallory', roles: [], communityId: null, households: [] });
    expect((await api.call('POST', '/api/dev/session', { body: { userId: 'not a user id!' } })).status).toBe(400);
    const bad = await api.call('POST', '/api/dev/session', { body: { userId: 'resident1', role: 'staff' } });
    expect(bad.status).toBe(400);
    const users = await api.call('GET', '/api/dev/users');
    expect(users.body.items).toHaveLength(65);
  });
});

describe('PUT /api/me/priority-profile', () => {
  const put = async (id: string, body: unknown) => api.call('PUT', '/api/me/priority-profile', { token: await api.signIn(id), body });
  const beijingYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  it('records a resident\'s own birth year and children\'s, which only they see, and a booking then counts them', async () => {
    const r = await put('resident30', { birthYear: beijingYear - 38, childBirthYears: [beijingYear - 4, beijingYear - 9, beijingYear - 4] });
    expect(r.status).toBe(200);
    // Sorted newest first, a year given twice kept once.
    expect(Me.parse(r.body).priority).toEqual({ birthYear: beijingYear - 38, childBirthYears: [beijingYear - 4, beijingYear - 9] });
    expect((await me('resident30')).priority).toEqual({ birthYear: beijingYear - 38, childBirthYears: [beijingYear - 4, beijingYear - 9] });

    // A family activity holding all its seats for families: resident30 gets one, a resident without a child does not.
    const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const startsAt = new Date(`${day}T10:00:00+08:00`).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const created = await api.call('POST', '/api/activities', { token: await api.signIn('staff1'), body: {
      spaceId: 'cultural-park', title: '亲子绘本角', startsAt, endsAt, capacity: 2, audience: 'children', prioritySeats: 2,
      priorityUntil: new Date(Date.parse(startsAt) - 3_600_000).toISOString(),
    } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { id: string }).id;
    const book = async (who: string) => api.call('POST', `/api/activities/${id}/bookings`, { token: await api.signIn(who), body: {} });
    expect((await book('resident30')).body).toMatchObject({ status: 'confirmed', priority: true });
    expect((await book('resident50')).body).toMatchObject({ status: 'waitlisted' });

    // Clearing: no birth year, no children.
    const cleared = await put('resident30', { birthYear: null, childBirthYears: [] });
    expect(Me.parse(cleared.body).priority).toEqual({ birthYear: null, childBirthYears: [] });
  });

  it('refuses impossible years with a 400 naming each one, and changes nothing', async () => {
    await put('resident31', { birthYear: 1950, childBirthYears: [] });
    const future = await put('resident31', { birthYear: beijingYear + 1, childBirthYears: [1940, beijingYear + 2] });
    expect(future.status).toBe(400);
    expect(future.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.birthYear', 'body.childBirthYears.1']);
    const beforeParent = await put('resident31', { birthYear: 1950, childBirthYears: [1949] });
    expect(beforeParent.body.error.issues).toEqual([expect.objectContaining({ path: 'body.childBirthYears.0', code: 'too_small' })]);
    const shape = await put('resident31', { birthYear: '1950', childBirthYears: [], extra: 1 });
    expect(shape.status).toBe(400);
    expect(shape.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body', 'body.birthYear']);
    expect((await me('resident31')).priority).toEqual({ birthYear: 1950, childBirthYears: [] });
    expect((await api.call('PUT', '/api/me/priority-profile', { body: { birthYear: null, childBirthYears: [] } })).status).toBe(401);
  });

  it('writes nothing for someone the community does not know', async () => {
    const repo = new CommunityRepository(documentClient(), config().tables.community);
    expect(await repo.setPriorityProfile('nobody-registered', { birthYear: 1950, childBirthYears: [] }, new Date().toISOString())).toBe(false);
    expect((await repo.getMember('nobody-registered')).registered).toBe(false);
  });
});
