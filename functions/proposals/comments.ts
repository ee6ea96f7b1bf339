import type { Comment, CommentPage } from '../contracts/comments.js';
import { BadRequestError, ConflictError } from '../shared/errors.js';
import { limitWrite, load, notFound, personOf, requireResident } from './access.js';
import type { ProposalDeps } from './deps.js';

export async function listComments(deps: ProposalDeps, id: string, limit: number, cursor?: string): Promise<CommentPage> {
  if (!(await deps.proposals.exists(id))) throw notFound();
  return deps.comments.list(id, limit, cursor);
}

/** Residents comment; a reply goes under a top-level comment (one level only). */
export async function addComment(deps: ProposalDeps, callerId: string, id: string, body: { body: string; parentId?: string }): Promise<Comment> {
  const { member, proposal } = await load(deps, callerId, id);
  requireResident(member, proposal.communityId, 'comment');
  if (proposal.hidden) throw new ConflictError('This proposal was hidden by a moderator; it takes no comments.', 'hidden');
  if (body.parentId && !(await deps.comments.getTopLevel(id, body.parentId))) {
    throw new BadRequestError('You can reply only to a top-level comment of this proposal.', [
      { path: 'body.parentId', code: 'invalid_parent', message: 'not a top-level comment of this proposal' }]);
  }
  await limitWrite(deps, member, proposal.communityId, 'comments');
  const comment: Comment = {
    id: deps.newId(), proposalId: id, parentId: body.parentId ?? null, author: personOf(member), body: body.body,
    createdAt: deps.clock(), hidden: null,
  };
  await deps.comments.add(comment);
  return comment;
}
