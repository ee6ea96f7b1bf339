/** Pure rules for activities and bookings: local days, overlaps, opening hours, waitlist order. No I/O. */
import type { Audience } from '../contracts/activities.js';
import type { Member } from '../community/rules.js';
import { isStaffOf } from '../community/rules.js';
import { communityOfId } from '../contracts/common.js';

/** Asia/Shanghai is UTC+8 all year (no daylight saving), so local time is an exact shift. */
const SHANGHAI_MS = 8 * 3600_000;
export const localDay = (iso: string): string => new Date(Date.parse(iso) + SHANGHAI_MS).toISOString().slice(0, 10);
export const localTime = (iso: string): string => new Date(Date.parse(iso) + SHANGHAI_MS).toISOString().slice(11, 16);

export interface Interval { start: string; end: string }
/** Half-open intervals: one activity may start the minute another ends. */
export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

/** Within `HH:MM-HH:MM` on one local day. */
export function withinOpeningHours(i: Interval, openingHours: string): boolean {
  const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(openingHours);
  if (!m) return true;
  return localDay(i.start) === localDay(i.end) && localTime(i.start) >= m[1]! && localTime(i.end) <= m[2]!;
}

/** Staff of the community and committee members of its estates organise activities. */
export const mayOrganise = (m: Member, communityId: string): boolean =>
  isStaffOf(m, communityId) || m.committeeOf.some((estateId) => communityOfId(estateId) === communityId);

/** Every community the person may organise activities in. */
export const organisedCommunities = (m: Member): string[] =>
  [...new Set([...m.staffOf, ...m.committeeOf.map(communityOfId)])];

/** A booking as stored in the activity's map: short keys keep the item (and each write) small. */
export interface StoredBooking {
  id: string; s: number; st: 'c' | 'w'; t: string;
  /** The resident's name, for the attendance list. */
  n: string;
  /** Staff who booked for the resident, and the evidence. */
  by?: { id: string; name: string }; ev?: string;
  /** Attendance: present or no-show. */
  att?: 'p' | 'n';
  /** 1 when the resident belongs to the activity's audience group (may take a priority seat). */
  e?: 1;
  /** 1 when the confirmed seats are priority seats (counted in `pc`, not `gc`). */
  p?: 1;
  /** 1 when it was promoted from the waitlist: the notice of it can be written again from this (notifications). */
  pr?: 1;
}

/** Waiting bookings in the order they arrived (their ids are time-ordered ULIDs). */
export const waitlist = (bookings: Record<string, StoredBooking>): [string, StoredBooking][] =>
  Object.entries(bookings).filter(([, b]) => b.st === 'w').sort(([, a], [, b]) => a.id.localeCompare(b.id));

export const positionOf = (bookings: Record<string, StoredBooking>, userId: string): number | null => {
  const i = waitlist(bookings).findIndex(([u]) => u === userId);
  return i < 0 ? null : i + 1;
};

/** Who counts as the audience group for priority seats, in the activity's (Beijing) year. */
export const ELDERLY_AGE = 65;
export const CHILD_MAX_AGE = 12;

/** Ages are counted in whole years from the birth year (the roll records no birthday). */
export function inAudience(m: Pick<Member, 'birthYear' | 'childBirthYears'>, audience: Audience, startsAt: string): boolean {
  const year = Number(localDay(startsAt).slice(0, 4));
  if (audience === 'elderly') return m.birthYear !== undefined && year - m.birthYear >= ELDERLY_AGE;
  if (audience === 'children') return (m.childBirthYears ?? []).some((y) => year - y >= 0 && year - y <= CHILD_MAX_AGE);
  return false;
}

/** The seat counters on an activity's item: total confirmed, priority (`pc`) and general (`gc`) seats, waiting bookings (eligible ones in `pw`). */
export interface Seats {
  capacity: number; prioritySeats: number; priorityUntil: string | null;
  confirmed: number; pc: number; gc: number; waiting: number;
}

/** Priority seats are held back for the audience group until their release time; afterwards every seat is general. */
export const reserving = (a: Pick<Seats, 'prioritySeats' | 'priorityUntil'>, now: string): boolean =>
  a.prioritySeats > 0 && a.priorityUntil !== null && now < a.priorityUntil;

/** Free seats in each pool right now (never more than the activity's free seats). */
export function freeSeats(a: Seats, now: string): { general: number; priority: number } {
  const free = a.capacity - a.confirmed;
  if (!reserving(a, now)) return { general: free, priority: 0 };
  return { general: Math.min(free, a.capacity - a.prioritySeats - a.gc), priority: Math.min(free, a.prioritySeats - a.pc) };
}

export type Pool = 'general' | 'priority';

/**
 * The next waiting booking to promote, and into which pool: the first in line that fits. A
 * member of the audience group takes a free priority seat before a general one, so general seats
 * stay for those who can only have those.
 */
export function nextToPromote(bookings: Record<string, StoredBooking>, a: Seats, now: string): { userId: string; booking: StoredBooking; pool: Pool } | null {
  const free = freeSeats(a, now);
  for (const [userId, booking] of waitlist(bookings)) {
    if (booking.e && booking.s <= free.priority) return { userId, booking, pool: 'priority' };
    if (booking.s <= free.general) return { userId, booking, pool: 'general' };
  }
  return null;
}
