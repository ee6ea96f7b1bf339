/**
 * Ballots in DynamoDB (rolls: roll-repository.ts). Items:
 *  BALLOT#<id>     META            the ballot: question, rule, frozen totals, result, objections
 *                                  (gsi2: the estate's ballots, gsi3: the community's, newest first)
 *  BALLOT#<id>     UNIT#<unit>     one unit of the frozen roll AND its one counted vote, its receipt and
 *                                  its whole history (gsi1: REP#<user> finds the units a person votes for)
 * Invariants are single-item conditional writes (DESIGN rule 4): "one counted vote per unit, only by
 * its representative, only while open, every change kept" is one UpdateItem on the unit's item.
 * Participation is derived, never counted: a strongly consistent Query of the ballot's unit items sums
 * the area and the distinct heads of the units that hold a vote. While open, META keeps the last such
 * recount (`live`, at most 30 s old: live-participation.ts); at close the tally counts every unit.
 *  BALLOT#<id>     RCPT#<n>        after close: the n-th published receipt (sorted by code, never by
 *                                  unit), paged with a cursor (receipt-repository.ts)
 */
import {
  BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor } from '../shared/db/cursor.js';
import { batchWrite, queryAll, type Item } from './db.js';

export const ballotKeys = {
  ballot: (id: string) => `BALLOT#${id}`,
  unit: (unitId: string) => `UNIT#${unitId}`,
  rep: (userId: string) => `REP#${userId}`,
  estateBallots: (estateId: string) => `ESTATE#${estateId}`,
  communityBallots: (communityId: string) => `COMMUNITY#${communityId}`,
};
const k = ballotKeys;

export type { Item };
/** One step of a unit's history, as stored in its list. */
export interface HistoryItem {
  choice: unknown; at: string; via: 'online' | 'paper' | 'proxy'; by: string;
  evidence?: { formNumber: string; photoRef?: string; note?: string }; onBehalfOf?: string; reason?: string;
}

export class BallotRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** Freezes the roll into the ballot: its unit items first, then META (which makes the ballot exist). */
  async createBallot(meta: Item, units: Item[]): Promise<void> {
    await batchWrite(this.db, this.table, units.map((Item) => ({ PutRequest: { Item } })));
    await this.db.send(new PutCommand({
      TableName: this.table, Item: meta,
      // Why: a ballot id is written once.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async getBallot(id: string): Promise<Item | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: k.ballot(id), sk: 'META' }, ConsistentRead: true }));
    return out.Item ?? null;
  }

  /** Every unit item of a ballot, strongly consistent unless told (the tally, the staff list; a recount while open need not be). */
  ballotUnits(id: string, projection?: string[], consistent = true): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
      ExpressionAttributeValues: { ':pk': k.ballot(id), ':u': 'UNIT#' }, ConsistentRead: consistent,
      ...(projection ? { ProjectionExpression: projection.map((_, i) => `#p${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(projection.map((p, i) => [`#p${i}`, p])) } : {}),
    });
  }

  async getUnit(ballotId: string, unitId: string): Promise<Item | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: k.ballot(ballotId), sk: k.unit(unitId) }, ConsistentRead: true }));
    return out.Item ?? null;
  }

  /** The unit ids a person represents in one ballot (gsi1, written with the frozen roll). */
  async unitIdsOfRep(ballotId: string, userId: string): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :b)',
      ExpressionAttributeValues: { ':pk': k.rep(userId), ':b': `${k.ballot(ballotId)}#` },
    });
    return items.map((i) => String(i.unitId));
  }

  async getUnits(ballotId: string, unitIds: string[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let i = 0; i < unitIds.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unitIds.slice(i, i + 100).map((u) => ({ pk: k.ballot(ballotId), sk: k.unit(u) }));
      while (keys && keys.length) {
        const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true } } }));
        found.push(...(out.Responses?.[this.table] ?? []));
        keys = out.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return found.sort((a, b) => String(a.unitId).localeCompare(String(b.unitId)));
  }

  /**
   * Records one vote on the unit's item: the counted choice, its receipt (made once per unit), and one
   * more history entry, in a single conditional UpdateItem. Returns the item after the write, or null
   * when the condition failed (the caller reads the item to say why).
   */
  async writeVote(ballotId: string, unitId: string, v: {
    choice: unknown; choiceKey: string; via: 'online' | 'paper' | 'proxy'; now: string; by: string; receipt: string;
    entry: HistoryItem; condition: 'representative' | 'first-entry' | 'replace'; maxChanges: number;
  }): Promise<Item | null> {
    const conditions = [
      // Why: only while the ballot is open (closesAt is frozen on the unit; close waits past it).
      ':now >= opensAt', ':now < closesAt',
      // Why: the whole history lives on this item; it may not grow without bound.
      '(attribute_not_exists(changes) OR changes < :max)',
    ];
    const values: Record<string, unknown> = {
      ':c': v.choice, ':ck': v.choiceKey, ':via': v.via, ':now': v.now, ':by': v.by, ':r': v.receipt,
      ':one': 1, ':zero': 0, ':entry': [v.entry], ':empty': [], ':max': v.maxChanges,
    };
    if (v.condition === 'representative') {
      // Why: only the unit's voting representative votes online for it; a repeat of the same vote is no change.
      conditions.push('representativeId = :by', '(attribute_not_exists(ck) OR ck <> :ck OR via <> :via)');
    } else if (v.condition === 'first-entry') {
      // Why: staff may not overwrite a unit's vote without an explicit replace and a reason.
      conditions.push('attribute_not_exists(ck)');
    }
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: k.ballot(ballotId), sk: k.unit(unitId) },
        UpdateExpression: 'SET choice = :c, ck = :ck, via = :via, votedAt = :now, votedBy = :by, receipt = if_not_exists(receipt, :r), '
          + 'changes = if_not_exists(changes, :zero) + :one, history = list_append(if_not_exists(history, :empty), :entry)',
        ConditionExpression: `attribute_exists(pk) AND ${conditions.join(' AND ')}`,
        ExpressionAttributeValues: values, ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes ?? null;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** Publishes the result once: only an open ballot closes (its receipt items are written before). */
  close(id: string, result: Item, noticeEndsAt: string): Promise<boolean> {
    return this.updateMeta(id, {
      UpdateExpression: 'SET #s = :closed, #r = :r, noticeEndsAt = :n, receiptsListed = :t',
      // Why: a ballot is tallied and published exactly once.
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status', '#r': 'result' },
      ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':r': result, ':n': noticeEndsAt, ':t': true },
    });
  }

  /** A ballot closed before receipts had items of their own: its receipt items are now written. */
  markReceiptsListed(id: string): Promise<boolean> {
    return this.updateMeta(id, {
      UpdateExpression: 'SET receiptsListed = :t',
      // Why: only a published result has a receipt list.
      ConditionExpression: '#s = :closed',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':t': true, ':closed': 'closed' },
    });
  }

  /** One request at a time recounts an open ballot's participation (live-participation.ts): true for the one that may. */
  claimRecount(id: string, now: string, claimedBefore: string): Promise<boolean> {
    return this.updateMeta(id, {
      UpdateExpression: 'SET liveClaimAt = :now',
      // Why: while a recount is under way (a claim younger than claimedBefore) nobody else reads every unit.
      ConditionExpression: '#s = :open AND (attribute_not_exists(liveClaimAt) OR liveClaimAt < :before)',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':now': now, ':before': claimedBefore, ':open': 'open' },
    });
  }

  /** Keeps a recount of participation on META, unless a newer one is there already or the ballot has closed. */
  saveLive(id: string, live: { units: number; areaCentiM2: number; heads: number; at: string }): Promise<boolean> {
    return this.updateMeta(id, {
      UpdateExpression: 'SET live = :l',
      // Why: a slower recount never replaces a newer one, and a published result is the only count after close.
      ConditionExpression: '#s = :open AND (attribute_not_exists(live) OR live.#at < :at)',
      ExpressionAttributeNames: { '#s': 'status', '#at': 'at' }, ExpressionAttributeValues: { ':l': live, ':at': live.at, ':open': 'open' },
    });
  }

  private async updateMeta(id: string, input: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.table, Key: { pk: k.ballot(id), sk: 'META' }, ...input }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async addObjection(id: string, objection: Item, now: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: k.ballot(id), sk: 'META' },
        UpdateExpression: 'SET objections = list_append(if_not_exists(objections, :empty), :o), openObjections = if_not_exists(openObjections, :zero) + :one',
        // Why: objections are taken only while the result is on notice, and at most 200 per ballot.
        ConditionExpression: '#s = :closed AND noticeEndsAt > :now AND (attribute_not_exists(objections) OR size(objections) < :max)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':empty': [], ':o': [objection], ':zero': 0, ':one': 1, ':closed': 'closed', ':now': now, ':max': 200 },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async respondToObjection(id: string, index: number, objectionId: string, response: Item): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: k.ballot(id), sk: 'META' },
        UpdateExpression: `SET objections[${index}].#resp = :r, openObjections = openObjections - :one`,
        // Why: the objection at this index is the one named, and it is answered once.
        ConditionExpression: `objections[${index}].id = :oid AND (attribute_not_exists(objections[${index}].#resp) OR objections[${index}].#resp = :null)`,
        ExpressionAttributeNames: { '#resp': 'response' },
        ExpressionAttributeValues: { ':r': response, ':one': 1, ':oid': objectionId, ':null': null },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** Ballots newest first: of one estate (gsi2) or of the whole community (gsi3). */
  async listBallots(scope: { estateId?: string; communityId: string }, limit: number, cursor?: string): Promise<{ items: Item[]; cursor: string | null }> {
    const [index, attr, value] = scope.estateId
      ? ['gsi2', 'gsi2pk', k.estateBallots(scope.estateId)] as const
      : ['gsi3', 'gsi3pk', k.communityBallots(scope.communityId)] as const;
    const sortAttr = index === 'gsi2' ? 'gsi2sk' : 'gsi3sk';
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: index, KeyConditionExpression: `${attr} = :pk`,
      ExpressionAttributeValues: { ':pk': value }, ScanIndexForward: false, Limit: limit,
      ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, { attr, value, keys: ['pk', 'sk', attr, sortAttr] }) } : {}),
    }));
    return { items: out.Items ?? [], cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey as Record<string, string>) : null };
  }
}
