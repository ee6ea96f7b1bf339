import type { CommunityRepository } from '../community/repository.js';
import type { Clock } from '../shared/clock.js';
import type { BallotRepository } from './repository.js';
import type { RollRepository } from './roll-repository.js';

export interface BallotDeps {
  ballots: BallotRepository;
  rolls: RollRepository;
  community: CommunityRepository;
  clock: Clock;
  newId: () => string;
  /** Unguessable codes: receipts (10 characters) and per-ballot head keys. */
  randomCode: (length: number) => string;
  /** The community this deployment serves (estates are looked up in it). */
  communityId: string;
}
