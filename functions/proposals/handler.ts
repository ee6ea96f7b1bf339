/** Lambda entry for proposals: parse (done by the route row) → use case → return. */
import type { ContextRouteId } from '../routes.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import { proposalRoutes } from './routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { createMediaStore } from '../shared/media/index.js';
import { addComment, listComments } from './comments.js';
import { createProposal } from './create-proposal.js';
import { answer, fileObjection, respondToObjection, review, withdraw } from './lifecycle.js';
import { decide, moderationQueue, report } from './moderate.js';
import { dashboard, getProposal, listProposals } from './read-proposals.js';
import { requestPhotoUpload } from './request-photo-upload.js';
import { changeSupport, getSupport, supportOnBehalf } from './support-proposal.js';
import { addMilestone, attachPhoto, complete, startWork } from './track-work.js';
import { createProposalDeps } from './wire.js';

const deps = { ...createProposalDeps(documentClient(), config()), media: createMediaStore() };

export const impls: ContextImpls<ContextRouteId<'proposals'>> = {
  'proposals.list': ({ query }) => listProposals(deps, query),
  'proposals.create': ({ callerId, body }) => createProposal(deps, callerId, body),
  'proposals.get': ({ params }) => getProposal(deps, params.id),
  'proposals.support.get': ({ callerId, params }) => getSupport(deps, callerId, params.id),
  'proposals.support.put': ({ callerId, params }) => changeSupport(deps, callerId, params.id, true),
  'proposals.support.delete': ({ callerId, params }) => changeSupport(deps, callerId, params.id, false),
  'proposals.supporters.put': ({ callerId, params, body }) => supportOnBehalf(deps, callerId, params.id, params.userId, body.evidence),
  'proposals.withdraw': ({ callerId, params, body }) => withdraw(deps, callerId, params.id, body.reason),
  'proposals.review': ({ callerId, params, body }) => review(deps, callerId, params.id, body.note),
  'proposals.answer': ({ callerId, params, body }) => answer(deps, callerId, params.id, body),
  'proposals.objections': ({ callerId, params, body }) => fileObjection(deps, callerId, params.id, body.reason),
  'proposals.objections.respond': ({ callerId, params, body }) => respondToObjection(deps, callerId, params.id, params.objectionId, body.response),
  'proposals.start': ({ callerId, params, body }) => startWork(deps, callerId, params.id, body.note),
  'proposals.milestones': ({ callerId, params, body }) => addMilestone(deps, callerId, params.id, body),
  'proposals.complete': ({ callerId, params, body }) => complete(deps, callerId, params.id, body.outcome),
  'proposals.photoUploads.create': ({ callerId, params, body }) => requestPhotoUpload(deps, callerId, params.id, body),
  'proposals.photos': ({ callerId, params, body }) => attachPhoto(deps, callerId, params.id, body),
  'proposals.dashboard': ({ callerId, query }) => dashboard(deps, callerId, query.community),
  'comments.list': ({ params, query }) => listComments(deps, params.id, query.limit, query.cursor),
  'comments.create': ({ callerId, params, body }) => addComment(deps, callerId, params.id, body),
  'reports.proposal': ({ callerId, params, body }) => report(deps, callerId, params.id, body.reason),
  'reports.comment': ({ callerId, params, body }) => report(deps, callerId, params.id, body.reason, params.commentId),
  'moderation.queue': ({ callerId, query }) => moderationQueue(deps, callerId, query.community),
  'moderation.decide': ({ callerId, body }) => decide(deps, callerId, body),
};

export const handler = createHandler(proposalRoutes, impls);
