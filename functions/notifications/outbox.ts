/**
 * Writing notifications: called by a use case after the state change that causes them (DESIGN rule
 * 9). Each notification's id is made from the person and the change (its `key`), and it is a
 * conditional put that succeeds once: a retried or raced request, or a repair that replays the
 * change, writes nothing twice. The item is also the outbox entry: it carries `gsi3pk = DUE` until
 * the notifier has decided and sent what it owes (notifier.ts), on AWS woken by the table's stream.
 */
import { createHash } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NotificationKind } from '../contracts/notifications.js';
import { isConditionFailed } from '../shared/db/client.js';
import type { Params } from './messages.js';

export interface NotifyEvent {
  userId: string;
  communityId: string;
  kind: NotificationKind;
  /** What happened, named so that the same change always gives the same key (`cancelled#<activity>`). */
  key: string;
  params: Params;
  /** The site path it is about. */
  link: string;
  /** When the change happened (ISO). */
  at: string;
}

/** Writes the notifications of one change; resolves once every one is stored (or already was). */
export type Notify = (events: readonly NotifyEvent[]) => Promise<void>;

/** 22 base64url characters: the person and the change, hashed (so a path parameter, and no personal data). */
export const notificationId = (userId: string, key: string): string =>
  createHash('sha256').update(`${userId}\n${key}`).digest('base64url').slice(0, 22);

export const nkeys = {
  user: (userId: string) => `USER#${userId}`,
  notification: (id: string) => `N#${id}`,
  inbox: (userId: string) => `INBOX#${userId}`,
  unread: (userId: string) => `UNREAD#${userId}`,
  due: 'DUE',
  calls: (communityId: string, day: string) => `CALL#${communityId}#${day}`,
} as const;

export const notificationItem = (e: NotifyEvent): Record<string, unknown> => {
  const id = notificationId(e.userId, e.key);
  const order = `${e.at}#${id}`;
  return {
    pk: nkeys.user(e.userId), sk: nkeys.notification(id), id, userId: e.userId, communityId: e.communityId, kind: e.kind, key: e.key,
    params: e.params, link: e.link, createdAt: e.at, state: 'new',
    gsi1pk: nkeys.inbox(e.userId), gsi1sk: order, gsi2pk: nkeys.unread(e.userId), gsi2sk: order,
    gsi3pk: nkeys.due, gsi3sk: `${e.at}#${e.userId}#${id}`,
  };
};

/** At most this many puts in flight: an activity cancelled for 200 people does not open 200 sockets. */
const PARALLEL = 16;

export function createNotify(db: DynamoDBDocumentClient, table: string): Notify {
  const putOnce = async (e: NotifyEvent) => {
    try {
      // Why: one notification per person per change, however often the change is replayed.
      await db.send(new PutCommand({ TableName: table, Item: notificationItem(e), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
    }
  };
  return async (events) => {
    for (let i = 0; i < events.length; i += PARALLEL) await Promise.all(events.slice(i, i + PARALLEL).map(putOnce));
  };
}
