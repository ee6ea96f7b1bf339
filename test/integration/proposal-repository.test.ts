import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../functions/local/dynamo.js';
import { seedDemo } from '../../functions/local/seed.js';
import type { ProposalDeps } from '../../functions/proposals/deps.js';
import type { ProposalRecord } from '../../functions/proposals/records.js';
import { proposalKeys, type ProposalRepository } from '../../functions/proposals/repository.js';
import { createProposalDeps } from '../../functions/proposals/wire.js';
import { changeSupport } from '../../functions/proposals/support-proposal.js';
import { config } from '../../functions/shared/config.js';
import { ConflictError } from '../../functions/shared/errors.js';
import { newId } from '../../functions/shared/ids.js';
import { startTestEngine } from '../support/engine.js';

let engine: Engine;
let db: DynamoDBDocumentClient;
let repo: ProposalRepository;
let deps: ProposalDeps;

const proposal = (): ProposalRecord => ({
  id: newId(), communityId: 'chating', title: '长椅', description: '在花园里放几张长椅。', category: 'seating',
  location: null, estimatedCostFen: null, status: 'open', supportCount: 0, supportThreshold: 100, progress: null,
  openObjections: 0, author: { id: 'resident1', name: '王秀英' }, enteredBy: null, answer: null, objections: [],
  outcome: null, hidden: null, timeline: [], createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z',
});

beforeAll(async () => {
  ({ engine, db } = await startTestEngine());
  await seedDemo(db);
  deps = { ...createProposalDeps(db, config()), clock: () => '2026-11-29T00:00:00.000Z' };
  repo = deps.proposals;
});
afterAll(() => engine.close());

describe('ProposalRepository', () => {
  it('never overwrites an existing proposal with the same id', async () => {
    const p = proposal();
    await repo.create(p);
    await expect(repo.create({ ...p, title: 'other' })).rejects.toThrow(/conditional/i);
    expect((await repo.get(p.id))?.title).toBe('长椅');
  });

  it('refuses backing once a proposal is no longer open (409 from the use case)', async () => {
    const p = proposal();
    await repo.create(p);
    await changeSupport(deps, 'resident2', p.id, true);
    await db.send(new UpdateCommand({
      TableName: config().tables.proposals, Key: { pk: proposalKeys.pk(p.id), sk: 'META' },
      UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'accepted' },
    }));
    await expect(changeSupport(deps, 'resident3', p.id, true)).rejects.toBeInstanceOf(ConflictError);
    await expect(changeSupport(deps, 'resident2', p.id, false)).rejects.toMatchObject({ status: 409, code: 'proposal_closed' });
    expect((await repo.supportState(p.id, 'resident2'))?.supportCount).toBe(1);
  });

  it('refuses residents of another community with 403 and leaves the count alone', async () => {
    const p = { ...proposal(), communityId: 'elsewhere' };
    await repo.create(p);
    await expect(changeSupport(deps, 'resident2', p.id, true)).rejects.toMatchObject({ status: 403 });
    expect((await repo.supportState(p.id, 'resident2'))?.supportCount).toBe(0);
  });

  it('keeps the count equal to the set of backers over any sequence of backings and withdrawals', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ who: fc.integer({ min: 1, max: 6 }), add: fc.boolean() }), { maxLength: 25 }),
      async (steps) => {
        const p = proposal();
        await repo.create(p);
        const model = new Set<number>();
        for (const { who, add } of steps) {
          const state = await changeSupport(deps, `resident${who}`, p.id, add);
          if (add) model.add(who); else model.delete(who);
          expect(state).toEqual({ proposalId: p.id, supportCount: model.size, supported: add });
        }
        expect((await repo.get(p.id))?.supportCount).toBe(model.size);
      },
    ), { numRuns: 25 });
  });
});
