import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Me } from '../../functions/contracts/me.js';
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
      id: 'resident1', displayName: '王秀英', roles: ['resident', 'owner'], estateId: 'dongyuan',
      household: { estateId: 'dongyuan', relation: 'owner' },
    });
  });

  it('knows committee members, staff, tenants and donors apart', async () => {
    expect(await me('committee1')).toMatchObject({ roles: ['resident', 'owner', 'committee'], committeeOf: ['dongyuan'] });
    expect(await me('staff1')).toMatchObject({ roles: ['staff'], household: null, estateId: null });
    expect(await me('tenant1')).toMatchObject({ roles: ['resident'], household: { relation: 'tenant' } });
    expect(await me('donor1')).toMatchObject({ roles: [], household: null, communityId: 'chating' });
  });

  it('needs a valid token, and the dev session knows only demo users', async () => {
    expect((await api.call('GET', '/api/me')).status).toBe(401);
    const unknown = await api.call('POST', '/api/dev/session', { body: { userId: 'mallory' } });
    expect(unknown.status).toBe(404);
    const bad = await api.call('POST', '/api/dev/session', { body: { userId: 'resident1', role: 'staff' } });
    expect(bad.status).toBe(400);
    const users = await api.call('GET', '/api/dev/users');
    expect(users.body.items).toHaveLength(64);
  });
});
