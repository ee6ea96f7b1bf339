import type { CommunityRepository } from '../community/repository.js';
import type { Clock } from '../shared/clock.js';
import type { ActivityRepository } from './repository.js';

export interface ActivityDeps {
  activities: ActivityRepository;
  community: CommunityRepository;
  clock: Clock;
  newId: () => string;
}
