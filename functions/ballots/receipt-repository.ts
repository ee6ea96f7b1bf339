/**
 * The published receipt list, one item per counted ballot, written when the ballot closes:
 *  BALLOT#<id>   RCPT#<n>   the n-th receipt of the list sorted by code (n: 6 digits), with its choice,
 *                           area and head key — nothing that names the unit, and keyed so that the
 *                           order is the codes' order, never the units'.
 * Written before META says closed (close-ballot.ts), from unit items that no vote can change any more
 * (closesAt and the settle minute have passed), so a repeated or racing close writes the same items.
 * Pages are Queries with a Limit and an opaque cursor (shared/db/cursor.ts), as every list here.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { batchWrite, type Item } from './db.js';
import { ballotKeys as k } from './repository.js';

export interface PublishedReceipt { receipt: string; choice: unknown; areaCentiM2: number; headKey: string }

const PREFIX = 'RCPT#';
const position = (n: number) => `${PREFIX}${String(n).padStart(6, '0')}`;

export class ReceiptRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** Idempotent: the same sorted list gives the same items. */
  async put(ballotId: string, sorted: PublishedReceipt[]): Promise<void> {
    await batchWrite(this.db, this.table, sorted.map((r, n) => ({
      PutRequest: { Item: { pk: k.ballot(ballotId), sk: position(n), receipt: r.receipt, choice: r.choice, areaCentiM2: r.areaCentiM2, headKey: r.headKey } },
    })));
  }

  /** One page in code order (strongly consistent: the items were written just before the close). */
  async page(ballotId: string, limit: number, cursor?: string): Promise<{ items: PublishedReceipt[]; cursor: string | null }> {
    const pk = k.ballot(ballotId);
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)', ConsistentRead: true, Limit: limit,
      ExpressionAttributeValues: { ':pk': pk, ':r': PREFIX },
      ProjectionExpression: 'receipt, choice, areaCentiM2, headKey, pk, sk',
      ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, { attr: 'pk', value: pk, keys: ['pk', 'sk'], within: (key) => key.sk!.startsWith(PREFIX) }) } : {}),
    }));
    const items = (out.Items ?? []).map((i: Item) => ({
      receipt: String(i.receipt), choice: i.choice, areaCentiM2: Number(i.areaCentiM2), headKey: String(i.headKey),
    }));
    return { items, cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey as Record<string, string>) : null };
  }
}
