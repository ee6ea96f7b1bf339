/** Malformed percent-escapes through the local server (the adapter decodes paths): 400 or 401, never a 500. */
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../functions/contracts/common.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();

describe('malformed percent-escapes over HTTP', () => {
  it.each(['%ZZ', '%E0%A4%A', '%'])('GET /api/proposals/%s is a 400 with the error shape', async (raw) => {
    const res = await api.call('GET', `/api/proposals/${raw}`);
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error.issues?.[0]?.path).toBe('params.id');
  });

  it('comes after the 401 on a route that needs a login', async () => {
    expect((await api.call('DELETE', '/api/household-codes/%ZZ')).status).toBe(401);
    expect((await api.call('DELETE', '/api/household-codes/%ZZ', { token: await as('staff1') })).status).toBe(400);
  });
});
