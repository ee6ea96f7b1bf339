import type { CommunityRepository } from '../community/repository.js';
import type { Clock } from '../shared/clock.js';
import type { ProposalRepository } from './repository.js';

/** What proposal use cases need from the outside world; handler.ts wires the real ones. */
export interface ProposalDeps {
  proposals: ProposalRepository;
  community: CommunityRepository;
  clock: Clock;
  newId: () => string;
  defaultCommunity: string;
}
