import type { Dashboard, ListProposalsQuery, Proposal, ProposalPage } from '../contracts/proposals.js';
import { moderatedCommunity, notFound } from './access.js';
import type { ProposalDeps } from './deps.js';
import type { ProposalRecord } from './records.js';
import { isFinal, isStalled, STALLED_AFTER_DAYS } from './rules.js';

/** What the public sees: the answer's finality as of now, and nothing of a hidden proposal's words. */
export function present(r: ProposalRecord, now: string): Proposal {
  return {
    ...r,
    ...(r.hidden ? { title: '', description: '', location: null } : {}),
    answer: r.answer && { ...r.answer, final: isFinal(r.answer.noticeEndsAt, r.openObjections, now) },
  };
}

export async function getProposal(deps: ProposalDeps, id: string): Promise<Proposal> {
  const record = await deps.proposals.get(id);
  if (!record) throw notFound();
  return present(record, deps.clock());
}

export function listProposals(deps: ProposalDeps, q: ListProposalsQuery): Promise<ProposalPage> {
  return deps.proposals.list({
    communityId: q.community,
    status: q.status, category: q.category, limit: q.limit, cursor: q.cursor,
  });
}

export async function dashboard(deps: ProposalDeps, callerId: string, community?: string): Promise<Dashboard> {
  const member = await deps.community.getMember(callerId);
  const communityId = moderatedCommunity(member, community);
  const [review, accepted, rejected, working] = await Promise.all(
    (['under_review', 'accepted', 'rejected', 'in_progress'] as const).map((s) => deps.proposals.allInStatus(communityId, s)),
  );
  const now = deps.clock();
  return {
    awaitingAnswer: review!.sort((a, b) => b.supportCount - a.supportCount),
    openObjections: [...accepted!, ...rejected!].filter((p) => p.openObjections > 0),
    stalled: working!.filter((p) => isStalled(p.status, p.updatedAt, now)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    stalledAfterDays: STALLED_AFTER_DAYS,
  };
}
