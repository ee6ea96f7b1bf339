/**
 * Who is told how, and when: the preference defaults, quiet hours and the daily digest. Pure.
 * Beijing time is UTC+8 all year, so its 08:00 is 00:00 UTC and its 21:00 is 13:00 UTC.
 */
import {
  notificationKinds, type Channel, type KindPreference, type NotificationKind, type NotificationSettings,
} from '../contracts/notifications.js';

/** What cannot wait (a seat, a cancellation, a reminder, a vote closing) comes at once and by SMS when there is a number. */
const urgent: ReadonlySet<NotificationKind> = new Set(['booking.promoted', 'activity.cancelled', 'activity.moved', 'activity.reminder', 'ballot.closing']);

export const defaultPreference = (kind: NotificationKind): KindPreference =>
  urgent.has(kind) ? { sms: true, email: true, timing: 'immediate' } : { sms: false, email: true, timing: 'daily' };

export interface StoredSettings {
  language: 'zh' | 'en';
  phone: string | null;
  email: string | null;
  smsAtNight: boolean;
  kinds: Partial<Record<NotificationKind, KindPreference>>;
  /** Set by a one-tap unsubscribe: that channel sends nothing until the person turns it on again. */
  off?: Partial<Record<Channel, string>>;
  updatedAt: string | null;
}

export const unsavedSettings: StoredSettings = { language: 'zh', phone: null, email: null, smsAtNight: false, kinds: {}, updatedAt: null };

export const preferenceOf = (s: StoredSettings, kind: NotificationKind): KindPreference => s.kinds[kind] ?? defaultPreference(kind);

/** The channels that reach this person for this kind: wanted, with an address, not unsubscribed. */
export function channelsFor(s: StoredSettings, kind: NotificationKind): Channel[] {
  const p = preferenceOf(s, kind);
  const out: Channel[] = [];
  if (p.sms && s.phone && !s.off?.sms) out.push('sms');
  if (p.email && s.email && !s.off?.email) out.push('email');
  return out;
}

/**
 * Told by the grid member instead: someone staff registered without an account (id `p-…`), who never
 * opens the app, or anyone who saved settings under which no SMS or email reaches them for this kind.
 * Someone who never saved settings reads the inbox in the app.
 */
export const viaGridMember = (userId: string, s: StoredSettings, kind: NotificationKind): boolean =>
  channelsFor(s, kind).length === 0 && (userId.startsWith('p-') || s.updatedAt !== null);

export const settingsView = (userId: string, s: StoredSettings): NotificationSettings => ({
  language: s.language, phone: s.phone, email: s.email, smsAtNight: s.smsAtNight,
  kinds: Object.fromEntries(notificationKinds.map((k) => [k, preferenceOf(s, k)])) as NotificationSettings['kinds'],
  viaGridMember: notificationKinds.every((k) => viaGridMember(userId, s, k)),
  updatedAt: s.updatedAt,
});

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The next 08:00 Beijing time (00:00 UTC) strictly after `t`. */
export const nextMorning = (t: string): string => new Date((Math.floor(Date.parse(t) / DAY) + 1) * DAY).toISOString();

/** 21:00–08:00 Beijing time. */
export const inQuietHours = (t: string): boolean => new Date(t).getUTCHours() >= 13;

/** The Beijing date of an instant, YYYY-MM-DD. */
export const beijingDay = (t: string | number): string => new Date((typeof t === 'number' ? t : Date.parse(t)) + 8 * HOUR).toISOString().slice(0, 10);

/**
 * When a message on `channel` for a notification made at `createdAt` is due: a daily digest goes at
 * the next 08:00; an SMS that would arrive in quiet hours waits for 08:00 unless the person allows
 * SMS at night; anything else at once.
 */
export function dueAt(channel: Channel, pref: KindPreference, createdAt: string, smsAtNight: boolean): string {
  if (pref.timing === 'daily') return nextMorning(createdAt);
  if (channel === 'sms' && !smsAtNight && inQuietHours(createdAt)) return nextMorning(createdAt);
  return createdAt;
}

/** +8613812345678 from 13812345678, 8613812345678 or +8613812345678. */
export const normalisePhone = (raw: string): string => `+86${raw.replace(/^\+?86/, '')}`;

/** What a phone or email looks like to staff and in logs: `+86 138****5678`, `l***@example.org`. */
export const maskAddress = (a: string): string =>
  a.includes('@') ? `${a[0]}***${a.slice(a.indexOf('@'))}` : `${a.slice(0, 3)} ${a.slice(3, 6)}****${a.slice(-4)}`;
