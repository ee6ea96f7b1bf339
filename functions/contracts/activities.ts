/** Pocket-park spaces, their activities and bookings. */
import * as z from 'zod/mini';
import { Cursor, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';
import { lazy } from './lazy.js';

export const Space = lazy(() => z.object({
  id: Slug, name: z.string(), nameEn: z.string(), description: z.string(), descriptionEn: z.string(),
  /** Local opening hours in Asia/Shanghai, `HH:MM-HH:MM`. */
  openingHours: z.string(), capacity: z.int(), accessibility: z.string(), accessibilityEn: z.string(),
}));
export type Space = z.infer<typeof Space>;
export const SpaceList = lazy(() => z.object({ items: z.array(Space) }));
/** Public reads of spaces and their calendars name the community (required: there is no default). */
export const CommunityOnlyQuery = lazy(() => z.strictObject({ community: Slug }));

export const Audience = lazy(() => z.enum(['elderly', 'children', 'all']));
export type Audience = z.infer<typeof Audience>;

/** Priority seats need an audience group, fit in the capacity, and (for one activity) a release time no later than the start. */
function priorityProblems(a: { prioritySeats?: number; capacity: number; audience?: string }, ctx: z.core.$RefinementCtx, releaseOk: boolean | null): void {
  const seats = a.prioritySeats ?? 0;
  if (seats === 0) return;
  if (seats > a.capacity) ctx.addIssue({ code: 'custom', path: ['prioritySeats'], message: 'must not exceed the capacity' });
  if ((a.audience ?? 'all') === 'all') ctx.addIssue({ code: 'custom', path: ['prioritySeats'], message: 'priority seats need an audience group (elderly or children)' });
  if (releaseOk === null) ctx.addIssue({ code: 'custom', path: ['priorityUntil'], message: 'say until when the priority seats are held back' });
  else if (!releaseOk) ctx.addIssue({ code: 'custom', path: ['priorityUntil'], message: 'must not be after the activity starts' });
}

/** Staff or committee of several communities say which one; otherwise it is the only one they organise in. */
const OrganiserCommunity = lazy(() => z.optional(Slug));

export const CreateActivityBody = lazy(() => z.strictObject({
  community: OrganiserCommunity,
  spaceId: Slug,
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  host: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  audience: z._default(Audience, 'all'),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: z.int().check(z.gte(1), z.lte(500)),
  bookingOpensAt: z.optional(Timestamp),
  bookingClosesAt: z.optional(Timestamp),
  maxSeatsPerBooking: z._default(z.int().check(z.gte(1), z.lte(10)), 1),
  /** Seats held back for the audience group (residents 65+, or families with a child of 12 or under)… */
  prioritySeats: z._default(z.int().check(z.gte(0), z.lte(500)), 0),
  /** …until this moment; afterwards they open to everyone. Required with priority seats; at most the start. */
  priorityUntil: z.optional(Timestamp),
}).check(z.refine((a) => a.endsAt > a.startsAt, { path: ['endsAt'], message: 'must be after startsAt' }), z.refine((a) => !a.bookingOpensAt || !a.bookingClosesAt || a.bookingClosesAt > a.bookingOpensAt, { path: ['bookingClosesAt'], message: 'must be after bookingOpensAt' }), z.superRefine((a, ctx) => priorityProblems(a, ctx, a.priorityUntil === undefined ? null : a.priorityUntil <= a.startsAt))));
export type CreateActivityBody = z.input<typeof CreateActivityBody>;

const Person = lazy(() => z.object({ id: UserId, name: z.string() }));

export const ActivitySummary = lazy(() => z.object({
  id: Ulid, communityId: Slug, spaceId: Slug, title: z.string(), host: z.nullable(z.string()), audience: Audience,
  startsAt: Timestamp, endsAt: Timestamp, capacity: z.int(),
  /** Seats taken by confirmed bookings. */
  confirmedCount: z.int().check(z.gte(0)),
  /** Bookings waiting for a seat. */
  waitlistCount: z.int().check(z.gte(0)),
  seatsLeft: z.int().check(z.gte(0)),
  status: z.enum(['scheduled', 'cancelled']),
  /** Why staff cancelled it for everyone (e.g. the weather); every booked resident sees it. */
  cancelReason: z.nullable(z.string()),
}));
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const Activity = lazy(() => z.extend(ActivitySummary, {
  description: z.string(),
  bookingOpensAt: z.nullable(Timestamp),
  bookingClosesAt: z.nullable(Timestamp),
  maxSeatsPerBooking: z.int(),
  /** Seats held back for the audience group until `priorityUntil` (0 = none). */
  prioritySeats: z.int().check(z.gte(0)),
  priorityUntil: z.nullable(Timestamp),
  /** Priority seats still free now; 0 once they are released to everyone. */
  prioritySeatsLeft: z.int().check(z.gte(0)),
  /** The weekly series this occurrence belongs to, if any. */
  seriesId: z.nullable(Ulid),
  createdBy: Person,
  createdAt: Timestamp,
}));
export type Activity = z.infer<typeof Activity>;

export const ListActivitiesQuery = lazy(() => z.strictObject({
  community: Slug,
  spaceId: z.optional(Slug),
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
  limit: PageLimit,
  cursor: z.optional(Cursor),
}));
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuery>;
export const ActivityPage = lazy(() => z.object({ items: z.array(ActivitySummary), cursor: z.nullable(Cursor) }));
export type ActivityPage = z.infer<typeof ActivityPage>;

export const BookBody = lazy(() => z.strictObject({
  seats: z._default(z.int().check(z.gte(1), z.lte(10)), 1),
  /** Staff only: book for a resident without a phone, with the evidence (e.g. "phoned, 3 Dec"). */
  onBehalfOf: z.optional(z.strictObject({ userId: UserId, evidence: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)) })),
}));
export const Booking = lazy(() => z.object({
  activityId: Ulid,
  status: z.enum(['confirmed', 'waitlisted']),
  seats: z.int().check(z.gte(1)),
  /** 1 = next in line; null once confirmed. */
  position: z.nullable(z.int().check(z.gte(1))),
  bookedAt: Timestamp,
  /** Set when staff booked for the resident. */
  enteredBy: z.nullable(Person),
  evidence: z.nullable(z.string()),
  attendance: z.nullable(z.enum(['present', 'no_show'])),
  /** True when the confirmed seats are priority seats held for the activity's audience group. */
  priority: z.boolean(),
}));
export type Booking = z.infer<typeof Booking>;
export const CancelledBooking = lazy(() => z.object({ activityId: Ulid, cancelled: z.literal(true), promoted: z.int().check(z.gte(0)) }));
export const MyBookings = lazy(() => z.object({ items: z.array(z.object({ activity: ActivitySummary, booking: Booking })) }));
export type MyBookings = z.infer<typeof MyBookings>;

export const CancelActivityBody = lazy(() => z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)) }));
export const AttendanceParams = lazy(() => z.strictObject({ id: Ulid, userId: UserId }));
export const AttendanceBody = lazy(() => z.strictObject({ present: z.boolean() }));
export const AttendanceList = lazy(() => z.object({
  activityId: Ulid,
  items: z.array(z.object({ person: Person, booking: Booking })),
}));

const HHMM = lazy(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')));
/** A weekly series: every chosen weekday (1 = Monday … 7 = Sunday) at the same local time until a date. */
export const CreateSeriesBody = lazy(() => z.strictObject({
  community: OrganiserCommunity,
  spaceId: Slug,
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  host: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  audience: z._default(Audience, 'all'),
  capacity: z.int().check(z.gte(1), z.lte(500)),
  maxSeatsPerBooking: z._default(z.int().check(z.gte(1), z.lte(10)), 1),
  weekdays: z.array(z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7)),
  startTime: HHMM,
  endTime: HHMM,
  from: z.iso.date(),
  until: z.iso.date(),
  prioritySeats: z._default(z.int().check(z.gte(0), z.lte(500)), 0),
  /** Each occurrence holds its priority seats back until this many hours before it starts. */
  priorityReleaseHoursBefore: z.optional(z.int().check(z.gte(0), z.lte(720))),
}).check(z.refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: 'must be after startTime' }), z.refine((s) => s.until >= s.from, { path: ['until'], message: 'must not be before from' }), z.superRefine((s, ctx) => priorityProblems(s, ctx, s.priorityReleaseHoursBefore === undefined ? null : true))));
export type CreateSeriesBody = z.input<typeof CreateSeriesBody>;
export const SeriesResult = lazy(() => z.object({
  seriesId: Ulid,
  created: z.array(ActivitySummary),
  /** Dates left out because the space was taken then (or outside opening hours), with the reason. */
  skipped: z.array(z.object({ date: z.iso.date(), reason: z.string() })),
}));

export const MoveActivityBody = lazy(() => z.strictObject({ startsAt: Timestamp, endsAt: Timestamp }).check(z.refine((m) => m.endsAt > m.startsAt, { path: ['endsAt'], message: 'must be after startsAt' })));

/** A personal calendar feed: a secret link that calendar apps can subscribe to; rotating it revokes the old one. */
export const CalendarFeed = lazy(() => z.object({ url: z.string(), token: z.string() }));
export const FeedParams = lazy(() => z.strictObject({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{32,64}$/)) }));
export const SpaceParams = lazy(() => z.strictObject({ id: Slug }));
/** RFC 5545 text (text/calendar). */
export const ICalendar = lazy(() => z.string().check(z.startsWith('BEGIN:VCALENDAR')));
export const Revoked = lazy(() => z.object({ revoked: z.literal(true) }));
