/** The steps of a proposal's life after it is proposed; each checks role and state, then writes once. */
import type { AnswerBody } from '../contracts/proposal-actions.js';
import type { Proposal } from '../contracts/proposals.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { limitWrite, load, personOf, refused, requireModerator, requireResident, requireStep, timelineEvent } from './access.js';
import type { ProposalDeps } from './deps.js';
import { tellBackers } from './notices.js';
import { present } from './read-proposals.js';
import { inNoticePeriod, noticeEnd } from './rules.js';

const show = (deps: ProposalDeps) => (p: Parameters<typeof present>[0]) => present(p, deps.clock());

export async function withdraw(deps: ProposalDeps, callerId: string, id: string, reason?: string): Promise<Proposal> {
  const { member, proposal } = await load(deps, callerId, id);
  if (proposal.author.id !== member.id) throw new ForbiddenError('Only the author can withdraw a proposal.');
  requireStep('withdraw', proposal);
  const done = await deps.lifecycle.withdraw(proposal, timelineEvent(deps, 'withdrawn', personOf(member), { text: reason ?? null }));
  return show(deps)(done ?? await refused(deps, 'withdraw', id, 'The proposal changed; try again.'));
}

export async function review(deps: ProposalDeps, callerId: string, id: string, note?: string): Promise<Proposal> {
  const { member, proposal } = await load(deps, callerId, id);
  requireModerator(member, proposal.communityId);
  requireStep('review', proposal);
  const done = await deps.lifecycle.review(proposal, timelineEvent(deps, 'review_started', personOf(member), { text: note ?? null }), false);
  return show(deps)(done ?? await refused(deps, 'review', id, 'The proposal changed; try again.'));
}

export async function answer(deps: ProposalDeps, callerId: string, id: string, body: AnswerBody): Promise<Proposal> {
  const { member, proposal } = await load(deps, callerId, id);
  requireModerator(member, proposal.communityId);
  if (proposal.author.id === member.id) throw new ForbiddenError('You cannot answer your own proposal; another committee member must.');
  requireStep('answer', proposal);
  const now = deps.clock();
  const { noticePeriodDays } = await deps.community.getSettings(proposal.communityId);
  const stored = {
    decision: body.decision, reason: body.reason ?? null, plan: body.decision === 'accepted' ? body.plan : null,
    answeredBy: personOf(member), answeredAt: now, noticeEndsAt: noticeEnd(now, noticePeriodDays),
  };
  const event = timelineEvent(deps, 'answered', personOf(member), { text: body.reason ?? null });
  const done = await deps.lifecycle.answer(proposal, event, stored as Parameters<typeof deps.lifecycle.answer>[2]);
  const answered = show(deps)(done ?? await refused(deps, 'answer', id, 'The proposal changed; try again.'));
  await tellBackers(deps, answered, member.id, { kind: 'proposal.answered', key: 'answered', params: { decision: body.decision, note: body.reason ?? '' } });
  return answered;
}

export async function fileObjection(deps: ProposalDeps, callerId: string, id: string, reason: string): Promise<Proposal> {
  const { member, proposal } = await load(deps, callerId, id);
  requireResident(member, proposal.communityId, 'object to an answer');
  requireStep('object', proposal);
  const now = deps.clock();
  if (!proposal.answer || !inNoticePeriod(proposal.answer.noticeEndsAt, now)) throw new ConflictError('The notice period for this answer is over.', 'notice_over');
  if (proposal.objections.some((o) => o.id === member.id)) throw new ConflictError('You have already objected to this answer.', 'duplicate');
  await limitWrite(deps, member, proposal.communityId, 'objections');
  const event = timelineEvent(deps, 'objection_filed', personOf(member), { text: reason });
  const done = await deps.lifecycle.fileObjection(proposal, event, { id: member.id, by: personOf(member), reason, at: now });
  return show(deps)(done ?? await refused(deps, 'object', id, 'You have already objected, or the notice period is over.'));
}

export async function respondToObjection(deps: ProposalDeps, callerId: string, id: string, objectorId: string, response: string): Promise<Proposal> {
  const { member, proposal } = await load(deps, callerId, id);
  requireModerator(member, proposal.communityId);
  requireStep('respond', proposal);
  const objection = proposal.objections.find((o) => o.id === objectorId);
  if (!objection) throw new ConflictError('There is no such objection to this answer.', 'no_objection');
  if (objection.response) throw new ConflictError('This objection already has a response.', 'duplicate');
  const event = timelineEvent(deps, 'objection_answered', personOf(member), { text: response, onBehalfOf: null });
  const done = await deps.lifecycle.respondToObjection(proposal, event, objectorId, { text: response, by: personOf(member), at: event.at });
  return show(deps)(done ?? await refused(deps, 'respond', id, 'This objection already has a response.'));
}
