/**
 * Notifications (issue #15): what happened to a person, in their inbox and through the channels they
 * chose; their preferences; the one-tap unsubscribe; the grid member's call list for people with no
 * channel. Imports zod only: the web renders the same shapes.
 */
import * as z from 'zod/mini';
import { Cursor, Slug, Timestamp, UserId } from './common.js';
import { lazy } from './lazy.js';

/** Every kind of notification, and so every kind a person can set a preference for. */
export const notificationKinds = [
  'booking.promoted', 'activity.cancelled', 'activity.moved', 'activity.reminder',
  'proposal.answered', 'proposal.progress', 'ballot.opened', 'ballot.closing', 'ballot.published',
  'notice.ending', 'gift.confirmed', 'household.decided',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKindSchema = lazy(() => z.enum(notificationKinds));

export const channels = ['sms', 'email'] as const;
export type Channel = (typeof channels)[number];

/** A text in both languages the site speaks; the page shows the reader's, read aloud reads it. */
export const Bilingual = lazy(() => z.object({ zh: z.string(), en: z.string() }));
export type Bilingual = z.infer<typeof Bilingual>;

/** A notification's id: 22 base64url characters made from the person and the change (delivered once). */
export const NotificationId = lazy(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'must be a notification id')));

export const Notification = lazy(() => z.object({
  id: NotificationId,
  kind: NotificationKindSchema,
  communityId: Slug,
  title: Bilingual,
  body: Bilingual,
  /** The site path of what it is about (`/activities/<id>`). */
  link: z.string(),
  createdAt: Timestamp,
  readAt: z.nullable(Timestamp),
}));
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = lazy(() => z.strictObject({
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
}));
export const NotificationPage = lazy(() => z.object({
  items: z.array(Notification),
  /** How many are unread, counted by a query (exact). */
  unread: z.int(),
  cursor: z.nullable(Cursor),
}));
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Mark some (ids) or every notification read. */
export const MarkReadBody = lazy(() => z.union([
  z.strictObject({ ids: z.array(NotificationId).check(z.minLength(1), z.maxLength(50)) }),
  z.strictObject({ all: z.literal(true) }),
]));
export const UnreadCount = lazy(() => z.object({ unread: z.int() }));

/** A mainland mobile number, `+86` optional: 11 digits starting with 1. Stored as +861xxxxxxxxxx. */
export const PhoneNumber = lazy(() => z.string().check(z.trim(), z.regex(/^(\+?86)?1[3-9]\d{9}$/, 'must be a mainland mobile number')));
export const EmailAddress = lazy(() => z.string().check(z.trim(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address')));

export const KindPreference = lazy(() => z.strictObject({
  sms: z.boolean(),
  email: z.boolean(),
  /** `daily`: gathered into one message a day (08:00 Beijing time) instead of one each. */
  timing: z.enum(['immediate', 'daily']),
}));
export type KindPreference = z.infer<typeof KindPreference>;

export const NotificationSettingsBody = lazy(() => z.strictObject({
  language: z.enum(['zh', 'en']),
  /** Where SMS go; null keeps none (PIPL: only kept while SMS is wanted). */
  phone: z.nullable(PhoneNumber),
  email: z.nullable(EmailAddress),
  /** SMS between 21:00 and 08:00 Beijing time; off by default (held until 08:00). */
  smsAtNight: z.boolean(),
  kinds: z.partialRecord(NotificationKindSchema, KindPreference),
}));
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;

export const NotificationSettings = lazy(() => z.object({
  language: z.enum(['zh', 'en']),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  smsAtNight: z.boolean(),
  /** Every kind, with the defaults filled in. */
  kinds: z.record(NotificationKindSchema, KindPreference),
  /** True when no SMS or email reaches the person: their grid member tells them instead. */
  viaGridMember: z.boolean(),
  updatedAt: z.nullable(Timestamp),
}));
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** The token at the end of every message's unsubscribe link. */
export const UnsubscribeBody = lazy(() => z.strictObject({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,64}$/, 'must be an unsubscribe token')) }));
export const Unsubscribed = lazy(() => z.object({ channel: z.enum(channels), unsubscribed: z.literal(true) }));

export const CallListParams = lazy(() => z.strictObject({ id: Slug }));
export const CallListQuery = lazy(() => z.strictObject({
  /** A Beijing date, YYYY-MM-DD; today when left out. */
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'))),
}));
export const CallEntry = lazy(() => z.object({
  userId: UserId,
  notificationId: NotificationId,
  displayName: z.string(),
  /** How to reach them: the note staff keep, or the household's phone hint (last digits only). */
  contact: z.string(),
  title: Bilingual,
  body: Bilingual,
  link: z.string(),
  createdAt: Timestamp,
  toldBy: z.nullable(UserId),
  toldAt: z.nullable(Timestamp),
}));
export type CallEntry = z.infer<typeof CallEntry>;
export const CallList = lazy(() => z.object({ communityId: Slug, date: z.string(), items: z.array(CallEntry) }));
export type CallList = z.infer<typeof CallList>;
export const ToldParams = lazy(() => z.strictObject({ id: Slug, userId: UserId, notificationId: NotificationId }));
export const ToldBody = lazy(() => z.strictObject({ note: z._default(z.string().check(z.trim(), z.maxLength(200)), '') }));

/** Local only (`GET /api/dev/outbox`): every message the development channels would have sent. */
export const OutboxMessage = lazy(() => z.object({
  id: z.string(), channel: z.enum(channels), to: z.string(), userId: UserId, subject: z.string(), text: z.string(),
  notificationIds: z.array(NotificationId), sentAt: Timestamp,
}));
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = lazy(() => z.object({ items: z.array(OutboxMessage) }));
export type OutboxList = z.infer<typeof OutboxList>;
