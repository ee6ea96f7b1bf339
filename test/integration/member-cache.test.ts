/**
 * The warm-container membership cache (functions/community/member-cache.ts): a warm back costs its
 * write alone, a refusal is never based on a kept reading, a change made through the community
 * function takes effect at once, and only requests use kept readings.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCache, MEMBER_TTL_MS } from '../../functions/community/member-cache.js';
import { CommunityRepository } from '../../functions/community/repository.js';
import type { Platform } from '../../functions/local/platform.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { sampleProposal, startTestPlatform, type Api } from '../support/platform.js';

let platform: Platform;
let api: Api;
beforeAll(async () => ({ platform, api } = await startTestPlatform()));
afterAll(() => platform.close());

/** DynamoDB requests this process sends while `fn` runs. */
async function callsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const name = `count-${Math.random()}`;
  documentClient().middlewareStack.add((next, ctx) => async (args) => { seen.push(ctx.commandName ?? '?'); return next(args); }, { step: 'initialize', name });
  try { await fn(); } finally { documentClient().middlewareStack.remove(name); }
  return seen;
}

/** As another function's container would: the person's rows written straight to the community table. */
async function copyPerson(from: string, to: string): Promise<void> {
  const table = config().tables.community;
  const rows = (await documentClient().send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `USER#${from}` } }))).Items ?? [];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) await documentClient().send(new PutCommand({ TableName: table, Item: { ...r, pk: `USER#${to}` } }));
}

describe('membership kept in a warm container', () => {
  it('makes a warm back one DynamoDB request: the conditional write', async () => {
    const token = await api.signIn('resident1');
    const { id } = (await api.call('POST', '/api/proposals', { token, body: sampleProposal(7) })).body as { id: string };
    const other = (await api.call('POST', '/api/proposals', { token: await api.signIn('resident2'), body: sampleProposal(8) })).body as { id: string };
    expect((await api.call('PUT', `/api/proposals/${other.id}/support`, { token })).status).toBe(200);
    const calls = await callsDuring(async () => expect((await api.call('PUT', `/api/proposals/${id}/support`, { token })).status).toBe(200));
    expect(calls).toEqual(['UpdateItemCommand']);
  });

  it('never refuses on a kept reading: someone verified elsewhere a moment ago is let in at once', async () => {
    const token = await api.signIn('newcomer-cache');
    const { id } = (await api.call('POST', '/api/proposals', { token: await api.signIn('resident3'), body: sampleProposal(9) })).body as { id: string };
    expect((await api.call('PUT', `/api/proposals/${id}/support`, { token })).status).toBe(403);
    await copyPerson('resident4', 'newcomer-cache');
    const backed = await api.call('PUT', `/api/proposals/${id}/support`, { token });
    expect(backed.status, JSON.stringify(backed.body)).toBe(200);
  });

  it('takes a change made through the community function at once (the profile a booking counts)', async () => {
    const token = await api.signIn('resident5');
    await api.call('GET', '/api/me', { token });
    const put = await api.call('PUT', '/api/me/priority-profile', { token, body: { birthYear: 1950, childBirthYears: [] } });
    expect(put.body.priority).toEqual({ birthYear: 1950, childBirthYears: [] });
    expect((await api.call('GET', '/api/me', { token })).body.priority).toEqual({ birthYear: 1950, childBirthYears: [] });
  });
});

describe('memberCache', () => {
  const repo = () => new CommunityRepository(documentClient(), config().tables.community);

  it('keeps readings only inside a request, for MEMBER_TTL_MS', async () => {
    memberCache.clear();
    const outside = await callsDuring(async () => { await repo().getMember('resident6'); await repo().getMember('resident6'); });
    expect(outside).toHaveLength(2); // seeding, the CLI and scripts always read afresh
    const inside = await callsDuring(() => memberCache.run(async () => { await repo().getMember('resident6'); await repo().getMember('resident6'); }));
    expect(inside).toHaveLength(1);
    const t0 = Date.now();
    await expect(memberCache.run(async () => memberCache.get('resident6', t0 + MEMBER_TTL_MS - 1000))).resolves.toMatchObject({ id: 'resident6' });
    expect(await memberCache.run(async () => memberCache.get('resident6', t0 + MEMBER_TTL_MS + 1000))).toBeUndefined();
  });

  it('forgets only what a refused request used, and says whether it used any', async () => {
    memberCache.clear();
    await memberCache.run(async () => { await repo().getMember('resident7'); await repo().getMember('resident8'); });
    await memberCache.run(async () => {
      expect(memberCache.forgetUsed()).toBe(false);
      memberCache.get('resident7');
      expect(memberCache.forgetUsed()).toBe(true);
      expect(memberCache.get('resident7')).toBeUndefined();
      expect(memberCache.get('resident8')).toMatchObject({ id: 'resident8' });
    });
  });

  it('tells overlapping requests refused on the same kept reading that they used one (the local platform overlaps them)', async () => {
    memberCache.clear();
    await memberCache.run(() => repo().getMember('resident7'));
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const b = memberCache.run(async () => {
      expect(memberCache.get('resident7')).toMatchObject({ id: 'resident7' });
      await gate;
      return memberCache.forgetUsed();
    });
    await memberCache.run(async () => {
      expect(memberCache.get('resident7')).toMatchObject({ id: 'resident7' });
      expect(memberCache.forgetUsed()).toBe(true);
      release();
      expect(await b).toBe(true); // resident7 is already forgotten, and b still learns it used a kept reading
    });
    // Once no request runs, nothing is noted as used any more.
    await memberCache.run(async () => expect(memberCache.forgetUsed()).toBe(false));
  });
});
