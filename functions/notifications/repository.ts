/**
 * The notifications table: each person's notifications (inbox by time in gsi1, unread ones in the
 * sparse gsi2, owed messages in the sparse gsi3, call-list entries in the sparse gsi4), their
 * settings, unsubscribe tokens, and locally the development outbox.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../contracts/notifications.js';
import type { Item } from '../shared/db/batch.js';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { nkeys } from './outbox.js';
import { unsavedSettings, type StoredSettings } from './rules.js';

const SETTINGS = 'SETTINGS';
const unsubKey = (token: string) => ({ pk: `UNSUB#${token}`, sk: 'UNSUB' });
const DEV_OUTBOX = 'DEV#OUTBOX';

export class NotificationRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async page(userId: string, limit: number, cursor?: string): Promise<{ items: Item[]; cursor: string | null }> {
    const start = cursor ? decodeCursor(cursor, { attr: 'gsi1pk', value: nkeys.inbox(userId), keys: ['pk', 'sk', 'gsi1pk', 'gsi1sk'] }) : undefined;
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': nkeys.inbox(userId) },
      ScanIndexForward: false, Limit: limit, ...(start ? { ExclusiveStartKey: start } : {}),
    }));
    return { items: out.Items ?? [], cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey as Record<string, string>) : null };
  }

  /** Exact: a COUNT query over the sparse unread index (keys only, a fraction of an RCU each). */
  async unreadCount(userId: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(new QueryCommand({
        TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': nkeys.unread(userId) },
        Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async unreadIds(userId: string): Promise<string[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': nkeys.unread(userId) },
      ProjectionExpression: 'id', Limit: 200,
    }));
    return (out.Items ?? []).map((i) => String(i.id));
  }

  /** False when it was read already or is not the person's. */
  async markRead(userId: string, id: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: nkeys.user(userId), sk: nkeys.notification(id) },
        UpdateExpression: 'SET readAt = :at REMOVE gsi2pk, gsi2sk',
        // Why: only the person's own, unread notification changes (a read one keeps its first readAt).
        ConditionExpression: 'attribute_exists(gsi2pk)', ExpressionAttributeValues: { ':at': at },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async get(userId: string, id: string): Promise<Item | undefined> {
    return (await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: nkeys.user(userId), sk: nkeys.notification(id) } }))).Item;
  }

  async settings(userId: string): Promise<StoredSettings> {
    const item = (await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: nkeys.user(userId), sk: SETTINGS } }))).Item;
    return item ? (item.settings as StoredSettings) : unsavedSettings;
  }

  async putSettings(userId: string, settings: StoredSettings): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: nkeys.user(userId), sk: SETTINGS, userId, settings } }));
  }

  async unsubscribeToken(token: string): Promise<{ userId: string; channel: Channel } | undefined> {
    const item = (await this.db.send(new GetCommand({ TableName: this.table, Key: unsubKey(token) }))).Item;
    return item ? { userId: String(item.userId), channel: item.channel as Channel } : undefined;
  }

  async putUnsubscribeToken(token: string, userId: string, channel: Channel): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...unsubKey(token), userId, channel } }));
  }

  /** What the notifier owes by `now`: new notifications to route and messages due, oldest first. */
  async due(now: string, limit = 200): Promise<Item[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :now',
      ExpressionAttributeValues: { ':p': nkeys.due, ':now': `${now}~` }, Limit: limit,
    }));
    return out.Items ?? [];
  }

  /**
   * The notifier's decision for a new notification: which channels owe a message and when, and the
   * call-list entry. Null when another run decided first.
   */
  async route(n: Item, pending: Partial<Record<Channel, string>>, call: { pk: string; sk: string } | null): Promise<Item | null> {
    const next = Object.values(pending).sort()[0];
    const sets = ['#st = :routed', 'pending = :pending', ...(next ? ['gsi3sk = :next'] : []), ...(call ? ['gsi4pk = :cpk', 'gsi4sk = :csk'] : [])];
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: n.pk, sk: n.sk },
        UpdateExpression: `SET ${sets.join(', ')}${next ? '' : ' REMOVE gsi3pk, gsi3sk'}`,
        // Why: one run decides each notification once (two notifier runs may see it at the same time).
        ConditionExpression: '#st = :new', ExpressionAttributeNames: { '#st': 'state' },
        ExpressionAttributeValues: {
          ':routed': 'routed', ':new': 'new', ':pending': pending,
          ...(next ? { ':next': `${next}#${String(n.userId)}#${String(n.id)}` } : {}), ...(call ? { ':cpk': call.pk, ':csk': call.sk } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes ?? null;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /**
   * Takes the message owed on `channel` (sent by whoever takes it, so never twice); the rest of what
   * is owed stays due at its own time. False when another run took it.
   */
  async take(n: Item, channel: Channel): Promise<boolean> {
    const pending = { ...(n.pending as Partial<Record<Channel, string>>) };
    const at = pending[channel];
    delete pending[channel];
    const next = Object.values(pending).sort()[0];
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: n.pk, sk: n.sk },
        UpdateExpression: `SET pending = :rest${next ? ', gsi3sk = :next' : ''}${next ? '' : ' REMOVE gsi3pk, gsi3sk'}`,
        // Why: the message is still owed, at the time we read.
        ConditionExpression: 'pending.#c = :at', ExpressionAttributeNames: { '#c': channel },
        ExpressionAttributeValues: { ':rest': pending, ':at': at, ...(next ? { ':next': `${next}#${String(n.userId)}#${String(n.id)}` } : {}) },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** Puts a taken message back when sending it failed, so the next run tries again. */
  async giveBack(n: Item, channel: Channel, at: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: { pk: n.pk, sk: n.sk },
      UpdateExpression: 'SET pending.#c = :at, gsi3pk = :due, gsi3sk = :sk', ExpressionAttributeNames: { '#c': channel },
      ExpressionAttributeValues: { ':at': at, ':due': nkeys.due, ':sk': `${at}#${String(n.userId)}#${String(n.id)}` },
    }));
  }

  async calls(communityId: string, day: string): Promise<Item[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :p', ExpressionAttributeValues: { ':p': nkeys.calls(communityId, day) },
    }));
    return out.Items ?? [];
  }

  /** Records who told the person and when; the first record stays. Null when there is no such entry. */
  async told(communityId: string, userId: string, id: string, by: string, at: string, note: string): Promise<Item | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: nkeys.user(userId), sk: nkeys.notification(id) },
        UpdateExpression: 'SET toldBy = if_not_exists(toldBy, :by), toldAt = if_not_exists(toldAt, :at), toldNote = if_not_exists(toldNote, :note)',
        // Why: only an entry on this community's call list.
        ConditionExpression: 'attribute_exists(gsi4pk) AND communityId = :c',
        ExpressionAttributeValues: { ':by': by, ':at': at, ':note': note, ':c': communityId }, ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes ?? null;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  async recordDevMessage(message: Item): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: DEV_OUTBOX, sk: `${String(message.sentAt)}#${String(message.id)}`, ...message } }));
  }

  async devMessages(limit = 100): Promise<Item[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': DEV_OUTBOX }, ScanIndexForward: false, Limit: limit,
    }));
    return out.Items ?? [];
  }
}
