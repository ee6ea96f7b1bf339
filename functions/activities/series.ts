/** Weekly series and moving one occurrence: staff and committee planning around the same checks as one activity. */
import type { Activity, CreateSeriesBody } from '../contracts/activities.js';
import { AppError, BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { ActivityDeps } from './deps.js';
import { moveNotices } from './notices.js';
import { toActivity } from './repository.js';
import { localDay, mayOrganise } from './rules.js';
import { claimSpace, listSpaces, organiserAndSpace, place, timeProblem } from './schedule-activity.js';

const MAX_OCCURRENCES = 100;
type Series = CreateSeriesBody & { audience: 'elderly' | 'children' | 'all'; maxSeatsPerBooking: number; prioritySeats: number };

/** Local dates from `from` to `until` that fall on the chosen ISO weekdays (1 = Monday). */
export function seriesDates(from: string, until: string, weekdays: number[]): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${until}T00:00:00Z`); t += 86_400_000) {
    const iso = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    if (weekdays.includes(iso)) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const beijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

export async function scheduleSeries(deps: ActivityDeps, callerId: string, s: Series) {
  const org = await organiserAndSpace(deps, callerId, s.spaceId, s.community);
  const dates = seriesDates(s.from, s.until, s.weekdays);
  if (dates.length === 0) throw new BadRequestError('No date in that range falls on the chosen weekdays.', [{ path: 'body.weekdays', code: 'empty', message: 'no occurrence' }]);
  if (dates.length > MAX_OCCURRENCES) {
    throw new BadRequestError(`A series has at most ${MAX_OCCURRENCES} occurrences; this one would have ${dates.length}.`, [{ path: 'body.until', code: 'too_big', message: 'too many occurrences' }]);
  }
  const seriesId = deps.newId();
  const created: Activity[] = [];
  const skipped: { date: string; reason: string }[] = [];
  for (const date of dates) {
    const startsAt = beijing(date, s.startTime);
    // Each occurrence holds its priority seats until some hours before it; one whose release is already past holds none.
    const priorityUntil = new Date(Date.parse(startsAt) - (s.priorityReleaseHoursBefore ?? 0) * 3_600_000).toISOString();
    const prioritySeats = priorityUntil > deps.clock() ? s.prioritySeats : 0;
    try {
      created.push(await place(deps, org, {
        spaceId: s.spaceId, title: s.title, description: s.description, host: s.host, audience: s.audience, capacity: s.capacity,
        maxSeatsPerBooking: s.maxSeatsPerBooking, startsAt, endsAt: beijing(date, s.endTime),
        prioritySeats, ...(prioritySeats > 0 ? { priorityUntil } : {}),
      }, seriesId));
    } catch (e) {
      if (!(e instanceof AppError) || (e.status !== 409 && e.status !== 400)) throw e;
      skipped.push({ date, reason: e.message });
    }
  }
  return { seriesId, created, skipped };
}

/** Moves one activity; its bookings stay, and the old slot is freed once the new one is held. */
export async function moveActivity(deps: ActivityDeps, callerId: string, id: string, to: { startsAt: string; endsAt: string }): Promise<Activity> {
  const [member, a] = await Promise.all([deps.community.getMember(callerId), deps.activities.get(id)]);
  if (!a) throw new NotFoundError('There is no activity with this id.');
  if (!mayOrganise(member, String(a.communityId))) throw new ForbiddenError('Only the committee or community staff can move activities.');
  if (a.status !== 'scheduled') throw new ConflictError('A cancelled activity cannot be moved.', 'cancelled');
  const space = (await listSpaces(deps, String(a.communityId))).items.find((x) => x.id === a.spaceId)!;
  const when = { start: to.startsAt, end: to.endsAt };
  const problem = timeProblem(space, when, deps.clock());
  if (problem) throw new BadRequestError(problem, [{ path: 'body.startsAt', code: 'invalid', message: problem }]);
  await claimSpace(deps, String(a.communityId), space, id, when);
  // Held-back seats keep the same lead time before the start (never past the new start).
  const priorityUntil = a.priorityUntil
    ? new Date(Math.min(Date.parse(String(a.priorityUntil)) + Date.parse(to.startsAt) - Date.parse(String(a.startsAt)), Date.parse(to.startsAt))).toISOString()
    : undefined;
  const moved = await deps.activities.moveActivity(id, String(a.startsAt), { ...to, ...(priorityUntil ? { priorityUntil } : {}) });
  if (!moved) {
    // Someone moved or cancelled it meanwhile: make the slots say what the activity now says.
    await deps.activities.releaseSlot(String(a.communityId), space.id, localDay(to.startsAt), id);
    const now = await deps.activities.get(id);
    if (now?.status === 'scheduled') await claimSpace(deps, String(a.communityId), space, id, { start: String(now.startsAt), end: String(now.endsAt) });
    throw new ConflictError('The activity changed meanwhile (moved or cancelled); reload it.', 'changed');
  }
  if (localDay(String(a.startsAt)) !== localDay(to.startsAt)) await deps.activities.releaseSlot(String(a.communityId), space.id, localDay(String(a.startsAt)), id);
  await deps.notify(moveNotices(moved, String(a.startsAt), deps.clock()));
  return toActivity(moved, deps.clock());
}
