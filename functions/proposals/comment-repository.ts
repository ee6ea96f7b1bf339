/**
 * Comments and reports in DynamoDB, under their proposal's partition. Comment keys sort a reply
 * right after its parent (`COMMENT#<thread>#<id>`); a report's key is one per person per target,
 * and open reports carry the sparse moderation-queue index key until a moderator resolves them.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Comment, ModerationTarget } from '../contracts/comments.js';
import type { Moderation, Person } from '../contracts/proposals.js';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor, type Key } from '../shared/db/cursor.js';
import { proposalKeys } from './records.js';

const commentSk = (threadId: string, id: string) => `COMMENT#${threadId}#${id}`;
const targetKey = (t: Pick<ModerationTarget, 'commentId'>) => (t.commentId ? `C#${t.commentId}` : 'P');

export interface OpenReport {
  target: ModerationTarget; excerpt: string; author: Person; by: Person; reason: string; at: string;
}

function toComment(i: Record<string, unknown>): Comment {
  const hidden = (i.hidden ?? null) as Moderation | null;
  return {
    id: String(i.id), proposalId: String(i.proposalId), parentId: (i.parentId as string | undefined) ?? null,
    author: { id: String(i.authorId), name: String(i.authorName) }, body: hidden ? '' : String(i.body),
    createdAt: String(i.createdAt), hidden,
  };
}

export class CommentRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async add(c: Comment): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { pk: proposalKeys.pk(c.proposalId), sk: commentSk(c.parentId ?? c.id, c.id), id: c.id, proposalId: c.proposalId,
        parentId: c.parentId ?? undefined, authorId: c.author.id, authorName: c.author.name, body: c.body, createdAt: c.createdAt },
      // Why: a new id must never overwrite a comment.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  /** A top-level comment (replies have another thread id in their key, so they are not found here). */
  async getTopLevel(proposalId: string, id: string): Promise<Comment | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: proposalKeys.pk(proposalId), sk: commentSk(id, id) }, ConsistentRead: true }));
    return out.Item ? toComment(out.Item) : null;
  }

  async find(proposalId: string, id: string): Promise<{ comment: Comment; sk: string } | null> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', FilterExpression: 'id = :id',
      ExpressionAttributeValues: { ':pk': proposalKeys.pk(proposalId), ':c': 'COMMENT#', ':id': id },
    }));
    const i = out.Items?.[0];
    return i ? { comment: toComment(i), sk: String(i.sk) } : null;
  }

  async list(proposalId: string, limit: number, cursor?: string): Promise<{ items: Comment[]; cursor: string | null }> {
    const pk = proposalKeys.pk(proposalId);
    const start = cursor ? decodeCursor(cursor, { attr: 'pk', value: pk, keys: ['pk', 'sk'], within: (k) => k.sk!.startsWith('COMMENT#') }) : undefined;
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', Limit: limit, ExclusiveStartKey: start,
      ExpressionAttributeValues: { ':pk': pk, ':c': 'COMMENT#' },
    }));
    const last = out.LastEvaluatedKey as Key | undefined;
    return { items: (out.Items ?? []).map(toComment), cursor: last ? encodeCursor({ pk: String(last.pk), sk: String(last.sk) }) : null };
  }

  /** Hides or restores a comment; false when it was already in that state. */
  async setHidden(proposalId: string, sk: string, hidden: Moderation | null): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: proposalKeys.pk(proposalId), sk },
        UpdateExpression: hidden ? 'SET #h = :h' : 'REMOVE #h',
        // Why: hiding twice (or restoring what is shown) must not rewrite who decided and when.
        ConditionExpression: hidden ? 'attribute_exists(pk) AND attribute_not_exists(#h)' : 'attribute_exists(#h)',
        ExpressionAttributeNames: { '#h': 'hidden' }, // a reserved word in DynamoDB
        ...(hidden ? { ExpressionAttributeValues: { ':h': hidden } } : {}),
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** One report per person per target; a repeat changes nothing. Returns how many reports the target has. */
  async report(communityId: string, r: OpenReport): Promise<number> {
    const pk = proposalKeys.pk(r.target.proposalId);
    const prefix = `REPORT#${targetKey(r.target)}#`;
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { pk, sk: `${prefix}${r.by.id}`, ...r, gsi3pk: proposalKeys.reports(communityId), gsi3sk: `${r.at}#${r.target.proposalId}#${targetKey(r.target)}#${r.by.id}` },
        // Why: a person reports a thing once; the first report and its reason stand.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
    }
    const count = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', Select: 'COUNT',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
    }));
    return count.Count ?? 1;
  }

  async openReports(communityId: string, max = 500): Promise<OpenReport[]> {
    const items: Record<string, unknown>[] = [];
    let start: Key | undefined;
    do {
      const out = await this.db.send(new QueryCommand({
        TableName: this.table, IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :q', ExclusiveStartKey: start,
        ExpressionAttributeValues: { ':q': proposalKeys.reports(communityId) },
      }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey as Key | undefined;
    } while (start && items.length < max);
    return items.map((i) => ({ target: i.target, excerpt: i.excerpt, author: i.author, by: i.by, reason: i.reason, at: i.at }) as OpenReport);
  }

  /** Takes every open report on a target off the queue, recording the decision; returns how many. */
  async resolveReports(target: ModerationTarget, decision: Moderation & { action: string }): Promise<number> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', FilterExpression: 'attribute_exists(gsi3pk)',
      ExpressionAttributeValues: { ':pk': proposalKeys.pk(target.proposalId), ':p': `REPORT#${targetKey(target)}#` },
    }));
    let resolved = 0;
    for (const item of out.Items ?? []) {
      try {
        await this.db.send(new UpdateCommand({
          TableName: this.table, Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET resolution = :d REMOVE gsi3pk, gsi3sk',
          // Why: a report is resolved once; a concurrent decision must not overwrite the first.
          ConditionExpression: 'attribute_exists(gsi3pk)', ExpressionAttributeValues: { ':d': decision },
        }));
        resolved++;
      } catch (e) {
        if (!isConditionFailed(e)) throw e;
      }
    }
    return resolved;
  }
}
