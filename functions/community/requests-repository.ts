/**
 * Household requests (`HHREQ#<id>` / `META`, in the community's queue on gsi1 `HHREQS#<c>` by
 * status) and the person's pointers to their own (`USERREQ#<u>` / `HHREQ#<id>`: a partition of its
 * own, so asking does not make the person look joined). A decision is one conditional update.
 */
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HouseholdRequest } from '../contracts/joining.js';
import { isConditionFailed } from '../shared/db/client.js';
import { queryAll } from '../shared/db/batch.js';
import { keys } from './keys.js';

export type RequestItem = HouseholdRequest & { auditId: string; decisionAuditId?: string; evidence?: string | null };
const mine = (userId: string) => `USERREQ#${userId}`;
const queueSk = (r: { status: string; createdAt: string; id: string }) => `${r.status}#${r.createdAt}#${r.id}`;

export class RequestsRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(id: string): Promise<RequestItem | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.request(id), sk: 'META' }, ConsistentRead: true }));
    return (out.Item as RequestItem | undefined) ?? null;
  }

  /** The pointer first: a crash between the two writes leaves a pointer to nothing, which reads skip. */
  async create(r: RequestItem): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: mine(r.userId), sk: keys.request(r.id), id: r.id } }));
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { pk: keys.request(r.id), sk: 'META', ...r, gsi1pk: keys.requests(r.communityId), gsi1sk: queueSk(r) },
      // Why: a request id is made once; a retry with the same id must not overwrite a decision.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async ofUser(userId: string): Promise<RequestItem[]> {
    const pointers = await queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': mine(userId) },
    });
    const out: RequestItem[] = [];
    for (let i = 0; i < pointers.length; i += 100) {
      const res = await this.db.send(new BatchGetCommand({
        RequestItems: { [this.table]: { Keys: pointers.slice(i, i + 100).map((p) => ({ pk: keys.request(String(p.id)), sk: 'META' })) } },
      }));
      out.push(...((res.Responses?.[this.table] ?? []) as RequestItem[]));
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The community's queue: one status, or every request with pending ones first. */
  async queue(communityId: string, status?: string): Promise<RequestItem[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1',
      KeyConditionExpression: status ? 'gsi1pk = :p AND begins_with(gsi1sk, :s)' : 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.requests(communityId), ...(status ? { ':s': `${status}#` } : {}) },
    }) as unknown as RequestItem[];
    const rank = (r: RequestItem) => (r.status === 'pending' ? 0 : 1);
    return items.sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt)));
  }

  /** The request after deciding, or null when it was already decided (by this call's retry or by someone else). */
  async decide(r: RequestItem, d: { status: 'accepted' | 'refused'; at: string; by: string; reason: string; auditId: string }): Promise<RequestItem | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.request(r.id), sk: 'META' },
        UpdateExpression: 'SET #s = :s, decidedAt = :at, decidedBy = :by, reason = :r, decisionAuditId = :a, gsi1sk = :g',
        // Why: a request is decided once; two staff pressing at the same moment give one decision.
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': d.status, ':at': d.at, ':by': d.by, ':r': d.reason, ':a': d.auditId, ':pending': 'pending',
          ':g': queueSk({ status: d.status, createdAt: r.createdAt, id: r.id }),
        },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes as RequestItem;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }
}
