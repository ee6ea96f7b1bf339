/** Loading what a step needs and checking who may take it, shared by the proposal use cases. */
import type { Member } from '../community/rules.js';
import { countWrite } from '../community/write-limit.js';
import type { LimitedWrite } from '../shared/write-limits.js';
import type { Person, TimelineEvent } from '../contracts/proposals.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { ProposalDeps } from './deps.js';
import type { ProposalRecord } from './records.js';
import { canTake, explainRefusal, isModerator, mayParticipate, type Step } from './rules.js';

/** Counts one of the caller's limited writes in the community, or refuses it with a 429 (staff are not held). */
export const limitWrite = (deps: ProposalDeps, member: Member, communityId: string, write: LimitedWrite): Promise<void> =>
  countWrite({ settingsOf: (c) => deps.community.getSettings(c), writeLimits: deps.writeLimits }, member, communityId, write, deps.clock());

export const notFound = () => new NotFoundError('There is no proposal with this id.');
export const personOf = (m: Member): Person => ({ id: m.id, name: m.displayName });

export async function load(deps: ProposalDeps, callerId: string, id: string): Promise<{ member: Member; proposal: ProposalRecord }> {
  const [member, proposal] = await Promise.all([deps.community.getMember(callerId), deps.proposals.get(id)]);
  if (!proposal) throw notFound();
  return { member, proposal };
}

export function requireResident(member: Member, communityId: string, doing: string): void {
  if (!mayParticipate(member, communityId)) {
    throw new ForbiddenError(`Only residents of a verified household in this community can ${doing}.`);
  }
}

export function requireModerator(member: Member, communityId: string): void {
  if (!isModerator(member, communityId)) {
    throw new ForbiddenError('Only the committee or community staff can do this.');
  }
}

/**
 * The community whose dashboard or moderation queue the caller asks for: the one named (which they
 * must be staff or committee of), else their own. There is no default community.
 */
export function moderatedCommunity(member: Member, community: string | undefined): string {
  const communityId = community ?? member.communityId;
  if (!communityId) throw new ForbiddenError('Only the committee or community staff can do this.');
  requireModerator(member, communityId);
  return communityId;
}

export function requireStep(step: Step, p: ProposalRecord): void {
  if (!canTake(step, p.status)) throw new ConflictError(explainRefusal(step, p.status), 'wrong_status');
}

/** A step whose conditional write was refused: re-read and say why (the state moved under us). */
export async function refused(deps: ProposalDeps, step: Step, id: string, otherwise: string): Promise<never> {
  const now = await deps.proposals.get(id);
  if (!now) throw notFound();
  if (!canTake(step, now.status)) throw new ConflictError(explainRefusal(step, now.status), 'wrong_status');
  throw new ConflictError(otherwise);
}

export function timelineEvent(deps: ProposalDeps, type: TimelineEvent['type'], actor: Person, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: deps.newId(), type, at: deps.clock(), actor, onBehalfOf: null, evidence: null, text: null, date: null,
    progress: null, photo: null, ...extra,
  };
}
