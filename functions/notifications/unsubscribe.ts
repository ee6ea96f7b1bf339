/**
 * One-tap unsubscribe: every SMS and email ends with a link carrying the person's token for that
 * channel (random, kept in the table both ways); opening it turns that channel off for every kind
 * until the person turns it on again in their settings. No sign-in: the token is the proof.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../contracts/notifications.js';
import { isConditionFailed } from '../shared/db/client.js';
import { NotFoundError } from '../shared/errors.js';
import { nkeys } from './outbox.js';
import type { NotificationRepository } from './repository.js';

export class UnsubscribeTokens {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly repo: NotificationRepository) {}

  /** The person's token for the channel, made on first use. */
  async tokenFor(userId: string, channel: Channel): Promise<string> {
    const key = { pk: nkeys.user(userId), sk: `UNSUB#${channel}` };
    const found = (await this.db.send(new GetCommand({ TableName: this.table, Key: key }))).Item;
    if (found) return String(found.token);
    const token = randomBytes(24).toString('base64url');
    await this.repo.putUnsubscribeToken(token, userId, channel);
    try {
      // Why: one token per person and channel, even when two runs make one at once.
      await this.db.send(new PutCommand({ TableName: this.table, Item: { ...key, userId, token }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return token;
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      return String((await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }))).Item!.token);
    }
  }
}

export async function unsubscribe(repo: NotificationRepository, token: string, at: string): Promise<{ channel: Channel; unsubscribed: true }> {
  const found = await repo.unsubscribeToken(token);
  if (!found) throw new NotFoundError('This unsubscribe link is not known (it may be mistyped).');
  const s = await repo.settings(found.userId);
  if (!s.off?.[found.channel]) await repo.putSettings(found.userId, { ...s, off: { ...s.off, [found.channel]: at }, updatedAt: s.updatedAt ?? at });
  return { channel: found.channel, unsubscribed: true };
}
