/**
 * Per-person daily limits (community settings): the next write past the limit is a 429 with
 * Retry-After and the error shape; parallel writes cannot slip past (one conditional write counts);
 * staff acting in their community are not held; a new Beijing day starts a new count; a settings
 * change that leaves a limit out keeps it.
 */
import { describe, expect, it } from 'vitest';
import { Community } from '../../functions/contracts/registry.js';
import { ErrorBody } from '../../functions/contracts/common.js';
import { sampleProposal, usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const raw = async (who: string, method: string, path: string, body: unknown) => fetch(`${api.base}${path}`, {
  method, headers: { authorization: `Bearer ${await as(who)}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
});
const settings = async (body: object) => {
  const r = await api.call('PUT', '/api/communities/chating/settings', { token: await as('staff1'), body: { supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7, ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return Community.parse(r.body).settings;
};
const firstProposal = async () => (await api.call('GET', '/api/proposals?community=chating&limit=1')).body.items[0].id as string;

describe('limits per person', () => {
  it('are community settings with defaults; a change that leaves one out keeps it', async () => {
    const before = Community.parse((await api.call('GET', '/api/communities')).body.items.find((c: { id: string }) => c.id === 'chating')).settings;
    expect(before).toMatchObject({ proposalsPerDay: 5, commentsPerDay: 50, reportsPerDay: 20, objectionsPerDay: 5, householdRequestsPerDay: 3 });
    // Set before anyone writes: a warm function re-reads settings within a minute (CommunityRepository).
    expect(await settings({ commentsPerDay: 3, proposalsPerDay: 1, reportsPerDay: 1, householdRequestsPerDay: 1 })).toMatchObject({ commentsPerDay: 3, proposalsPerDay: 1, objectionsPerDay: 5 });
    expect(await settings({})).toMatchObject({ commentsPerDay: 3, proposalsPerDay: 1, reportsPerDay: 1 });
    expect((await api.call('PUT', '/api/communities/chating/settings', { token: await as('staff1'), body: { supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7, commentsPerDay: -1 } })).status).toBe(400);
  });

  it('let 3 of 10 parallel comments through, refuse the rest with 429 and Retry-After', async () => {
    const id = await firstProposal();
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => raw('resident2', 'POST', `/api/proposals/${id}/comments`, { body: `第 ${i} 条留言` })));
    expect(replies.filter((r) => r.status === 201 || r.status === 200)).toHaveLength(3);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(7);
    const wait = Number(refused[0]!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(86_400);
    expect(ErrorBody.parse(await refused[0]!.json()).error.code).toBe('too_many');
    const comments = (await api.call('GET', `/api/proposals/${id}/comments?limit=50`)).body.items;
    expect(comments.filter((c: { author: { id: string } }) => c.author.id === 'resident2')).toHaveLength(3);
  });

  it('count proposals per person, not for staff entering a resident\'s paper proposal, and start again the next day', async () => {
    expect((await raw('resident3', 'POST', '/api/proposals', sampleProposal(1))).status).toBe(201);
    expect((await raw('resident3', 'POST', '/api/proposals', sampleProposal(2))).status).toBe(429);
    const paper = await raw('staff1', 'POST', '/api/proposals', { ...sampleProposal(3), onBehalfOf: { userId: 'resident3', evidence: '居民手写的提议，网格员代为录入' } });
    expect(paper.status).toBe(201);
    await api.call('POST', '/api/dev/clock', { body: { advanceDays: 1 } });
    expect((await raw('resident3', 'POST', '/api/proposals', sampleProposal(4))).status).toBe(201);
  });

  it('count reports', async () => {
    const id = await firstProposal();
    expect((await raw('resident4', 'POST', `/api/proposals/${id}/reports`, { reason: '内容与本社区无关' })).status).toBeLessThan(300);
    expect((await raw('resident4', 'POST', `/api/proposals/${id}/reports`, { reason: '内容与本社区无关' })).status).toBe(429);
  });

  it('count household requests of a newcomer', async () => {
    const households = (await api.call('GET', '/api/estates/chating.dongyuan/households', { token: await as('staff1') })).body.items as { building: string; room: string }[];
    const ask = (h: { building: string; room: string }) => raw('wl-newcomer', 'POST', '/api/me/household-requests', {
      estateId: 'chating.dongyuan', building: h.building, room: h.room, relation: 'tenant', displayName: '新租户', consent: { notice: '2026-12', sensitive: false },
    });
    expect((await ask(households[0]!)).status).toBe(201);
    const again = await ask(households[1]!);
    expect(again.status).toBe(429);
    expect(ErrorBody.parse(await again.json()).error.message).toMatch(/grid member/);
  });
});
