/** Objections to a published result during its notice period, and the committee's answers. */
import type { Ballot } from '../contracts/ballots.js';
import { countWrite } from '../community/write-limit.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { loadBallot, requireCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import { getBallot } from './read-ballots.js';

export async function fileObjection(deps: BallotDeps, callerId: string, ballotId: string, text: string): Promise<Ballot> {
  const meta = await loadBallot(deps, ballotId);
  if ((await deps.ballots.unitIdsOfRep(ballotId, callerId)).length === 0) {
    throw new ForbiddenError('Only owners on this ballot\'s roll (their voting representatives) may object.');
  }
  const now = deps.clock();
  if (meta.status !== 'closed') throw new ConflictError('Objections are taken once the result is published.', 'not_closed');
  const member = await deps.community.getMember(callerId);
  await countWrite({ settingsOf: (c) => deps.community.getSettings(c), writeLimits: deps.writeLimits }, member, String(meta.communityId), 'objections', now);
  const objection = { id: deps.newId(), by: callerId, byName: member.displayName, text, at: now, response: null };
  if (!(await deps.ballots.addObjection(ballotId, objection, now))) {
    throw new ConflictError('The notice period is over; the result is final.', 'notice_over');
  }
  return getBallot(deps, ballotId);
}

export async function respondToObjection(deps: BallotDeps, callerId: string, ballotId: string, objectionId: string, text: string): Promise<Ballot> {
  const meta = await loadBallot(deps, ballotId);
  const member = await requireCommittee(deps, callerId, String(meta.estateId));
  const list = (meta.objections ?? []) as { id: string; response?: unknown }[];
  const index = list.findIndex((o) => o.id === objectionId);
  if (index < 0) throw new NotFoundError('No such objection.');
  const response = { by: callerId, byName: member.displayName, text, at: deps.clock() };
  if (list[index]!.response || !(await deps.ballots.respondToObjection(ballotId, index, objectionId, response))) {
    throw new ConflictError('This objection has already been answered.', 'already_answered');
  }
  return getBallot(deps, ballotId);
}
