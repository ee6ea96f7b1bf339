/** Reports from anyone signed in; committee and staff hide, keep or restore, always with a reason. */
import type { ModerationItem, ModerationTarget } from '../contracts/comments.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { limitWrite, load, moderatedCommunity, personOf, requireModerator, timelineEvent } from './access.js';
import type { ProposalDeps } from './deps.js';

const excerptOf = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

export async function report(deps: ProposalDeps, callerId: string, id: string, reason: string, commentId?: string) {
  const { member, proposal } = await load(deps, callerId, id);
  if (!member.registered) throw new ForbiddenError('Sign in with a registered account to report.');
  const target: ModerationTarget = { kind: commentId ? 'comment' : 'proposal', proposalId: id, commentId: commentId ?? null };
  let excerpt = `${proposal.title}\n${proposal.description}`;
  let author = proposal.author;
  if (commentId) {
    const found = await deps.comments.find(id, commentId);
    if (!found) throw new NotFoundError('There is no such comment on this proposal.');
    ({ body: excerpt, author } = found.comment);
  }
  await limitWrite(deps, member, proposal.communityId, 'reports');
  const reportCount = await deps.comments.report(proposal.communityId, {
    target, excerpt: excerptOf(excerpt), author, by: personOf(member), reason, at: deps.clock(),
  });
  return { reported: true as const, reportCount };
}

export async function moderationQueue(deps: ProposalDeps, callerId: string, community?: string): Promise<{ items: ModerationItem[] }> {
  const member = await deps.community.getMember(callerId);
  const communityId = moderatedCommunity(member, community);
  const groups = new Map<string, ModerationItem>();
  for (const r of await deps.comments.openReports(communityId)) {
    const key = `${r.target.proposalId}/${r.target.commentId ?? ''}`;
    const item = groups.get(key) ?? { target: r.target, excerpt: r.excerpt, author: r.author, reports: [], firstReportedAt: r.at };
    item.reports.push({ by: r.by, reason: r.reason, at: r.at });
    if (r.at < item.firstReportedAt) item.firstReportedAt = r.at;
    groups.set(key, item);
  }
  return { items: [...groups.values()].sort((a, b) => b.reports.length - a.reports.length || a.firstReportedAt.localeCompare(b.firstReportedAt)) };
}

type Decision = { proposalId: string; commentId?: string; action: 'hide' | 'keep' | 'restore'; reason: string };

export async function decide(deps: ProposalDeps, callerId: string, d: Decision) {
  const { member, proposal } = await load(deps, callerId, d.proposalId);
  requireModerator(member, proposal.communityId);
  const target: ModerationTarget = { kind: d.commentId ? 'comment' : 'proposal', proposalId: d.proposalId, commentId: d.commentId ?? null };
  const decision = { reason: d.reason, by: personOf(member), at: deps.clock() };
  let hidden: boolean;
  if (d.commentId) {
    const found = await deps.comments.find(d.proposalId, d.commentId);
    if (!found) throw new NotFoundError('There is no such comment on this proposal.');
    hidden = found.comment.hidden !== null;
    if (d.action !== 'keep') {
      if (!(await deps.comments.setHidden(d.proposalId, found.sk, d.action === 'hide' ? decision : null))) {
        throw new ConflictError(d.action === 'hide' ? 'This comment is already hidden.' : 'This comment is not hidden.', 'no_change');
      }
      hidden = d.action === 'hide';
    }
  } else {
    hidden = proposal.hidden !== null;
    if (d.action !== 'keep') {
      const event = timelineEvent(deps, d.action === 'hide' ? 'hidden' : 'restored', personOf(member), { text: d.reason });
      const done = d.action === 'hide' ? await deps.lifecycle.hide(proposal, event, decision) : await deps.lifecycle.restore(proposal, event);
      if (!done) throw new ConflictError(d.action === 'hide' ? 'This proposal is already hidden.' : 'This proposal is not hidden.', 'no_change');
      hidden = d.action === 'hide';
    }
  }
  const resolvedReports = await deps.comments.resolveReports(target, { ...decision, action: d.action });
  return { target, hidden, resolvedReports };
}
