/**
 * The community's append-only audit log. An entry is written after the change it records, keyed by
 * an id the change itself stores (DESIGN rule 9): writing it again after a retry or a crash adds
 * nothing, so a use case that finds its change already made simply writes the entry once more.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditAction, AuditEntry } from '../contracts/registry.js';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { keys } from './keys.js';

export interface AuditInput {
  /** Made once by the change (a ULID) and stored with it. */
  id: string;
  at: string;
  communityId: string;
  actorId: string;
  action: AuditAction;
  subject: string;
  evidence?: string | null;
  details?: AuditEntry['details'];
}

export class AuditLog {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** Writes the entry unless it is already there (same id): safe to call again for the same change. */
  async append(e: AuditInput): Promise<void> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: {
          pk: keys.audit(e.communityId), sk: `${e.at}#${e.id}`, id: e.id, communityId: e.communityId, at: e.at, actorId: e.actorId,
          action: e.action, subject: e.subject, evidence: e.evidence ?? null, details: e.details ?? {},
        },
        // Why: append-only; the same change's entry is written at most once.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
    }
  }

  /** Newest first, one page. */
  async page(communityId: string, limit: number, cursor?: string): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const pk = keys.audit(communityId);
    const start = cursor ? decodeCursor(cursor, { attr: 'pk', value: pk, keys: ['pk', 'sk'] }) : undefined;
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false, Limit: limit, ...(start ? { ExclusiveStartKey: start } : {}),
    }));
    const items = (out.Items ?? []).map((i): AuditEntry => ({
      id: String(i.id), communityId: String(i.communityId), at: String(i.at), actorId: String(i.actorId),
      action: i.action as AuditAction, subject: String(i.subject), evidence: (i.evidence as string | null) ?? null,
      details: (i.details ?? {}) as AuditEntry['details'],
    }));
    const last = out.LastEvaluatedKey as Record<string, string> | undefined;
    return { items, nextCursor: last ? encodeCursor({ pk: last.pk!, sk: last.sk! }) : null };
  }
}
