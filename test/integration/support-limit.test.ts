/** The community's per-resident backing limit, under concurrency, through the HTTP layer. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { COMMUNITY } from '../../functions/local/demo/community.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { sampleProposal, usePlatform } from '../support/platform.js';

const { api, as } = usePlatform(async () => {
  // Before any backing reads (and caches) the settings: at most 2 backings per resident (and no
  // limit on proposals: resident1 proposes everything this file backs).
  await documentClient().send(new PutCommand({
    TableName: config().tables.community,
    Item: { pk: `COMMUNITY#${COMMUNITY.id}`, sk: 'META', ...COMMUNITY, settings: { ...COMMUNITY.settings, supportLimit: 2, proposalsPerDay: 0 } },
  }));
});

const propose = async () => (await api.call('POST', '/api/proposals', { token: await as('resident1'), body: sampleProposal() })).body.id as string;
const back = async (who: string, id: string, method = 'PUT') => api.call(method, `/api/proposals/${id}/support`, { token: await as(who) });

describe('supportLimit', () => {
  it('lets a resident back at most the limit at once, freeing a slot on withdrawal', async () => {
    const [a, b, c] = [await propose(), await propose(), await propose()];
    expect((await back('resident2', a)).status).toBe(200);
    expect((await back('resident2', b)).status).toBe(200);
    expect((await back('resident2', a)).status).toBe(200); // re-backing one already held is fine
    const third = await back('resident2', c);
    expect(third).toMatchObject({ status: 409, body: { error: { code: 'support_limit' } } });
    expect((await back('resident2', a, 'DELETE')).body.supported).toBe(false);
    expect((await back('resident2', c)).status).toBe(200);
  });

  it('holds under a rush: three backings at once with a limit of two make exactly two', async () => {
    const ids = [await propose(), await propose(), await propose()];
    const replies = await Promise.all(ids.map((id) => back('resident3', id)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 409]);
    const counts = await Promise.all(ids.map(async (id) => (await api.call('GET', `/api/proposals/${id}`)).body.supportCount));
    expect(counts.reduce((x: number, y: number) => x + y, 0)).toBe(2);
  });

  it('gives the slot back when the proposal refuses the backing', async () => {
    const open = await propose();
    const closed = await propose();
    await api.call('POST', `/api/proposals/${closed}/withdraw`, { token: await as('resident1'), body: {} });
    expect((await back('resident4', closed)).status).toBe(409);
    expect((await back('resident4', open)).status).toBe(200);
    expect((await back('resident4', await propose())).status).toBe(200);
  });
});
