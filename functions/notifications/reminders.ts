/**
 * Reminders come from a schedule, not from someone opening a page: once a day (EventBridge
 * Scheduler, 09:00 Beijing time; locally `POST /api/dev/notifier {"reminders":true}`) every
 * confirmed booking of an activity that takes place tomorrow (Beijing date) gets one. The key names
 * the activity and its start, so a second run that day writes nothing, and an activity moved to
 * another day reminds again.
 */
import type { ActivityRepository } from '../activities/repository.js';
import type { CommunityRepository } from '../community/repository.js';
import type { RegistryRepository } from '../community/registry-repository.js';
import type { Notify, NotifyEvent } from './outbox.js';
import { beijingDay } from './rules.js';

export interface ReminderDeps {
  registry: Pick<RegistryRepository, 'listCommunities'>;
  community: Pick<CommunityRepository, 'listSpaces'>;
  activities: Pick<ActivityRepository, 'list' | 'get'>;
  notify: Notify;
  clock: () => string;
}

const DAY = 86_400_000;

/** Tomorrow in Beijing, as the UTC instants it begins and ends at. */
function tomorrow(now: string): { from: string; to: string; day: string } {
  const day = beijingDay(Date.parse(now) + DAY);
  const from = new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
  return { from, to: new Date(Date.parse(from) + DAY - 1).toISOString(), day };
}

/** Writes tomorrow's reminders; returns how many notifications it asked for (already written ones included). */
export async function remind(deps: ReminderDeps, now = deps.clock()): Promise<number> {
  const { from, to } = tomorrow(now);
  let asked = 0;
  for (const c of await deps.registry.listCommunities()) {
    const communityId = String(c.id ?? String(c.pk).replace('COMMUNITY#', ''));
    const spaces = new Map((await deps.community.listSpaces(communityId)).map((s) => [String(s.id), String(s.name ?? s.id)]));
    let cursor: string | undefined;
    do {
      const page = await deps.activities.list({ communityId, from, to, limit: 50, ...(cursor ? { cursor } : {}) });
      for (const summary of page.items.filter((a) => a.status === 'scheduled')) {
        const a = await deps.activities.get(summary.id);
        if (!a || a.status !== 'scheduled') continue;
        const events: NotifyEvent[] = Object.entries(a.b ?? {}).filter(([, b]) => b.st === 'c').map(([userId]) => ({
          userId, communityId, kind: 'activity.reminder', key: `reminder#${summary.id}#${summary.startsAt}`,
          params: { title: summary.title, startsAt: summary.startsAt, space: spaces.get(summary.spaceId) ?? summary.spaceId },
          link: `/activities/${summary.id}`, at: now,
        }));
        asked += events.length;
        await deps.notify(events);
      }
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return asked;
}
