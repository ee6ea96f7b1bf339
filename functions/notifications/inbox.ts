/**
 * The person's side: the inbox (newest first, with the exact unread count), marking read, and the
 * settings page's read and write. Also the call-list view for staff.
 */
import type { CallEntry, NotificationKind, NotificationPage, NotificationSettings, NotificationSettingsBody } from '../contracts/notifications.js';
import type { CommunityRepository } from '../community/repository.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { Item } from '../shared/db/batch.js';
import { render } from './messages.js';
import type { NotificationRepository } from './repository.js';
import { beijingDay, normalisePhone, settingsView, type StoredSettings } from './rules.js';

export interface InboxDeps { notifications: NotificationRepository; community: CommunityRepository; clock: () => string }

const view = (n: Item) => ({
  id: String(n.id), kind: n.kind as NotificationKind, communityId: String(n.communityId),
  ...render(n.kind as NotificationKind, (n.params ?? {}) as Record<string, string>), link: String(n.link), createdAt: String(n.createdAt),
  readAt: (n.readAt as string | undefined) ?? null,
});

export async function listNotifications(deps: InboxDeps, userId: string, q: { limit: number; cursor?: string }): Promise<NotificationPage> {
  const [page, unread] = await Promise.all([deps.notifications.page(userId, q.limit, q.cursor), deps.notifications.unreadCount(userId)]);
  return { items: page.items.map(view), unread, cursor: page.cursor };
}

export async function markRead(deps: InboxDeps, userId: string, body: { ids: string[] } | { all: true }): Promise<{ unread: number }> {
  const at = deps.clock();
  const ids = 'ids' in body ? body.ids : await deps.notifications.unreadIds(userId);
  await Promise.all([...new Set(ids)].map((id) => deps.notifications.markRead(userId, id, at)));
  return { unread: await deps.notifications.unreadCount(userId) };
}

export async function getSettings(deps: InboxDeps, userId: string): Promise<NotificationSettings> {
  return settingsView(userId, await deps.notifications.settings(userId));
}

/**
 * Saving settings is also how a channel a one-tap unsubscribe turned off comes back: it is on again
 * when the person saves it with an address. A phone or email left empty is not kept (PIPL).
 */
export async function putSettings(deps: InboxDeps, userId: string, body: NotificationSettingsBody): Promise<NotificationSettings> {
  const at = deps.clock();
  const next: StoredSettings = {
    language: body.language, phone: body.phone ? normalisePhone(body.phone) : null, email: body.email ? body.email.toLowerCase() : null,
    smsAtNight: body.smsAtNight, kinds: body.kinds, off: {}, updatedAt: at,
  };
  await deps.notifications.putSettings(userId, next);
  return settingsView(userId, next);
}

async function requireStaffOf(deps: InboxDeps, callerId: string, communityId: string): Promise<void> {
  const m = await deps.community.getMember(callerId);
  if (!m.platformAdmin && !m.staffOf.includes(communityId)) throw new ForbiddenError('Only this community\'s staff see its call list.');
}

const entry = (n: Item, who: { displayName: string; contact: string }): CallEntry => ({
  userId: String(n.userId), notificationId: String(n.id), displayName: who.displayName, contact: who.contact,
  ...render(n.kind as NotificationKind, (n.params ?? {}) as Record<string, string>), link: String(n.link), createdAt: String(n.createdAt),
  toldBy: (n.toldBy as string | undefined) ?? null, toldAt: (n.toldAt as string | undefined) ?? null,
});

/** The day's call list: everyone no channel reaches, with what they should be told; oldest first. */
export async function callList(deps: InboxDeps, callerId: string, communityId: string, date?: string) {
  await requireStaffOf(deps, callerId, communityId);
  const day = date ?? beijingDay(deps.clock());
  const items = await deps.notifications.calls(communityId, day);
  const people = new Map<string, Promise<{ displayName: string; contact: string }>>();
  const who = (u: string) => people.get(u) ?? people.set(u, deps.community.contactOf(u)).get(u)!;
  return { communityId, date: day, items: await Promise.all(items.map(async (n) => entry(n, await who(String(n.userId))))) };
}

export async function markTold(deps: InboxDeps, callerId: string, communityId: string, userId: string, id: string, note: string): Promise<CallEntry> {
  await requireStaffOf(deps, callerId, communityId);
  const n = await deps.notifications.told(communityId, userId, id, callerId, deps.clock(), note);
  if (!n) throw new NotFoundError('That notification is not on this community\'s call list.');
  return entry(n, await deps.community.contactOf(userId));
}
