import type { ActivityPage, ListActivitiesQuery } from '../contracts/activities.js';
import type { ActivityDeps } from './deps.js';

const DAY_MS = 86_400_000;

/** Soonest first; without a range, from now to four weeks ahead. */
export function listActivities(deps: ActivityDeps, q: ListActivitiesQuery): Promise<ActivityPage> {
  const from = q.from ?? deps.clock();
  const to = q.to ?? new Date(Date.parse(from) + 28 * DAY_MS).toISOString();
  return deps.activities.list({ communityId: q.community, spaceId: q.spaceId, from, to, limit: q.limit, cursor: q.cursor });
}
