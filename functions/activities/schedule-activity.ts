import type { Activity, CreateActivityBody, Space } from '../contracts/activities.js';
import { Space as SpaceSchema } from '../contracts/activities.js';
import { BadRequestError, ConflictError, ForbiddenError } from '../shared/errors.js';
import type { ActivityDeps } from './deps.js';
import { localDay, mayOrganise, overlaps, withinOpeningHours } from './rules.js';

type Body = Omit<CreateActivityBody, 'audience' | 'maxSeatsPerBooking'> & Required<Pick<CreateActivityBody, 'audience' | 'maxSeatsPerBooking'>>;
const bad = (path: string, message: string) => new BadRequestError(message, [{ path: `body.${path}`, code: 'invalid', message }]);

export async function listSpaces(deps: ActivityDeps, communityId?: string): Promise<{ items: Space[] }> {
  const rows = await deps.community.listSpaces(communityId ?? deps.defaultCommunity);
  return { items: rows.map((r) => SpaceSchema.parse(r)) };
}

/**
 * Staff or committee schedule an activity. The space's day item is read, checked for overlaps and
 * written back only if no one changed it meanwhile (its version), so two activities created at the
 * same moment cannot both take overlapping slots; the loser re-reads and sees the overlap.
 */
export async function scheduleActivity(deps: ActivityDeps, callerId: string, body: Body): Promise<Activity> {
  const member = await deps.community.getMember(callerId);
  const communityId = member.communityId ?? deps.defaultCommunity;
  if (!mayOrganise(member, communityId)) throw new ForbiddenError('Only the committee or community staff can schedule activities.');
  const space = (await listSpaces(deps, communityId)).items.find((s) => s.id === body.spaceId);
  if (!space) throw bad('spaceId', 'There is no such space in this community.');
  if (body.capacity > space.capacity) throw bad('capacity', `${space.name} holds at most ${space.capacity} people.`);
  if (body.maxSeatsPerBooking > body.capacity) throw bad('maxSeatsPerBooking', 'must not exceed the capacity');
  const when = { start: body.startsAt, end: body.endsAt };
  if (!withinOpeningHours(when, space.openingHours)) throw bad('startsAt', `must be within one day's opening hours (${space.openingHours}, Beijing time)`);
  const now = deps.clock();
  if (body.startsAt <= now) throw bad('startsAt', 'must be in the future');
  const id = deps.newId();
  const day = localDay(body.startsAt);
  for (let attempt = 0; attempt < 8; attempt++) {
    const { slots, version } = await deps.activities.daySlots(space.id, day);
    const clash = Object.values(slots).find((slot) => { const [start, end] = slot.split('|'); return overlaps(when, { start: start!, end: end! }); });
    if (clash) throw new ConflictError(`${space.name} is already booked from ${clash.replace('|', ' to ')}.`, 'overlap');
    if (await deps.activities.claimSlot(space.id, day, version, id, `${body.startsAt}|${body.endsAt}`)) {
      const activity: Activity = {
        id, communityId, spaceId: space.id, title: body.title, host: body.host ?? null, audience: body.audience,
        startsAt: body.startsAt, endsAt: body.endsAt, capacity: body.capacity, confirmedCount: 0, waitlistCount: 0,
        seatsLeft: body.capacity, status: 'scheduled', cancelReason: null, description: body.description ?? '', bookingOpensAt: body.bookingOpensAt ?? null,
        bookingClosesAt: body.bookingClosesAt ?? null, maxSeatsPerBooking: body.maxSeatsPerBooking,
        createdBy: { id: member.id, name: member.displayName }, createdAt: now,
      };
      await deps.activities.create(activity);
      return activity;
    }
  }
  throw new ConflictError('The space\'s schedule is changing fast; please try again.', 'busy');
}
