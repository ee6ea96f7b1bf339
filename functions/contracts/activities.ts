/** Pocket-park spaces, their activities and bookings. */
import { z } from 'zod';
import { Cursor, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';

export const Space = z.object({
  id: Slug, name: z.string(), nameEn: z.string(), description: z.string(), descriptionEn: z.string(),
  /** Local opening hours in Asia/Shanghai, `HH:MM-HH:MM`. */
  openingHours: z.string(), capacity: z.number().int(), accessibility: z.string(), accessibilityEn: z.string(),
});
export type Space = z.infer<typeof Space>;
export const SpaceList = z.object({ items: z.array(Space) });
/** Public reads of spaces and their calendars name the community (required: there is no default). */
export const CommunityOnlyQuery = z.strictObject({ community: Slug });

export const Audience = z.enum(['elderly', 'children', 'all']);
export type Audience = z.infer<typeof Audience>;

/** Priority seats need an audience group, fit in the capacity, and (for one activity) a release time no later than the start. */
function priorityProblems(a: { prioritySeats?: number; capacity: number; audience?: string }, ctx: z.RefinementCtx, releaseOk: boolean | null): void {
  const seats = a.prioritySeats ?? 0;
  if (seats === 0) return;
  if (seats > a.capacity) ctx.addIssue({ code: 'custom', path: ['prioritySeats'], message: 'must not exceed the capacity' });
  if ((a.audience ?? 'all') === 'all') ctx.addIssue({ code: 'custom', path: ['prioritySeats'], message: 'priority seats need an audience group (elderly or children)' });
  if (releaseOk === null) ctx.addIssue({ code: 'custom', path: ['priorityUntil'], message: 'say until when the priority seats are held back' });
  else if (!releaseOk) ctx.addIssue({ code: 'custom', path: ['priorityUntil'], message: 'must not be after the activity starts' });
}

/** Staff or committee of several communities say which one; otherwise it is the only one they organise in. */
const OrganiserCommunity = Slug.optional();

export const CreateActivityBody = z.strictObject({
  community: OrganiserCommunity,
  spaceId: Slug,
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).optional(),
  host: z.string().trim().min(1).max(120).optional(),
  audience: Audience.default('all'),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: z.number().int().min(1).max(500),
  bookingOpensAt: Timestamp.optional(),
  bookingClosesAt: Timestamp.optional(),
  maxSeatsPerBooking: z.number().int().min(1).max(10).default(1),
  /** Seats held back for the audience group (residents 65+, or families with a child of 12 or under)… */
  prioritySeats: z.number().int().min(0).max(500).default(0),
  /** …until this moment; afterwards they open to everyone. Required with priority seats; at most the start. */
  priorityUntil: Timestamp.optional(),
}).refine((a) => a.endsAt > a.startsAt, { path: ['endsAt'], message: 'must be after startsAt' })
  .refine((a) => !a.bookingOpensAt || !a.bookingClosesAt || a.bookingClosesAt > a.bookingOpensAt,
    { path: ['bookingClosesAt'], message: 'must be after bookingOpensAt' })
  .superRefine((a, ctx) => priorityProblems(a, ctx, a.priorityUntil === undefined ? null : a.priorityUntil <= a.startsAt));
export type CreateActivityBody = z.input<typeof CreateActivityBody>;

const Person = z.object({ id: UserId, name: z.string() });

export const ActivitySummary = z.object({
  id: Ulid, communityId: Slug, spaceId: Slug, title: z.string(), host: z.string().nullable(), audience: Audience,
  startsAt: Timestamp, endsAt: Timestamp, capacity: z.number().int(),
  /** Seats taken by confirmed bookings. */
  confirmedCount: z.number().int().min(0),
  /** Bookings waiting for a seat. */
  waitlistCount: z.number().int().min(0),
  seatsLeft: z.number().int().min(0),
  status: z.enum(['scheduled', 'cancelled']),
  /** Why staff cancelled it for everyone (e.g. the weather); every booked resident sees it. */
  cancelReason: z.string().nullable(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const Activity = ActivitySummary.extend({
  description: z.string(),
  bookingOpensAt: Timestamp.nullable(),
  bookingClosesAt: Timestamp.nullable(),
  maxSeatsPerBooking: z.number().int(),
  /** Seats held back for the audience group until `priorityUntil` (0 = none). */
  prioritySeats: z.number().int().min(0),
  priorityUntil: Timestamp.nullable(),
  /** Priority seats still free now; 0 once they are released to everyone. */
  prioritySeatsLeft: z.number().int().min(0),
  /** The weekly series this occurrence belongs to, if any. */
  seriesId: Ulid.nullable(),
  createdBy: Person,
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;

export const ListActivitiesQuery = z.strictObject({
  community: Slug,
  spaceId: Slug.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuery>;
export const ActivityPage = z.object({ items: z.array(ActivitySummary), cursor: Cursor.nullable() });
export type ActivityPage = z.infer<typeof ActivityPage>;

export const BookBody = z.strictObject({
  seats: z.number().int().min(1).max(10).default(1),
  /** Staff only: book for a resident without a phone, with the evidence (e.g. "phoned, 3 Dec"). */
  onBehalfOf: z.strictObject({ userId: UserId, evidence: z.string().trim().min(3).max(300) }).optional(),
});
export const Booking = z.object({
  activityId: Ulid,
  status: z.enum(['confirmed', 'waitlisted']),
  seats: z.number().int().min(1),
  /** 1 = next in line; null once confirmed. */
  position: z.number().int().min(1).nullable(),
  bookedAt: Timestamp,
  /** Set when staff booked for the resident. */
  enteredBy: Person.nullable(),
  evidence: z.string().nullable(),
  attendance: z.enum(['present', 'no_show']).nullable(),
  /** True when the confirmed seats are priority seats held for the activity's audience group. */
  priority: z.boolean(),
});
export type Booking = z.infer<typeof Booking>;
export const CancelledBooking = z.object({ activityId: Ulid, cancelled: z.literal(true), promoted: z.number().int().min(0) });
export const MyBookings = z.object({ items: z.array(z.object({ activity: ActivitySummary, booking: Booking })) });
export type MyBookings = z.infer<typeof MyBookings>;

export const CancelActivityBody = z.strictObject({ reason: z.string().trim().min(3).max(300) });
export const AttendanceParams = z.strictObject({ id: Ulid, userId: UserId });
export const AttendanceBody = z.strictObject({ present: z.boolean() });
export const AttendanceList = z.object({
  activityId: Ulid,
  items: z.array(z.object({ person: Person, booking: Booking })),
});

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
/** A weekly series: every chosen weekday (1 = Monday … 7 = Sunday) at the same local time until a date. */
export const CreateSeriesBody = z.strictObject({
  community: OrganiserCommunity,
  spaceId: Slug,
  title: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).optional(),
  host: z.string().trim().min(1).max(120).optional(),
  audience: Audience.default('all'),
  capacity: z.number().int().min(1).max(500),
  maxSeatsPerBooking: z.number().int().min(1).max(10).default(1),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  startTime: HHMM,
  endTime: HHMM,
  from: z.iso.date(),
  until: z.iso.date(),
  prioritySeats: z.number().int().min(0).max(500).default(0),
  /** Each occurrence holds its priority seats back until this many hours before it starts. */
  priorityReleaseHoursBefore: z.number().int().min(0).max(720).optional(),
}).refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: 'must be after startTime' })
  .refine((s) => s.until >= s.from, { path: ['until'], message: 'must not be before from' })
  .superRefine((s, ctx) => priorityProblems(s, ctx, s.priorityReleaseHoursBefore === undefined ? null : true));
export type CreateSeriesBody = z.input<typeof CreateSeriesBody>;
export const SeriesResult = z.object({
  seriesId: Ulid,
  created: z.array(ActivitySummary),
  /** Dates left out because the space was taken then (or outside opening hours), with the reason. */
  skipped: z.array(z.object({ date: z.iso.date(), reason: z.string() })),
});

export const MoveActivityBody = z.strictObject({ startsAt: Timestamp, endsAt: Timestamp })
  .refine((m) => m.endsAt > m.startsAt, { path: ['endsAt'], message: 'must be after startsAt' });

/** A personal calendar feed: a secret link that calendar apps can subscribe to; rotating it revokes the old one. */
export const CalendarFeed = z.object({ url: z.string(), token: z.string() });
export const FeedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/) });
export const SpaceParams = z.strictObject({ id: Slug });
/** RFC 5545 text (text/calendar). */
export const ICalendar = z.string().startsWith('BEGIN:VCALENDAR');
export const Revoked = z.object({ revoked: z.literal(true) });
