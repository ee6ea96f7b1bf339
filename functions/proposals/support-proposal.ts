import { isResidentOf } from '../community/rules.js';
import type { SupportState } from '../contracts/proposals.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { ProposalDeps } from './deps.js';
import { explainNoSupport } from './rules.js';

const missing = () => new NotFoundError('There is no proposal with this id.');

export async function getSupport(deps: ProposalDeps, callerId: string, id: string): Promise<SupportState> {
  const state = await deps.proposals.supportState(id, callerId);
  if (!state) throw missing();
  return { proposalId: id, supportCount: state.supportCount, supported: state.supported };
}

/**
 * Back (`add`) or stop backing a proposal. Both are idempotent: asking for the state you are
 * already in answers 200 with the current count, so a retried tap never errors or double-counts.
 */
export async function changeSupport(deps: ProposalDeps, callerId: string, id: string, add: boolean): Promise<SupportState> {
  const member = await deps.community.getMember(callerId);
  if (!member.communityId || !isResidentOf(member, member.communityId)) {
    throw new ForbiddenError('Only residents of a verified household can back proposals.');
  }
  const outcome = await deps.proposals.changeSupport(id, member.communityId, callerId, add);
  if (outcome.kind === 'changed') return { proposalId: id, supportCount: outcome.supportCount, supported: add };
  const now = outcome.current;
  if (!now) throw missing();
  if (now.communityId !== member.communityId) throw new ForbiddenError('Only residents of this proposal\'s community can back it.');
  if (now.status !== 'open') throw new ConflictError(explainNoSupport(now.status), 'proposal_closed');
  return { proposalId: id, supportCount: now.supportCount, supported: now.supported };
}
