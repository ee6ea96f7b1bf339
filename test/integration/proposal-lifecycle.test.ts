/** Every transition of a proposal's life and every role check, through the HTTP layer on dynalite. */
import { describe, expect, it } from 'vitest';
import { Proposal } from '../../functions/contracts/proposals.js';
import { samplePlan, sampleProposal, usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();

const post = async (who: string, path: string, body: unknown = {}) => api.call('POST', path, { token: await as(who), body });
async function propose(who = 'resident1'): Promise<string> {
  const r = await post(who, '/api/proposals', sampleProposal());
  expect(r.status).toBe(201);
  return r.body.id;
}
const step = (who: string, id: string, action: string, body: unknown = {}) => post(who, `/api/proposals/${id}/${action}`, body);
const get = async (id: string) => Proposal.parse((await api.call('GET', `/api/proposals/${id}`)).body);

describe('from proposal to completion', () => {
  it('walks review → accept → objection → response → notice ends → start → milestones → complete', async () => {
    const id = await propose();
    expect((await step('resident2', id, 'review')).status).toBe(403);
    expect((await step('committee1', id, 'review', { note: '材料齐全，进入审议' })).body.status).toBe('under_review');
    expect((await api.call('PUT', `/api/proposals/${id}/support`, { token: await as('resident2') })).status).toBe(409);
    expect((await step('committee1', id, 'answer', { decision: 'accepted' })).status).toBe(400);
    expect((await step('tenant1', id, 'answer', { decision: 'accepted', plan: samplePlan })).status).toBe(403);
    const accepted = await step('committee1', id, 'answer', { decision: 'accepted', plan: samplePlan });
    expect(accepted.status).toBe(200);
    const a = Proposal.parse(accepted.body);
    expect(a).toMatchObject({ status: 'accepted', answer: { decision: 'accepted', final: false, plan: samplePlan, answeredBy: { id: 'committee1' } } });
    expect(Date.parse(a.answer!.noticeEndsAt) - Date.parse(a.answer!.answeredAt)).toBe(7 * 86_400_000);
    expect((await step('committee1', id, 'answer', { decision: 'rejected', reason: '改变主意了' })).status).toBe(409);
    expect((await step('committee1', id, 'start')).body.error.code).toBe('not_final');

    expect((await step('donor1', id, 'objections', { reason: '我不同意这个方案' })).status).toBe(403);
    const objected = await step('resident2', id, 'objections', { reason: '费用估得太高了，请再比价。' });
    expect(objected.body).toMatchObject({ openObjections: 1, objections: [{ id: 'resident2', response: null }] });
    expect((await step('resident2', id, 'objections', { reason: '再说一次我的意见' })).status).toBe(409);
    const respond = (who: string, objector: string) => post(who, `/api/proposals/${id}/objections/${objector}/response`, { response: '已请三家公司报价，取最低价。' });
    expect((await respond('resident3', 'resident2')).status).toBe(403);
    expect((await respond('committee1', 'resident9')).status).toBe(409);
    expect((await respond('committee1', 'resident2')).body).toMatchObject({ openObjections: 0, objections: [{ response: { by: { id: 'committee1' } } }] });
    expect((await respond('committee1', 'resident2')).status).toBe(409);
    expect((await step('committee1', id, 'start')).status).toBe(409); // still in the notice period

    await api.call('POST', '/api/dev/clock', { body: { advanceDays: 8 } });
    expect((await get(id)).answer?.final).toBe(true);
    expect((await step('resident4', id, 'objections', { reason: '期满后才提的意见' })).status).toBe(409);
    expect((await step('committee1', id, 'start')).body).toMatchObject({ status: 'in_progress', progress: 0 });
    expect((await step('resident1', id, 'milestones', { title: '材料进场', date: '2026-12-12', progress: 30 })).status).toBe(403);
    expect((await step('staff1', id, 'milestones', { title: '材料进场', date: '2026-12-12', progress: 30 })).body.progress).toBe(30);
    expect((await step('staff1', id, 'milestones', { title: '主体完工', date: '2026-12-28' })).body.progress).toBe(30);
    const done = await step('committee1', id, 'complete', { outcome: '长椅已安装，居民已在使用。' });
    expect(done.body).toMatchObject({ status: 'completed', progress: 100, outcome: '长椅已安装，居民已在使用。' });
    expect((await step('staff1', id, 'milestones', { title: '补漆', date: '2027-01-05' })).status).toBe(409);

    const timeline = (await get(id)).timeline;
    expect(timeline.map((e) => e.type)).toEqual(['created', 'review_started', 'answered', 'objection_filed', 'objection_answered',
      'work_started', 'milestone', 'milestone', 'completed']);
    expect(timeline.map((e) => e.actor.id)).toEqual(['resident1', 'committee1', 'committee1', 'resident2', 'committee1', 'committee1', 'staff1', 'staff1', 'committee1']);
  });

  it('lets no one answer their own proposal, and requires a reason to reject', async () => {
    const own = await propose('committee1');
    await step('staff1', own, 'review');
    expect((await step('committee1', own, 'answer', { decision: 'accepted', plan: samplePlan })).status).toBe(403);
    expect((await step('staff1', own, 'answer', { decision: 'rejected' })).status).toBe(400);
    const rejected = await step('staff1', own, 'answer', { decision: 'rejected', reason: '该位置属于消防通道，不能放置设施。' });
    expect(rejected.body).toMatchObject({ status: 'rejected', answer: { decision: 'rejected', plan: null } });
    expect((await step('staff1', own, 'start')).status).toBe(409);
  });

  it('lets only the author withdraw, only while open, and then nothing else', async () => {
    const id = await propose('resident1');
    expect((await step('resident2', id, 'withdraw')).status).toBe(403);
    expect((await step('resident1', id, 'withdraw', { reason: '已经有人修好了' })).body.status).toBe('withdrawn');
    expect((await api.call('PUT', `/api/proposals/${id}/support`, { token: await as('resident2') })).body.error.code).toBe('proposal_closed');
    expect((await step('committee1', id, 'review')).status).toBe(409);
    expect((await step('resident1', id, 'withdraw')).status).toBe(409);
  });

  it('moves to review exactly once when the backing reaches the threshold, even in a rush', async () => {
    const id = await propose('resident1');
    const backers = Array.from({ length: 35 }, (_, i) => `resident${i + 2}`);
    const replies = await Promise.all(backers.map(async (u) => api.call('PUT', `/api/proposals/${id}/support`, { token: await as(u) })));
    const ok = replies.filter((r) => r.status === 200).length;
    expect(replies.every((r) => r.status === 200 || r.body.error.code === 'proposal_closed')).toBe(true);
    const p = await get(id);
    expect(p.status).toBe('under_review');
    expect(p.supportCount).toBe(ok);
    expect(p.supportCount).toBeGreaterThanOrEqual(30);
    expect(p.timeline.filter((e) => e.type === 'threshold_reached')).toHaveLength(1);
  });
});

describe('staff acting for residents who are offline', () => {
  it('enters a paper proposal as the resident\'s, with the evidence on the timeline', async () => {
    const r = await post('staff1', '/api/proposals', { ...sampleProposal(5), onBehalfOf: { userId: 'resident5', evidence: '纸质表格第12号，本人签字' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ author: { id: 'resident5' }, enteredBy: { id: 'staff1' } });
    expect(r.body.timeline[0]).toMatchObject({ type: 'created', actor: { id: 'staff1' }, onBehalfOf: { id: 'resident5' }, evidence: '纸质表格第12号，本人签字' });
    const notStaff = await post('resident1', '/api/proposals', { ...sampleProposal(6), onBehalfOf: { userId: 'resident5', evidence: '代填表格' } });
    expect(notStaff.status).toBe(403);
    const nobody = await post('staff1', '/api/proposals', { ...sampleProposal(6), onBehalfOf: { userId: 'ghost', evidence: '代填表格' } });
    expect(nobody.status).toBe(400);
  });

  it('backs for a resident once: their own later backing does not count twice', async () => {
    const id = await propose('resident1');
    const put = async (who: string, path: string, body?: unknown) => api.call('PUT', path, { token: await as(who), body });
    expect((await put('resident2', `/api/proposals/${id}/supporters/resident7`, { evidence: '电话确认' })).status).toBe(403);
    const entered = await put('staff1', `/api/proposals/${id}/supporters/resident7`, { evidence: '上门登记，表格第3号' });
    expect(entered.body).toEqual({ proposalId: id, supportCount: 1, supported: true });
    expect((await put('resident7', `/api/proposals/${id}/support`)).body.supportCount).toBe(1);
    const p = await get(id);
    expect(p.timeline.at(-1)).toMatchObject({ type: 'backed_on_behalf', actor: { id: 'staff1' }, onBehalfOf: { id: 'resident7' }, evidence: '上门登记，表格第3号' });
  });
});
