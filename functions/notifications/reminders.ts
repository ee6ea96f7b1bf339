/**
 * Reminders come from a schedule, not from someone opening a page: once a day (EventBridge
 * Scheduler, 09:00 Beijing time; locally `POST /api/dev/notifier {"reminders":true}`), for what
 * happens tomorrow (Beijing date): every confirmed booking of an activity; every representative of a
 * unit that has not voted in a ballot that closes; the author and backers of a proposal whose answer's
 * notice period ends. Each key names the thing and its time, so a second run that day writes nothing,
 * and an activity moved to another day reminds again. The same run repairs activities' notices (below).
 */
import { cancelNotices, promotionNotice } from '../activities/notices.js';
import type { ActivityRepository } from '../activities/repository.js';
import type { BallotRepository } from '../ballots/repository.js';
import type { CommunityRepository } from '../community/repository.js';
import type { RegistryRepository } from '../community/registry-repository.js';
import type { ProposalRepository } from '../proposals/repository.js';
import type { Notify, NotifyEvent } from './outbox.js';
import { beijingDay } from './rules.js';

export interface ReminderDeps {
  registry: Pick<RegistryRepository, 'listCommunities'>;
  community: Pick<CommunityRepository, 'listSpaces'>;
  activities: Pick<ActivityRepository, 'list' | 'get'>;
  ballots: Pick<BallotRepository, 'listBallots' | 'ballotUnits'>;
  proposals: Pick<ProposalRepository, 'list' | 'get' | 'backers'>;
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

/** How far ahead the daily run repairs what activity changes should have told (see below). */
const REPAIR_DAYS = 14;

/**
 * Writes tomorrow's reminders; returns how many notifications it asked for (already written ones
 * included). It also repairs: for the activities of the next REPAIR_DAYS it writes again, from the
 * activity itself, the notices of a cancellation and of each promotion (a promoted booking carries
 * `pr`). When the request that made the change failed after it (a crash, a timeout), those people are
 * told by the next morning; for everyone else the conditional put finds them told and writes nothing.
 */
export async function remind(deps: ReminderDeps, now = deps.clock()): Promise<number> {
  const { from, to } = tomorrow(now);
  const until = new Date(Date.parse(now) + REPAIR_DAYS * DAY).toISOString();
  let asked = 0;
  for (const c of await deps.registry.listCommunities()) {
    const communityId = String(c.id ?? String(c.pk).replace('COMMUNITY#', ''));
    const spaces = new Map((await deps.community.listSpaces(communityId)).map((s) => [String(s.id), String(s.name ?? s.id)]));
    let cursor: string | undefined;
    do {
      const page = await deps.activities.list({ communityId, from: now, to: until, limit: 50, ...(cursor ? { cursor } : {}) });
      for (const summary of page.items) {
        const a = await deps.activities.get(summary.id);
        if (!a) continue;
        const bookings = Object.entries(a.b ?? {});
        const events: NotifyEvent[] = a.status === 'cancelled' ? cancelNotices(a, now)
          : bookings.filter(([, b]) => b.pr === 1 && b.st === 'c').map(([userId, b]) => promotionNotice(a, userId, b.id, now));
        if (a.status === 'scheduled' && within(a.startsAt, from, to)) {
          events.push(...bookings.filter(([, b]) => b.st === 'c').map(([userId]): NotifyEvent => ({
            userId, communityId, kind: 'activity.reminder', key: `reminder#${summary.id}#${summary.startsAt}`,
            params: { title: summary.title, startsAt: summary.startsAt, space: spaces.get(summary.spaceId) ?? summary.spaceId },
            link: `/activities/${summary.id}`, at: now,
          })));
        }
        asked += events.length;
        await deps.notify(events);
      }
      cursor = page.cursor ?? undefined;
    } while (cursor);
    asked += await remindBallots(deps, communityId, from, to, now);
    asked += await remindNotices(deps, communityId, from, to, now);
  }
  return asked;
}

const within = (t: unknown, from: string, to: string) => typeof t === 'string' && t >= from && t <= to;

/** Representatives of units that have not voted, in the community's open ballots closing tomorrow. */
async function remindBallots(deps: ReminderDeps, communityId: string, from: string, to: string, now: string): Promise<number> {
  let asked = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.ballots.listBallots({ communityId }, 50, cursor);
    for (const b of page.items.filter((x) => x.status === 'open' && within(x.closesAt, from, to))) {
      const units = await deps.ballots.ballotUnits(String(b.id), ['representativeId', 'ck'], false);
      const people = [...new Set(units.filter((u) => u.ck === undefined && typeof u.representativeId === 'string').map((u) => String(u.representativeId)))];
      asked += people.length;
      await deps.notify(people.map((userId) => ({
        userId, communityId, kind: 'ballot.closing', key: `closing#${String(b.id)}#${String(b.closesAt)}`,
        params: { title: String(b.title), closesAt: String(b.closesAt) }, link: `/ballots/${String(b.id)}`, at: now,
      })));
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return asked;
}

/** Author and backers of answered proposals whose notice period (objections) ends tomorrow. */
async function remindNotices(deps: ReminderDeps, communityId: string, from: string, to: string, now: string): Promise<number> {
  let asked = 0;
  for (const status of ['accepted', 'rejected'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.proposals.list({ communityId, status, limit: 50, ...(cursor ? { cursor } : {}) });
      for (const summary of page.items) {
        const p = await deps.proposals.get(summary.id);
        if (!p?.answer || !within(p.answer.noticeEndsAt, from, to)) continue;
        const people = [...new Set([p.author.id, ...await deps.proposals.backers(p.id)])];
        asked += people.length;
        await deps.notify(people.map((userId) => ({
          userId, communityId, kind: 'notice.ending', key: `notice#${p.id}#${p.answer!.noticeEndsAt}`,
          params: { title: p.title, endsAt: p.answer!.noticeEndsAt }, link: `/proposals/${p.id}`, at: now,
        })));
      }
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return asked;
}
