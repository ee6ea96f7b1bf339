/** Comments with one level of replies, reports from anyone signed in, and the moderators' queue. */
import { describe, expect, it } from 'vitest';
import { CommentPage, ModerationQueue } from '../../functions/contracts/comments.js';
import { sampleProposal, usePlatform } from '../support/platform.js';

let id: string;
const { api, as } = usePlatform(async () => {
  id = (await api.call('POST', '/api/proposals', { token: await as('resident1'), body: sampleProposal() })).body.id;
});

const post = async (who: string, path: string, body: unknown) => api.call('POST', path, { token: await as(who), body });
const comments = async () => CommentPage.parse((await api.call('GET', `/api/proposals/${id}/comments`)).body).items;
const queue = async (who = 'committee1') => api.call('GET', '/api/moderation/reports', { token: await as(who) });

describe('comments', () => {
  it('lists replies right after their parent, and refuses replies to replies', async () => {
    const first = await post('resident2', `/api/proposals/${id}/comments`, { body: '好主意！' });
    expect(first.status).toBe(201);
    const second = await post('resident3', `/api/proposals/${id}/comments`, { body: '我家老人也需要。' });
    const reply = await post('resident1', `/api/proposals/${id}/comments`, { body: '谢谢支持', parentId: first.body.id });
    expect(reply.body.parentId).toBe(first.body.id);
    expect((await post('resident4', `/api/proposals/${id}/comments`, { body: '回复回复', parentId: reply.body.id })).status).toBe(400);
    expect((await comments()).map((c) => c.id)).toEqual([first.body.id, reply.body.id, second.body.id]);
  });

  it('takes comments from residents only', async () => {
    expect((await post('donor1', `/api/proposals/${id}/comments`, { body: '路过' })).status).toBe(403);
    expect((await api.call('POST', `/api/proposals/${id}/comments`, { body: { body: '匿名' } })).status).toBe(401);
    expect((await post('resident2', `/api/proposals/${id}/comments`, { body: '' })).status).toBe(400);
  });
});

describe('reports and moderation', () => {
  it('queues reports by target, once per person, for committee and staff only', async () => {
    const target = (await post('resident5', `/api/proposals/${id}/comments`, { body: '这种提议都是浪费钱，提的人脑子有问题' })).body;
    const path = `/api/proposals/${id}/comments/${target.id}/reports`;
    expect((await post('donor1', path, { reason: '人身攻击' })).body).toEqual({ reported: true, reportCount: 1 });
    expect((await post('donor1', path, { reason: '再报一次' })).body.reportCount).toBe(1);
    expect((await post('resident6', path, { reason: '不文明用语' })).body.reportCount).toBe(2);
    expect((await queue('resident1')).status).toBe(403);
    const q = ModerationQueue.parse((await queue()).body);
    expect(q.items).toHaveLength(1);
    expect(q.items[0]).toMatchObject({ target: { kind: 'comment', commentId: target.id }, author: { id: 'resident5' }, excerpt: target.body });
    expect(q.items[0]!.reports.map((r) => r.by.id).sort()).toEqual(['donor1', 'resident6']);

    const decide = (body: object) => post('committee1', '/api/moderation/decisions', { proposalId: id, commentId: target.id, ...body });
    expect((await decide({ action: 'hide' })).status).toBe(400);
    expect((await decide({ action: 'hide', reason: '人身攻击' })).body).toMatchObject({ hidden: true, resolvedReports: 2 });
    expect((await decide({ action: 'hide', reason: '人身攻击' })).status).toBe(409);
    const shown = (await comments()).find((c) => c.id === target.id)!;
    expect(shown).toMatchObject({ body: '', hidden: { reason: '人身攻击', by: { id: 'committee1' } } });
    expect(ModerationQueue.parse((await queue()).body).items).toEqual([]);
  });

  it('hides a reported proposal from lists and withholds its words, and can restore it', async () => {
    const other = (await post('resident7', '/api/proposals', { ...sampleProposal(7), title: '这是一条广告：低价装修找我' })).body.id;
    expect((await post('resident8', `/api/proposals/${other}/reports`, { reason: '商业广告' })).status).toBe(201);
    expect((await post('resident8', '/api/moderation/decisions', { proposalId: other, action: 'hide', reason: '商业广告' })).status).toBe(403);
    expect((await post('staff1', '/api/moderation/decisions', { proposalId: other, action: 'hide', reason: '商业广告' })).body.hidden).toBe(true);
    const hidden = (await api.call('GET', `/api/proposals/${other}`)).body;
    expect(hidden).toMatchObject({ title: '', description: '', hidden: { reason: '商业广告' } });
    const back = await api.call('PUT', `/api/proposals/${other}/support`, { token: await as('resident9') });
    expect(back).toMatchObject({ status: 409, body: { error: { code: 'hidden' } } });
    const listed = async () => (await api.call('GET', '/api/proposals?community=chating&limit=50')).body.items.map((p: { id: string }) => p.id);
    expect(await listed()).not.toContain(other);
    expect((await post('staff1', '/api/moderation/decisions', { proposalId: other, action: 'restore', reason: '误判，已核实' })).body.hidden).toBe(false);
    expect(await listed()).toContain(other);
    expect((await api.call('GET', `/api/proposals/${other}`)).body.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'hidden', 'restored']);
  });

  it('keeps a reported comment, clearing the reports without hiding it', async () => {
    const c = (await post('resident9', `/api/proposals/${id}/comments`, { body: '我觉得预算偏高' })).body;
    await post('resident10', `/api/proposals/${id}/comments/${c.id}/reports`, { reason: '不同意他的观点' });
    const kept = await post('committee1', '/api/moderation/decisions', { proposalId: id, commentId: c.id, action: 'keep', reason: '不同意见不是违规' });
    expect(kept.body).toMatchObject({ hidden: false, resolvedReports: 1 });
    expect((await comments()).find((x) => x.id === c.id)?.body).toBe('我觉得预算偏高');
  });
});

describe('committee dashboard', () => {
  it('shows what awaits an answer by backing, open objections and stalled work, to committee and staff only', async () => {
    expect((await api.call('GET', '/api/dashboard/proposals', { token: await as('resident1') })).status).toBe(403);
    const d = (await api.call('GET', '/api/dashboard/proposals', { token: await as('committee1') })).body;
    expect(d.openObjections.map((p: { title: string }) => p.title)).toContain('单元门口加装扶手和坡道');
    expect(d.stalled).toEqual([]);
    const counts = d.awaitingAnswer.map((p: { supportCount: number }) => p.supportCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    await api.call('POST', '/api/dev/clock', { body: { advanceDays: 20 } });
    const later = (await api.call('GET', '/api/dashboard/proposals', { token: await as('staff1') })).body;
    expect(later.stalled.map((p: { title: string }) => p.title)).toEqual(['文化园加装夜间照明']);
  });
});
