/**
 * The proposals context's rows of the route table (functions/routes.ts spreads them in): proposals,
 * backing, the lifecycle, comments, reports and moderation. Imports zod contracts only: the CDK app
 * and the web read this file, and the proposals Lambda carries nothing else of the table.
 */
import type * as z from 'zod/mini';
import {
  CommentPage, CommentParams, CommentQuery, Comment, CreateCommentBody, DashboardQuery, ModerationDecisionBody,
  ModerationOutcome, ModerationQueue, ReportBody, ReportReceipt,
} from '../contracts/comments.js';
import { IdParams, NoQuery } from '../contracts/common.js';
import {
  AddPhotoBody, AnswerBody, CompleteBody, MilestoneBody, ObjectionBody, ObjectionParams, ObjectionResponseBody,
  PhotoUpload, PhotoUploadBody, ReviewBody, StartWorkBody, SupporterParams, SupportOnBehalfBody, WithdrawBody,
} from '../contracts/proposal-actions.js';
import {
  CreateProposalBody, Dashboard, ListProposalsQuery, Proposal, ProposalPage, SupportState,
} from '../contracts/proposals.js';
import { committeesAndStaff, registered, residentsOfC, route, type Allow, type Party, type RouteDef } from '../route-def.js';

/** `POST /api/proposals/{id}/<name>`: a lifecycle step answering with the whole proposal. */
const action = <const A extends string, const B extends z.ZodMiniType>(name: A, summary: string, body: B,
  who: { allow: Allow; alsoAllow?: Party } = { allow: committeesAndStaff }) => route({
  id: `proposals.${name}`, method: 'POST', path: `/api/proposals/{id}/${name}`, context: 'proposals', access: 'user', ...who,
  summary, params: IdParams, query: NoQuery, body, response: Proposal, status: 200,
});

export const proposalRoutes = [
  route({ id: 'proposals.list', method: 'GET', path: '/api/proposals', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'Proposals, newest first, filtered by status and category', query: ListProposalsQuery,
    response: ProposalPage, status: 200 }),
  route({ id: 'proposals.create', method: 'POST', path: '/api/proposals', context: 'proposals', access: 'user', allow: residentsOfC,
    summary: 'Propose an improvement (residents of a verified household)', query: NoQuery,
    body: CreateProposalBody, response: Proposal, status: 201 }),
  route({ id: 'proposals.get', method: 'GET', path: '/api/proposals/{id}', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'One proposal', params: IdParams, query: NoQuery, response: Proposal, status: 200 }),
  route({ id: 'proposals.support.get', method: 'GET', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', allow: 'signed-in', summary: 'Whether the caller backs this proposal, and the count', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
  route({ id: 'proposals.support.put', method: 'PUT', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', allow: residentsOfC, summary: 'Back a proposal (idempotent: once per resident)', params: IdParams, query: NoQuery,
    response: SupportState, status: 200 }),
  route({ id: 'proposals.support.delete', method: 'DELETE', path: '/api/proposals/{id}/support',
    context: 'proposals', access: 'user', allow: residentsOfC, summary: 'Withdraw the caller\'s backing (idempotent)', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
  route({ id: 'proposals.supporters.put', method: 'PUT', path: '/api/proposals/{id}/supporters/{userId}',
    context: 'proposals', access: 'user', allow: ['staff'], summary: 'Staff back a proposal for a resident, with the evidence (idempotent)',
    params: SupporterParams, query: NoQuery, body: SupportOnBehalfBody, response: SupportState, status: 200 }),

  // Lifecycle: every transition answers with the whole proposal, timeline included. Committee or staff unless said.
  action('withdraw', 'The author withdraws an open proposal', WithdrawBody, { allow: [], alsoAllow: 'its-author' }),
  action('review', 'Committee or staff take an open proposal up for review', ReviewBody),
  action('answer', 'Committee or staff accept (with a plan) or reject (with a reason); opens the notice period', AnswerBody),
  action('objections', 'A resident objects to the answer during the notice period', ObjectionBody, { allow: residentsOfC }),
  action('start', 'Committee or staff start the work once the answer is final', StartWorkBody),
  action('milestones', 'Committee or staff record a dated milestone and the progress', MilestoneBody),
  action('complete', 'Committee or staff record completion and its outcome', CompleteBody),
  action('photos', 'Committee or staff attach an uploaded before/after photo', AddPhotoBody),
  route({ id: 'proposals.objections.respond', method: 'POST', path: '/api/proposals/{id}/objections/{objectionId}/response',
    context: 'proposals', access: 'user', allow: committeesAndStaff, summary: 'Committee or staff respond to an objection', params: ObjectionParams,
    query: NoQuery, body: ObjectionResponseBody, response: Proposal, status: 200 }),
  route({ id: 'proposals.photoUploads.create', method: 'POST', path: '/api/proposals/{id}/photo-uploads', context: 'proposals',
    access: 'user', allow: committeesAndStaff, summary: 'A short-lived upload link for one photo (type and size checked)', params: IdParams,
    query: NoQuery, body: PhotoUploadBody, response: PhotoUpload, status: 201 }),
  route({ id: 'proposals.dashboard', method: 'GET', path: '/api/dashboard/proposals', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Committee dashboard: awaiting an answer, open objections, stalled work', query: DashboardQuery,
    response: Dashboard, status: 200 }),

  route({ id: 'comments.list', method: 'GET', path: '/api/proposals/{id}/comments', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'Comments on a proposal, oldest first, replies after their parent', params: IdParams, query: CommentQuery,
    response: CommentPage, status: 200 }),
  route({ id: 'comments.create', method: 'POST', path: '/api/proposals/{id}/comments', context: 'proposals', access: 'user', allow: residentsOfC,
    summary: 'Comment, or reply to a top-level comment', params: IdParams, query: NoQuery, body: CreateCommentBody,
    response: Comment, status: 201 }),
  route({ id: 'reports.proposal', method: 'POST', path: '/api/proposals/{id}/reports', context: 'proposals', access: 'user',
    allow: registered,
    summary: 'Report a proposal to the moderators, with a reason', params: IdParams, query: NoQuery, body: ReportBody,
    response: ReportReceipt, status: 201 }),
  route({ id: 'reports.comment', method: 'POST', path: '/api/proposals/{id}/comments/{commentId}/reports', context: 'proposals',
    access: 'user',
    allow: registered, summary: 'Report a comment to the moderators, with a reason', params: CommentParams, query: NoQuery,
    body: ReportBody, response: ReportReceipt, status: 201 }),
  route({ id: 'moderation.queue', method: 'GET', path: '/api/moderation/reports', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Open reports, grouped by what was reported (committee and staff)', query: DashboardQuery,
    response: ModerationQueue, status: 200 }),
  route({ id: 'moderation.decide', method: 'POST', path: '/api/moderation/decisions', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Hide, keep or restore a reported proposal or comment, with a reason', query: NoQuery,
    body: ModerationDecisionBody, response: ModerationOutcome, status: 200 }),
] as const satisfies readonly RouteDef[];
