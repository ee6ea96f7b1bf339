import type { Activity, CreateActivityBody, Space } from '../contracts/activities.js';
import { Space as SpaceSchema } from '../contracts/activities.js';
import type { Member } from '../community/rules.js';
import { BadRequestError, ConflictError, ForbiddenError } from '../shared/errors.js';
import type { ActivityDeps } from './deps.js';
import { localDay, mayOrganise, organisedCommunities, overlaps, withinOpeningHours, type Interval } from './rules.js';

export type ActivityFields = Omit<CreateActivityBody, 'audience' | 'maxSeatsPerBooking' | 'prioritySeats'>
  & Required<Pick<CreateActivityBody, 'audience' | 'maxSeatsPerBooking' | 'prioritySeats'>>;
const bad = (path: string, message: string) => new BadRequestError(message, [{ path: `body.${path}`, code: 'invalid', message }]);

export async function listSpaces(deps: ActivityDeps, communityId: string): Promise<{ items: Space[] }> {
  const rows = await deps.community.listSpaces(communityId);
  return { items: rows.map((r) => SpaceSchema.parse(r)) };
}

/**
 * The community an organiser schedules in: the one named (which they must organise in), else the
 * only one they organise in; someone organising in several must name it.
 */
export function organiserCommunity(member: Member, named: string | undefined): string {
  const mine = organisedCommunities(member);
  const communityId = named ?? (mine.length === 1 ? mine[0] : undefined);
  if (mine.length === 0 || (named !== undefined && !mayOrganise(member, named))) {
    throw new ForbiddenError('Only the committee or community staff can schedule activities.');
  }
  if (communityId === undefined) {
    throw new BadRequestError(`You organise activities in several communities (${mine.join(', ')}); say which one.`,
      [{ path: 'body.community', code: 'required', message: 'name the community' }], 'community_required');
  }
  return communityId;
}

/** The caller, who must organise, and the space, which must be in the community they schedule in. */
export async function organiserAndSpace(deps: ActivityDeps, callerId: string, spaceId: string, community?: string): Promise<{ member: Member; communityId: string; space: Space }> {
  const member = await deps.community.getMember(callerId);
  const communityId = organiserCommunity(member, community);
  const space = (await listSpaces(deps, communityId)).items.find((s) => s.id === spaceId);
  if (!space) throw bad('spaceId', 'There is no such space in this community.');
  return { member, communityId, space };
}

/** Checks a time against the space's hours and the clock; the reason, or null when it is fine. */
export function timeProblem(space: Space, when: Interval, now: string): string | null {
  if (!withinOpeningHours(when, space.openingHours)) return `must be within one day's opening hours (${space.openingHours}, Beijing time)`;
  if (when.start <= now) return 'must be in the future';
  return null;
}

/**
 * Takes the space for an interval: the space's day item is read, checked for overlaps and written
 * back only if no one changed it meanwhile (its version), so two activities created at the same
 * moment cannot both take overlapping slots; the loser re-reads and sees the overlap.
 */
export async function claimSpace(deps: ActivityDeps, communityId: string, space: Space, id: string, when: Interval): Promise<void> {
  const day = localDay(when.start);
  for (let attempt = 0; attempt < 8; attempt++) {
    const { slots, version } = await deps.activities.daySlots(communityId, space.id, day);
    const clash = Object.entries(slots).find(([other, slot]) => {
      const [start, end] = slot.split('|');
      return other !== id && overlaps(when, { start: start!, end: end! });
    });
    if (clash) throw new ConflictError(`${space.name} is already booked from ${clash[1].replace('|', ' to ')}.`, 'overlap');
    if (await deps.activities.claimSlot(communityId, space.id, day, version, id, `${when.start}|${when.end}`)) return;
  }
  throw new ConflictError('The space\'s schedule is changing fast; please try again.', 'busy');
}

/** Places one activity (a single one or an occurrence of a series) after its checks. */
export async function place(deps: ActivityDeps, org: { member: Member; communityId: string; space: Space }, body: ActivityFields, seriesId: string | null): Promise<Activity> {
  const { member, communityId, space } = org;
  if (body.capacity > space.capacity) throw bad('capacity', `${space.name} holds at most ${space.capacity} people.`);
  if (body.maxSeatsPerBooking > body.capacity) throw bad('maxSeatsPerBooking', 'must not exceed the capacity');
  const when = { start: body.startsAt, end: body.endsAt };
  const now = deps.clock();
  const problem = timeProblem(space, when, now);
  if (problem) throw bad('startsAt', problem);
  if (body.prioritySeats > 0 && (!body.priorityUntil || body.priorityUntil <= now)) throw bad('priorityUntil', 'must be in the future');
  const id = deps.newId();
  await claimSpace(deps, communityId, space, id, when);
  const activity: Activity = {
    id, communityId, spaceId: space.id, title: body.title, host: body.host ?? null, audience: body.audience,
    startsAt: body.startsAt, endsAt: body.endsAt, capacity: body.capacity, confirmedCount: 0, waitlistCount: 0,
    seatsLeft: body.capacity, status: 'scheduled', cancelReason: null, description: body.description ?? '',
    bookingOpensAt: body.bookingOpensAt ?? null, bookingClosesAt: body.bookingClosesAt ?? null,
    maxSeatsPerBooking: body.maxSeatsPerBooking, seriesId, createdBy: { id: member.id, name: member.displayName }, createdAt: now,
    prioritySeats: body.prioritySeats, priorityUntil: body.prioritySeats > 0 ? body.priorityUntil ?? null : null,
    prioritySeatsLeft: body.prioritySeats > 0 && body.priorityUntil && now < body.priorityUntil ? body.prioritySeats : 0,
  };
  await deps.activities.create(activity);
  return activity;
}

export async function scheduleActivity(deps: ActivityDeps, callerId: string, body: ActivityFields): Promise<Activity> {
  return place(deps, await organiserAndSpace(deps, callerId, body.spaceId, body.community), body, null);
}
