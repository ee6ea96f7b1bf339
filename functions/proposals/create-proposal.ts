import { isResidentOf } from '../community/rules.js';
import type { CreateProposalBody, Proposal } from '../contracts/proposals.js';
import { ForbiddenError } from '../shared/errors.js';
import type { ProposalDeps } from './deps.js';

type Body = Omit<CreateProposalBody, never>;

export async function createProposal(deps: ProposalDeps, callerId: string, body: Body): Promise<Proposal> {
  const member = await deps.community.getMember(callerId);
  if (!member.communityId || !isResidentOf(member, member.communityId)) {
    throw new ForbiddenError('Only residents of a verified household can propose. Community staff can verify your household.');
  }
  const now = deps.clock();
  const proposal: Proposal = {
    id: deps.newId(),
    communityId: member.communityId,
    title: body.title,
    description: body.description,
    category: body.category,
    location: body.location ?? null,
    estimatedCostFen: body.estimatedCostFen ?? null,
    status: 'open',
    supportCount: 0,
    author: { id: member.id, name: member.displayName },
    enteredBy: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.proposals.create(proposal);
  return proposal;
}
