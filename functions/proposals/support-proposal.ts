import { isStaffOf } from '../community/rules.js';
import type { SupportState } from '../contracts/proposals.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { notFound, personOf, requireResident, timelineEvent } from './access.js';
import type { ProposalDeps } from './deps.js';
import { explainRefusal } from './rules.js';

const SYSTEM = { id: 'system', name: 'Gongzhi' };

export async function getSupport(deps: ProposalDeps, callerId: string, id: string): Promise<SupportState> {
  const state = await deps.proposals.supportState(id, callerId);
  if (!state) throw notFound();
  return { proposalId: id, supportCount: state.supportCount, supported: state.supported };
}

/** Reaching the threshold moves the proposal to review: a second, idempotent write that only the first racer wins. */
async function reviewIfDue(deps: ProposalDeps, id: string, count: number, threshold: number): Promise<void> {
  if (threshold <= 0 || count < threshold) return;
  const p = await deps.proposals.get(id);
  if (!p || p.status !== 'open') return;
  await deps.lifecycle.review(p, timelineEvent(deps, 'threshold_reached', SYSTEM, { text: String(threshold) }), true);
}

interface Options { staff?: { id: string; name: string }; evidence?: string }

/**
 * Back (`add`) or stop backing a proposal. Both are idempotent: asking for the state you are
 * already in answers 200 with the current count, so a retried tap never errors or double-counts.
 */
export async function changeSupport(deps: ProposalDeps, userId: string, id: string, add: boolean, o: Options = {}): Promise<SupportState> {
  const member = await deps.community.getMember(userId);
  if (!member.communityId) throw new ForbiddenError('Only residents of a verified household can back proposals.');
  requireResident(member, member.communityId, 'back proposals');
  const { supportLimit } = await deps.community.getSettings(member.communityId);
  if (add && supportLimit > 0 && !(await deps.supportLimits.claim(userId, id, supportLimit))) {
    throw new ConflictError(`You already back ${supportLimit} proposals, the most this community allows at once. Withdraw one to back this.`, 'support_limit');
  }
  const event = o.staff ? timelineEvent(deps, 'backed_on_behalf', o.staff, { onBehalfOf: personOf(member), evidence: o.evidence ?? null }) : undefined;
  const outcome = await deps.proposals.changeSupport(id, member.communityId, userId, add, event);
  if (outcome.kind === 'changed') {
    if (!add && supportLimit > 0) await deps.supportLimits.release(userId, id);
    if (add) await reviewIfDue(deps, id, outcome.supportCount, outcome.supportThreshold);
    return { proposalId: id, supportCount: outcome.supportCount, supported: add };
  }
  const now = outcome.current;
  if (add && supportLimit > 0 && !now?.supported) await deps.supportLimits.release(userId, id);
  if (!now) throw notFound();
  if (now.communityId !== member.communityId) throw new ForbiddenError('Only residents of this proposal\'s community can back it.');
  if (now.status !== 'open') throw new ConflictError(explainRefusal('back', now.status), 'proposal_closed');
  if (now.hidden) throw new ConflictError('A moderator hid this proposal; it cannot be backed while hidden.', 'hidden');
  return { proposalId: id, supportCount: now.supportCount, supported: now.supported };
}

/** Staff back a proposal for a resident from a paper form; the resident's own backing is the same one. */
export async function supportOnBehalf(deps: ProposalDeps, staffId: string, id: string, userId: string, evidence: string): Promise<SupportState> {
  const staff = await deps.community.getMember(staffId);
  if (staff.staffOf.length === 0) throw new ForbiddenError('Only community staff can back a proposal for a resident.');
  const resident = await deps.community.getMember(userId);
  if (!resident.communityId || !isStaffOf(staff, resident.communityId)) throw new ForbiddenError('That person is not a resident of your community.');
  return changeSupport(deps, userId, id, true, { staff: personOf(staff), evidence });
}
