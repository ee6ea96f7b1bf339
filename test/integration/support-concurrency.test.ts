/** DESIGN rule 4 under load: one conditional write per backing, raced for real on dynalite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../functions/local/platform.js';
import { sampleProposal, startTestPlatform, type Api } from '../support/platform.js';

let platform: Platform;
let api: Api;
const tokens = new Map<string, string>();
const token = async (id: string) => tokens.get(id) ?? tokens.set(id, await api.signIn(id)).get(id)!;

async function newProposal(): Promise<string> {
  const r = await api.call('POST', '/api/proposals', { token: await token('resident1'), body: sampleProposal() });
  expect(r.status).toBe(201);
  return r.body.id;
}
const residents = (from: number, count: number) => Array.from({ length: count }, (_, i) => `resident${from + i}`);
const countOf = async (id: string) => (await api.call('GET', `/api/proposals/${id}`)).body.supportCount;

beforeAll(async () => {
  ({ platform, api } = await startTestPlatform());
  await Promise.all(residents(1, 60).map(token));
});
afterAll(() => platform.close());

describe('PUT /api/proposals/{id}/support under concurrency', () => {
  it('counts one resident once when the same request arrives 50 times at once', async () => {
    const id = await newProposal();
    const t = await token('resident2');
    const replies = await Promise.all(Array.from({ length: 50 }, () => api.call('PUT', `/api/proposals/${id}/support`, { token: t })));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(replies.every((r) => r.body.supported === true && r.body.supportCount === 1)).toBe(true);
    expect(await countOf(id)).toBe(1);
  });

  it('makes exactly 20 when 20 residents back at once', async () => {
    const id = await newProposal();
    const replies = await Promise.all(residents(21, 20).map(async (u) => api.call('PUT', `/api/proposals/${id}/support`, { token: await token(u) })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    // Each reply is the count right after its own write: together they are exactly 1..20.
    expect(replies.map((r) => r.body.supportCount).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await countOf(id)).toBe(20);
  });

  it('withdraws exactly, also when withdrawals race with new backings and repeats', async () => {
    const id = await newProposal();
    const first = residents(1, 25); // below the threshold of 30, so the proposal stays open
    await Promise.all(first.map(async (u) => api.call('PUT', `/api/proposals/${id}/support`, { token: await token(u) })));
    const leaving = first.slice(0, 15);
    const joining = residents(31, 4);
    await Promise.all([
      ...leaving.flatMap((u) => [1, 2, 3].map(async () => api.call('DELETE', `/api/proposals/${id}/support`, { token: await token(u) }))),
      ...joining.map(async (u) => api.call('PUT', `/api/proposals/${id}/support`, { token: await token(u) })),
    ]);
    expect(await countOf(id)).toBe(25 - 15 + 4);
    const mine = await api.call('GET', `/api/proposals/${id}/support`, { token: await token(leaving[0]!) });
    expect(mine.body).toEqual({ proposalId: id, supportCount: 14, supported: false });
  });

  it('refuses backing by someone without a household and from anyone on a missing proposal', async () => {
    const id = await newProposal();
    const donor = await api.call('PUT', `/api/proposals/${id}/support`, { token: await token('donor1') });
    expect(donor.status).toBe(403);
    const missing = await api.call('PUT', '/api/proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV/support', { token: await token('resident2') });
    expect(missing.status).toBe(404);
    expect((await api.call('PUT', `/api/proposals/${id}/support`)).status).toBe(401);
    expect(await countOf(id)).toBe(0);
  });
});
