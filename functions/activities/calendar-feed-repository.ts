/**
 * Secret tokens for personal calendar feeds, in the activities table. The user's FEED item
 * (`USER#<id>`/`FEED`) is the truth: it names the one live token. The lookup item
 * (`FEED#<token>`/`META`) follows it and is written first, so a crash between the two leaves an
 * unused lookup, never a link that points nowhere; `resolve` checks both, so a token whose
 * owner has rotated or revoked it stops working even if its lookup item was left behind.
 */
import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { ConflictError } from '../shared/errors.js';

export const feedKeys = {
  token: (token: string) => ({ pk: `FEED#${token}`, sk: 'META' }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'FEED' }),
};

/** 32 random bytes as 43 base64url characters: unguessable, and safe in a URL path. */
export const newFeedToken = (): string => randomBytes(32).toString('base64url');

export class CalendarFeedRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private async current(userId: string): Promise<string | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: feedKeys.user(userId), ConsistentRead: true }));
    return (out.Item?.token as string | undefined) ?? null;
  }

  /** A new token for the user; the old one (if any) stops working. */
  async rotate(userId: string, at: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const old = await this.current(userId);
      const token = newFeedToken();
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { ...feedKeys.token(token), userId, createdAt: at },
        // Why: a token must never be handed to a second person, however unlikely a collision.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      try {
        await this.db.send(new PutCommand({
          TableName: this.table, Item: { ...feedKeys.user(userId), token, createdAt: at },
          // Why: replace only the token we read; a concurrent rotation must not leave two owners of the link.
          ConditionExpression: old ? '#t = :old' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: old ? { '#t': 'token' } : undefined, ExpressionAttributeValues: old ? { ':old': old } : undefined,
        }));
      } catch (e) {
        await this.db.send(new DeleteCommand({ TableName: this.table, Key: feedKeys.token(token) }));
        if (isConditionFailed(e)) continue;
        throw e;
      }
      if (old) await this.db.send(new DeleteCommand({ TableName: this.table, Key: feedKeys.token(old) }));
      return token;
    }
    throw new ConflictError('Your calendar link is being changed elsewhere; please try again.', 'busy');
  }

  /** Removes the user's link; true when there was one. */
  async revoke(userId: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.table, Key: feedKeys.user(userId), ReturnValues: 'ALL_OLD' }));
    const token = out.Attributes?.token as string | undefined;
    if (token) await this.db.send(new DeleteCommand({ TableName: this.table, Key: feedKeys.token(token) }));
    return Boolean(token);
  }

  /** The owner of a live token, or null for an unknown, rotated or revoked one. */
  async resolve(token: string): Promise<string | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: feedKeys.token(token), ConsistentRead: true }));
    const userId = out.Item?.userId as string | undefined;
    if (!userId) return null;
    return (await this.current(userId)) === token ? userId : null;
  }
}
