/**
 * Proposals in DynamoDB. A proposal is two items: `META` (what a list shows, the status, the
 * backers, the answer, objections and the public timeline) and `BODY` (the long description).
 * Backing writes touch META only, so their cost does not grow with the description; every state
 * change is one conditional update of META that also appends its timeline event.
 */
import {
  BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ProposalStatus, ProposalSummary, TimelineEvent } from '../contracts/proposals.js';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor, type Key } from '../shared/db/cursor.js';
import { newMetaItem, proposalKeys, toRecord, toSummary, type MetaItem, type ProposalRecord } from './records.js';

export { proposalKeys } from './records.js';

export interface ListOptions { communityId: string; status?: ProposalStatus; category?: string; limit: number; cursor?: string }
export interface SupportSnapshot { communityId: string; status: ProposalStatus; hidden: boolean; supportCount: number; supported: boolean }
export type SupportOutcome =
  | { kind: 'changed'; supportCount: number; supportThreshold: number }
  | { kind: 'refused'; current: SupportSnapshot | null };

export class ProposalRepository {
  constructor(readonly db: DynamoDBDocumentClient, readonly table: string) {}

  async create(p: ProposalRecord): Promise<void> {
    const pk = proposalKeys.pk(p.id);
    // BODY first: harmless if META never follows; META is the proposal's existence.
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk, sk: 'BODY', description: p.description } }));
    await this.db.send(new PutCommand({
      TableName: this.table, Item: newMetaItem(p),
      // Why: a new id must never overwrite an existing proposal.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async get(id: string): Promise<ProposalRecord | null> {
    const pk = proposalKeys.pk(id);
    const out = await this.db.send(new BatchGetCommand({
      RequestItems: { [this.table]: { Keys: [{ pk, sk: 'META' }, { pk, sk: 'BODY' }], ConsistentRead: true } },
    }));
    const items = out.Responses?.[this.table] ?? [];
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return null;
    return toRecord(meta, String(items.find((i) => i.sk === 'BODY')?.description ?? ''));
  }

  /** Newest first, hidden ones left out. A filter reads on until the page is full, so pages stay even. */
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
        FilterExpression: `attribute_not_exists(hiddenAt)${o.category ? ' AND category = :c' : ''}`,
        ExpressionAttributeValues: { ':v': value, ...(o.category ? { ':c': o.category } : {}) },
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

  /** Every proposal in one status (for the committee dashboard), bounded at `max`. */
  async allInStatus(communityId: string, status: ProposalStatus, max = 200): Promise<ProposalSummary[]> {
    const items: MetaItem[] = [];
    let start: Key | undefined;
    do {
      const out = await this.db.send(new QueryCommand({
        TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :v', ExclusiveStartKey: start,
        ExpressionAttributeValues: { ':v': proposalKeys.byStatus(communityId, status) },
      }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey as Key | undefined;
    } while (start && items.length < max);
    return items.slice(0, max).map(toSummary);
  }

  async exists(id: string): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: proposalKeys.pk(id), sk: 'META' }, ProjectionExpression: 'pk' }));
    return out.Item !== undefined;
  }

  /** Who backs the proposal now (its notifications go to them and its author). */
  async backers(id: string): Promise<string[]> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: proposalKeys.pk(id), sk: 'META' }, ProjectionExpression: 'supporters' }));
    return [...((out.Item as MetaItem | undefined)?.supporters ?? [])];
  }

  /** The caller's backing and the current count, read strongly so it reflects the caller's last write. */
  async supportState(id: string, userId: string): Promise<SupportSnapshot | null> {
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: proposalKeys.pk(id), sk: 'META' }, ConsistentRead: true,
      ProjectionExpression: 'communityId, #s, hiddenAt, supportCount, supporters', ExpressionAttributeNames: { '#s': 'status' },
    }));
    const i = out.Item as MetaItem | undefined;
    if (!i) return null;
    return { communityId: String(i.communityId), status: i.status as ProposalStatus, hidden: i.hiddenAt !== undefined, supportCount: Number(i.supportCount ?? 0), supported: i.supporters?.has(userId) ?? false };
  }

  /**
   * Adds or removes one backer in a single conditional update of META: the backer set and the count
   * live on the same item, so one person counts once however many requests race, and the count is exact.
   * A staff entry for a resident also appends its timeline event in the same write.
   */
  async changeSupport(id: string, communityId: string, userId: string, add: boolean, event?: TimelineEvent): Promise<SupportOutcome> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table,
        Key: { pk: proposalKeys.pk(id), sk: 'META' },
        UpdateExpression: (add ? 'ADD supporters :u, supportCount :one' : 'DELETE supporters :u ADD supportCount :minus')
          + (event ? ' SET timeline = list_append(timeline, :ev)' : ''),
        // Why: the proposal exists in the caller's community, is open and not hidden, and the backing really changes the set.
        ConditionExpression: add
          ? 'communityId = :c AND #s = :open AND attribute_not_exists(hiddenAt) AND NOT contains(supporters, :id)'
          : 'communityId = :c AND #s = :open AND attribute_not_exists(hiddenAt) AND contains(supporters, :id)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':u': new Set([userId]), ':id': userId, ':c': communityId, ':open': 'open',
          ...(add ? { ':one': 1 } : { ':minus': -1 }), ...(event ? { ':ev': [event] } : {}),
        },
        // The whole item comes back (no read is charged for it): the threshold is on it.
        ReturnValues: 'ALL_NEW',
      }));
      return { kind: 'changed', supportCount: Number(out.Attributes?.supportCount ?? 0), supportThreshold: Number(out.Attributes?.supportThreshold ?? 0) };
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      return { kind: 'refused', current: await this.supportState(id, userId) };
    }
  }
}
