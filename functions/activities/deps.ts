import type { CommunityRepository } from '../community/repository.js';
import type { Notify } from '../notifications/outbox.js';
import type { Clock } from '../shared/clock.js';
import type { ActivityRepository } from './repository.js';

export interface ActivityDeps {
  activities: ActivityRepository;
  community: CommunityRepository;
  clock: Clock;
  newId: () => string;
  /** Writes the notifications a change causes, after it (DESIGN rule 9). */
  notify: Notify;
}
