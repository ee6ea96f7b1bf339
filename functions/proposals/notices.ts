/**
 * What a proposal's answer and its work tell people (issue #15): its author and everyone backing it,
 * never the committee member who acted. A proposal is answered, started and completed once, and
 * each milestone has its own id, so the key of each change is stable under retries.
 */
import type { NotificationKind } from '../contracts/notifications.js';
import type { Proposal } from '../contracts/proposals.js';
import type { ProposalDeps } from './deps.js';

export async function tellBackers(deps: ProposalDeps, p: Proposal, actorId: string, change: {
  kind: Extract<NotificationKind, 'proposal.answered' | 'proposal.progress'>; key: string; params: Record<string, string>;
}): Promise<void> {
  const people = new Set([p.author.id, ...await deps.proposals.backers(p.id)]);
  people.delete(actorId);
  const at = deps.clock();
  await deps.notify([...people].map((userId) => ({
    userId, communityId: p.communityId, kind: change.kind, key: `${change.key}#${p.id}`, params: { title: p.title, ...change.params },
    link: `/proposals/${p.id}`, at,
  })));
}
