/** Pure rules for activities and bookings: local days, overlaps, opening hours, waitlist order. No I/O. */
import type { Member } from '../community/rules.js';
import { isStaffOf } from '../community/rules.js';

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

/** Committee members and staff of the community organise activities. */
export const mayOrganise = (m: Member, communityId: string): boolean =>
  m.communityId === communityId && (m.committeeOf.length > 0 || isStaffOf(m, communityId));

/** A booking as stored in the activity's map: short keys keep the item (and each write) small. */
export interface StoredBooking {
  id: string; s: number; st: 'c' | 'w'; t: string;
  /** The resident's name, for the attendance list. */
  n: string;
  /** Staff who booked for the resident, and the evidence. */
  by?: { id: string; name: string }; ev?: string;
  /** Attendance: present or no-show. */
  att?: 'p' | 'n';
}

/** Waiting bookings in the order they arrived (their ids are time-ordered ULIDs). */
export const waitlist = (bookings: Record<string, StoredBooking>): [string, StoredBooking][] =>
  Object.entries(bookings).filter(([, b]) => b.st === 'w').sort(([, a], [, b]) => a.id.localeCompare(b.id));

export const positionOf = (bookings: Record<string, StoredBooking>, userId: string): number | null => {
  const i = waitlist(bookings).findIndex(([u]) => u === userId);
  return i < 0 ? null : i + 1;
};

/** The first waiting booking that fits the free seats: the one to promote next. */
export function nextToPromote(bookings: Record<string, StoredBooking>, free: number): [string, StoredBooking] | null {
  return waitlist(bookings).find(([, b]) => b.s <= free) ?? null;
}
