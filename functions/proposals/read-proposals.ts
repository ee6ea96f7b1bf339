import type { ListProposalsQuery, Proposal, ProposalPage } from '../contracts/proposals.js';
import { NotFoundError } from '../shared/errors.js';
import type { ProposalDeps } from './deps.js';

export async function getProposal(deps: ProposalDeps, id: string): Promise<Proposal> {
  const proposal = await deps.proposals.get(id);
  if (!proposal) throw new NotFoundError('There is no proposal with this id.');
  return proposal;
}

export function listProposals(deps: ProposalDeps, q: ListProposalsQuery): Promise<ProposalPage> {
  return deps.proposals.list({
    communityId: q.community ?? deps.defaultCommunity,
    status: q.status, category: q.category, limit: q.limit, cursor: q.cursor,
  });
}
