/**
 * The only code that speaks DynamoDB for the proposals table.
 * A proposal is two items: `META` (everything a list shows, the status and the backers) and
 * `BODY` (the long description). Backing writes touch META only, so their cost does not grow
 * with the description.
 */
import {
  BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Proposal, ProposalStatus, ProposalSummary } from '../contracts/proposals.js';
import { decodeCursor, encodeCursor, type Key } from '../shared/db/cursor.js';
import { isConditionFailed } from '../shared/db/client.js';

export const proposalKeys = {
  pk: (id: string) => `PROPOSAL#${id}`,
  all: (communityId: string) => `COMMUNITY#${communityId}#PROPOSALS`,
  byStatus: (communityId: string, status: ProposalStatus) => `COMMUNITY#${communityId}#PROPOSALS#${status}`,
};

type MetaItem = Record<string, unknown> & { supporters?: Set<string> };

function toSummary(i: MetaItem): ProposalSummary {
  return {
    id: String(i.id), communityId: String(i.communityId), title: String(i.title),
    category: i.category as ProposalSummary['category'], location: (i.location as string | undefined) ?? null,
    estimatedCostFen: (i.estimatedCostFen as number | undefined) ?? null, status: i.status as ProposalStatus,
    supportCount: Number(i.supportCount ?? 0), author: { id: String(i.authorId), name: String(i.authorName) },
    createdAt: String(i.createdAt), updatedAt: String(i.updatedAt),
  };
}

export interface ListOptions { communityId: string; status?: ProposalStatus; category?: string; limit: number; cursor?: string }
export type SupportOutcome =
  | { kind: 'changed'; supportCount: number }
  | { kind: 'refused'; current: SupportSnapshot | null };
export interface SupportSnapshot { communityId: string; status: ProposalStatus; supportCount: number; supported: boolean }

export class ProposalRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(p: Proposal): Promise<void> {
    const pk = proposalKeys.pk(p.id);
    // BODY first: harmless if META never follows; META is the proposal's existence.
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk, sk: 'BODY', description: p.description } }));
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: {
        pk, sk: 'META', id: p.id, communityId: p.communityId, title: p.title, category: p.category,
        location: p.location ?? undefined, estimatedCostFen: p.estimatedCostFen ?? undefined, status: p.status,
        supportCount: p.supportCount, authorId: p.author.id, authorName: p.author.name,
        enteredById: p.enteredBy?.id, enteredByName: p.enteredBy?.name, createdAt: p.createdAt, updatedAt: p.updatedAt,
        gsi1pk: proposalKeys.all(p.communityId), gsi1sk: p.id,
        gsi2pk: proposalKeys.byStatus(p.communityId, p.status), gsi2sk: p.id,
      },
      // Why: a new id must never overwrite an existing proposal.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async get(id: string): Promise<Proposal | null> {
    const pk = proposalKeys.pk(id);
    const out = await this.db.send(new BatchGetCommand({
      RequestItems: { [this.table]: { Keys: [{ pk, sk: 'META' }, { pk, sk: 'BODY' }], ConsistentRead: true } },
    }));
    const items = out.Responses?.[this.table] ?? [];
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return null;
    const body = items.find((i) => i.sk === 'BODY');
    return {
      ...toSummary(meta),
      description: String(body?.description ?? ''),
      enteredBy: meta.enteredById ? { id: String(meta.enteredById), name: String(meta.enteredByName) } : null,
    };
  }

  /** Newest first. The category filter reads on until the page is full, so pages stay even. */
  async list(o: ListOptions): Promise<{ items: ProposalSummary[]; cursor: string | null }> {
    const [index, attr, value] = o.status
      ? ['gsi2', 'gsi2pk', proposalKeys.byStatus(o.communityId, o.status)]
      : ['gsi1', 'gsi1pk', proposalKeys.all(o.communityId)];
    const keyNames = ['pk', 'sk', attr, attr.replace('pk', 'sk')];
    let start: Key | undefined = o.cursor ? decodeCursor(o.cursor, { attr, value, keys: keyNames }) : undefined;
    const found: MetaItem[] = [];
    let more = true;
    for (let round = 0; round < 10 && more && found.length < o.limit; round++) {
      const out = await this.db.send(new QueryCommand({
        TableName: this.table, IndexName: index, ScanIndexForward: false, Limit: o.limit, ExclusiveStartKey: start,
        KeyConditionExpression: `${attr} = :v`,
        ...(o.category ? { FilterExpression: 'category = :c', ExpressionAttributeValues: { ':v': value, ':c': o.category } }
          : { ExpressionAttributeValues: { ':v': value } }),
      }));
      found.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey as Key | undefined;
      more = start !== undefined;
    }
    const items = found.slice(0, o.limit);
    const last = items.at(-1);
    const hasMore = more || found.length > o.limit;
    const cursor = hasMore && last ? encodeCursor(Object.fromEntries(keyNames.map((k) => [k, String(last[k])]))) : null;
    return { items: items.map(toSummary), cursor };
  }

  /** The caller's backing and the current count, read strongly so it reflects the caller's last write. */
  async supportState(id: string, userId: string): Promise<SupportSnapshot | null> {
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: proposalKeys.pk(id), sk: 'META' }, ConsistentRead: true,
      ProjectionExpression: 'communityId, #s, supportCount, supporters', ExpressionAttributeNames: { '#s': 'status' },
    }));
    const i = out.Item as MetaItem | undefined;
    if (!i) return null;
    return { communityId: String(i.communityId), status: i.status as ProposalStatus, supportCount: Number(i.supportCount ?? 0), supported: i.supporters?.has(userId) ?? false };
  }

  /**
   * Adds or removes one backer in a single conditional update of META: the backer set and the count
   * live on the same item, so one person counts once however many requests race, and the count is exact.
   */
  async changeSupport(id: string, communityId: string, userId: string, add: boolean): Promise<SupportOutcome> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table,
        Key: { pk: proposalKeys.pk(id), sk: 'META' },
        UpdateExpression: add ? 'ADD supporters :u, supportCount :one' : 'DELETE supporters :u ADD supportCount :minus',
        // Why: the proposal exists in the caller's community and is open, and the backing really changes the set.
        ConditionExpression: add
          ? 'communityId = :c AND #s = :open AND NOT contains(supporters, :id)'
          : 'communityId = :c AND #s = :open AND contains(supporters, :id)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':u': new Set([userId]), ':id': userId, ':c': communityId, ':open': 'open', ...(add ? { ':one': 1 } : { ':minus': -1 }),
        },
        ReturnValues: 'UPDATED_NEW',
      }));
      return { kind: 'changed', supportCount: Number(out.Attributes?.supportCount ?? 0) };
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      return { kind: 'refused', current: await this.supportState(id, userId) };
    }
  }
}
