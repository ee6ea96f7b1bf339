import { isStaffOf } from '../community/rules.js';
import type { CreateProposalBody, Proposal } from '../contracts/proposals.js';
import { BadRequestError, ForbiddenError } from '../shared/errors.js';
import { limitWrite, personOf, requireResident, timelineEvent } from './access.js';
import type { ProposalDeps } from './deps.js';
import { present } from './read-proposals.js';
import type { ProposalRecord } from './records.js';

type Body = CreateProposalBody & { title: string; description: string };

/** A resident proposes; or staff enter a resident's paper proposal, which stays the resident's. */
export async function createProposal(deps: ProposalDeps, callerId: string, body: Body): Promise<Proposal> {
  const caller = await deps.community.getMember(callerId);
  let author = caller;
  if (body.onBehalfOf) {
    if (caller.staffOf.length === 0) throw new ForbiddenError('Only community staff can enter a proposal for a resident.');
    author = await deps.community.getMember(body.onBehalfOf.userId);
    if (!author.registered) {
      throw new BadRequestError('There is no such resident.', [{ path: 'body.onBehalfOf.userId', code: 'unknown_user', message: 'no such user' }]);
    }
    // The proposal is the resident's, in the resident's community: the staff member must serve that one.
    if (!author.communityId || !isStaffOf(caller, author.communityId)) throw new ForbiddenError('That person is not a resident of a community you are staff of.');
    requireResident(author, author.communityId, 'propose (the person entered for)');
  }
  if (!author.communityId) throw new ForbiddenError('Only residents of a verified household can propose. Community staff can verify your household.');
  requireResident(author, author.communityId, 'propose. Community staff can verify your household');
  const settings = await deps.community.getSettings(author.communityId);
  await limitWrite(deps, caller, author.communityId, 'proposals');
  const now = deps.clock();
  const onBehalf = author.id !== caller.id;
  const record: ProposalRecord = {
    id: deps.newId(), communityId: author.communityId, title: body.title, description: body.description,
    category: body.category, location: body.location ?? null, estimatedCostFen: body.estimatedCostFen ?? null,
    status: 'open', supportCount: 0, supportThreshold: settings.supportThreshold, progress: null, openObjections: 0,
    author: personOf(author), enteredBy: onBehalf ? personOf(caller) : null, answer: null, objections: [], outcome: null,
    hidden: null, createdAt: now, updatedAt: now,
    timeline: [timelineEvent(deps, 'created', personOf(caller), onBehalf
      ? { onBehalfOf: personOf(author), evidence: body.onBehalfOf!.evidence } : {})],
  };
  await deps.proposals.create(record);
  return present(record, now);
}
