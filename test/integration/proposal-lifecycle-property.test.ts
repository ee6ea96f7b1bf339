/**
 * Random sequences of API calls by random people, against a model of the rules: every reply is
 * the one the model expects (200, 403 or 409, never anything else), and the proposal never
 * reaches a state the model did not (e.g. backing after close is 409, accepting a rejected one 409).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Proposal } from '../../functions/contracts/proposals.js';
import { samplePlan, sampleProposal, usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();

type Call =
  | { a: 'back' | 'unback' | 'object' | 'respond'; r: number }
  | { a: 'withdraw' | 'review' | 'start' | 'milestone' | 'complete'; by: string }
  | { a: 'answer'; by: string; accept: boolean }
  | { a: 'advance' };

const who = (...ids: string[]) => fc.constantFrom(...ids);
// Weighted so that sequences often get far into the life (answered, past the notice, in progress).
const call: fc.Arbitrary<Call> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ a: fc.constantFrom('back', 'unback', 'object', 'respond'), r: fc.integer({ min: 1, max: 4 }) }) as fc.Arbitrary<Call> },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('withdraw'), by: who('resident1', 'resident2') }) },
  { weight: 4, arbitrary: fc.record({ a: fc.constantFrom('review', 'start', 'milestone', 'complete'), by: who('committee1', 'committee1', 'staff1', 'resident3') }) as fc.Arbitrary<Call> },
  { weight: 2, arbitrary: fc.record({ a: fc.constant('answer'), by: who('committee1', 'staff1', 'tenant1'), accept: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ a: 'advance' } as const) },
);

class Model {
  status = 'open';
  backers = new Set<number>();
  objections = new Map<number, boolean>(); // resident → responded
  day = 0;
  noticeEnds = Infinity;
  events = 1; // created
  private ok(status?: string, event = true) { if (status) this.status = status; if (event) this.events++; return 200; }
  private isModerator(by: string) { return by === 'committee1' || by === 'staff1'; }
  expect(c: Call): number {
    switch (c.a) {
      case 'back': case 'unback':
        if (this.status !== 'open') return 409;
        if (c.a === 'back') this.backers.add(c.r); else this.backers.delete(c.r);
        return this.ok(undefined, false);
      case 'withdraw':
        if (c.by !== 'resident1') return 403;
        return this.status === 'open' ? this.ok('withdrawn') : 409;
      case 'review':
        if (!this.isModerator(c.by)) return 403;
        return this.status === 'open' ? this.ok('under_review') : 409;
      case 'answer':
        if (!this.isModerator(c.by)) return 403;
        if (this.status !== 'under_review') return 409;
        this.noticeEnds = this.day + 7;
        return this.ok(c.accept ? 'accepted' : 'rejected');
      case 'object':
        if (!['accepted', 'rejected'].includes(this.status) || this.day >= this.noticeEnds || this.objections.has(c.r)) return 409;
        this.objections.set(c.r, false);
        return this.ok();
      case 'respond':
        if (!['accepted', 'rejected'].includes(this.status) || this.objections.get(c.r) !== false) return 409;
        this.objections.set(c.r, true);
        return this.ok();
      case 'start': {
        if (!this.isModerator(c.by)) return 403;
        const final = this.day >= this.noticeEnds && [...this.objections.values()].every(Boolean);
        return this.status === 'accepted' && final ? this.ok('in_progress') : 409;
      }
      case 'milestone': case 'complete':
        if (!this.isModerator(c.by)) return 403;
        if (this.status !== 'in_progress') return 409;
        return this.ok(c.a === 'complete' ? 'completed' : undefined);
      case 'advance':
        this.day += 8;
        return 200;
    }
  }
}

async function send(id: string, c: Call): Promise<number> {
  const path = `/api/proposals/${id}`;
  const post = async (by: string, p: string, body: unknown = {}) => (await api.call('POST', p, { token: await as(by), body })).status;
  switch (c.a) {
    case 'back': return (await api.call('PUT', `${path}/support`, { token: await as(`resident${c.r}`) })).status;
    case 'unback': return (await api.call('DELETE', `${path}/support`, { token: await as(`resident${c.r}`) })).status;
    case 'object': return post(`resident${c.r}`, `${path}/objections`, { reason: '我对这个答复有不同意见' });
    case 'respond': return post('committee1', `${path}/objections/resident${c.r}/response`, { response: '已核实并说明理由' });
    case 'answer': return post(c.by, `${path}/answer`, c.accept ? { decision: 'accepted', plan: samplePlan } : { decision: 'rejected', reason: '经费不足，明年再议' });
    case 'milestone': return post(c.by, `${path}/milestones`, { title: '阶段完成', date: '2027-01-01', progress: 50 });
    case 'complete': return post(c.by, `${path}/complete`, { outcome: '已经完工并验收' });
    case 'advance': return (await api.call('POST', '/api/dev/clock', { body: { advanceDays: 8 } })).status;
    default: return post(c.by, `${path}/${c.a}`);
  }
}

describe('any sequence of calls', () => {
  it('gets exactly the replies the rules allow and ends in the state the model predicts', async () => {
    await fc.assert(fc.asyncProperty(fc.array(call, { minLength: 5, maxLength: 30 }), async (calls) => {
      // A new day for each sequence: resident1 may send only five proposals a day (write limits).
      expect((await api.call('POST', '/api/dev/clock', { body: { advanceDays: 1 } })).status).toBe(200);
      const created = await api.call('POST', '/api/proposals', { token: await as('resident1'), body: sampleProposal() });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const model = new Model();
      for (const c of calls) expect(await send(id, c), JSON.stringify(c)).toBe(model.expect(c));
      const p = Proposal.parse((await api.call('GET', `/api/proposals/${id}`)).body);
      expect(p.status).toBe(model.status);
      expect(p.supportCount).toBe(model.backers.size);
      expect(p.openObjections).toBe([...model.objections.values()].filter((r) => !r).length);
      expect(p.timeline).toHaveLength(model.events);
    }), { numRuns: 40 });
  });
});
