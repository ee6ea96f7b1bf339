/**
 * The typed client of notifications (contracts/notifications.ts): the inbox and its unread count,
 * the settings, the one-tap unsubscribe, the grid member's call list, and locally the development
 * outbox. Contracts are imported as types only (the API checks every answer against them before
 * sending it, see http.ts); the transport is http.ts.
 */
import type * as z from 'zod/mini';
import type {
  CallEntry, CallList, MarkReadBody, NotificationPage, NotificationSettings, NotificationSettingsBody, OutboxList, ToldBody,
  UnreadCount, Unsubscribed,
} from '$contracts/notifications.js';
import { call, type Out } from './http.js';

type In<S extends z.ZodMiniType> = z.input<S>;
const seg = encodeURIComponent;
const calls = (communityId: string) => `/communities/${seg(communityId)}/call-list`;

export type Inbox = Out<typeof NotificationPage>;
export type InboxItem = Inbox['items'][number];
export type Settings = Out<typeof NotificationSettings>;
export type Call = Out<typeof CallEntry>;

/** A notification's link as a same-site path (never another origin, not even `/\\host`); else home. */
export const sitePath = (link: string): string => (/^\/(?![/\\])/.test(link) ? link : '/');

export const notificationsApi = {
  inbox: (page: { limit?: number; cursor?: string } = {}) => {
    const q = new URLSearchParams();
    if (page.limit) q.set('limit', String(page.limit));
    if (page.cursor) q.set('cursor', page.cursor);
    const s = q.toString();
    return call<Inbox>('GET', `/me/notifications${s ? `?${s}` : ''}`);
  },
  markRead: (body: In<typeof MarkReadBody>) => call<Out<typeof UnreadCount>>('POST', '/me/notifications/read', { body }),
  settings: () => call<Settings>('GET', '/me/notification-settings'),
  saveSettings: (body: In<typeof NotificationSettingsBody>) => call<Settings>('PUT', '/me/notification-settings', { body }),
  /** Public: the token is the whole authority (it names one person's one channel). */
  unsubscribe: (token: string) => call<Out<typeof Unsubscribed>>('POST', '/notifications/unsubscribe', { body: { token }, auth: false }),

  callList: (communityId: string, date?: string) =>
    call<Out<typeof CallList>>('GET', `${calls(communityId)}${date ? `?date=${seg(date)}` : ''}`),
  told: (communityId: string, userId: string, notificationId: string, body: In<typeof ToldBody> = {}) =>
    call<Call>('PUT', `${calls(communityId)}/${seg(userId)}/${seg(notificationId)}`, { body }),

  /** Local development only (404 on AWS): every SMS and email the development channels would have sent. */
  devOutbox: () => call<Out<typeof OutboxList>>('GET', '/dev/outbox', { auth: false }),
};
