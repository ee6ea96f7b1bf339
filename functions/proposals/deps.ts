import type { CommunityRepository } from '../community/repository.js';
import type { Notify } from '../notifications/outbox.js';
import type { Clock } from '../shared/clock.js';
import type { WriteLimits } from '../shared/write-limits.js';
import type { CommentRepository } from './comment-repository.js';
import type { LifecycleRepository } from './lifecycle-repository.js';
import type { ProposalRepository } from './repository.js';
import type { SupportLimitRepository } from './support-limit-repository.js';

/** What proposal use cases need from the outside world; handler.ts wires the real ones. */
export interface ProposalDeps {
  proposals: ProposalRepository;
  lifecycle: LifecycleRepository;
  comments: CommentRepository;
  supportLimits: SupportLimitRepository;
  community: CommunityRepository;
  /** Per-person daily limits on proposals, comments, reports and objections. */
  writeLimits: WriteLimits;
  clock: Clock;
  newId: () => string;
  /** Writes the notifications a change causes, after it (DESIGN rule 9). */
  notify: Notify;
}
