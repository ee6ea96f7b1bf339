/** Pure proposal rules: the lifecycle, who may do what, when an answer is final. No I/O. */
import type { Member } from '../community/rules.js';
import { isResidentOf, isStaffOf } from '../community/rules.js';
import { communityOfId } from '../contracts/common.js';
import type { Answer, ProposalStatus } from '../contracts/proposals.js';

export type Step = 'back' | 'withdraw' | 'review' | 'answer' | 'object' | 'respond' | 'start' | 'milestone' | 'complete' | 'photo';

/** From which statuses each step may be taken; anything else is a 409. */
export const allowedFrom: Readonly<Record<Step, readonly ProposalStatus[]>> = {
  back: ['open'],
  withdraw: ['open'],
  review: ['open'],
  answer: ['under_review'],
  object: ['accepted', 'rejected'],
  respond: ['accepted', 'rejected'],
  start: ['accepted'],
  milestone: ['in_progress'],
  complete: ['in_progress'],
  photo: ['accepted', 'in_progress', 'completed'],
};

export const canTake = (step: Step, status: ProposalStatus): boolean => allowedFrom[step].includes(status);

/** Where a step leads; steps that do not change the status are absent. */
export function nextStatus(step: Step, decision?: Answer['decision']): ProposalStatus | null {
  switch (step) {
    case 'withdraw': return 'withdrawn';
    case 'review': return 'under_review';
    case 'answer': return decision ?? null;
    case 'start': return 'in_progress';
    case 'complete': return 'completed';
    default: return null;
  }
}

export function explainRefusal(step: Step, status: ProposalStatus): string {
  const now = status.replace('_', ' ');
  if (step === 'back') {
    return status === 'withdrawn'
      ? 'This proposal was withdrawn by its author; it can no longer be backed.'
      : `This proposal is ${now}; backing is only possible while it is open.`;
  }
  const need = allowedFrom[step].map((s) => s.replace('_', ' ')).join(' or ');
  return `This proposal is ${now}; that step needs it to be ${need}.`;
}

/** Staff of the proposal's community and committee members of its estates answer, moderate and track work. */
export const isModerator = (m: Member, communityId: string): boolean =>
  isStaffOf(m, communityId) || m.committeeOf.some((estateId) => communityOfId(estateId) === communityId);

export const mayParticipate = (m: Member, communityId: string): boolean => isResidentOf(m, communityId);

const DAY_MS = 86_400_000;
export const noticeEnd = (answeredAt: string, days: number): string =>
  new Date(Date.parse(answeredAt) + days * DAY_MS).toISOString();

/** An answer is final once its notice period is over and every objection has a response. */
export const isFinal = (noticeEndsAt: string, openObjections: number, now: string): boolean =>
  now >= noticeEndsAt && openObjections === 0;

export const inNoticePeriod = (noticeEndsAt: string, now: string): boolean => now < noticeEndsAt;

/** In progress with no update for this long shows up as stalled on the committee dashboard. */
export const STALLED_AFTER_DAYS = 30;
export const isStalled = (status: ProposalStatus, updatedAt: string, now: string): boolean =>
  status === 'in_progress' && Date.parse(now) - Date.parse(updatedAt) >= STALLED_AFTER_DAYS * DAY_MS;
