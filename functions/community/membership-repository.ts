/**
 * Memberships (`USER#<u>` / `HOUSEHOLD#<h>`) and the person's PROFILE: the two items joining writes,
 * whichever way the person joined (a code, an accepted request, staff registering someone offline).
 * A membership that ended keeps its item (`endedAt`, who, why) so the history and the audit stay.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { queryAll, type Item } from '../shared/db/batch.js';
import { keys } from './keys.js';

export type Relation = 'owner' | 'tenant' | 'family';
export interface MembershipInput {
  userId: string; householdId: string; estateId: string; estateName: string; estateNameEn: string | null; communityId: string;
  building: string; room: string; relation: Relation; displayName: string;
  how: 'code' | 'request' | 'staff' | 'link'; evidence: string | null; joinedAt: string; joinedBy: string; auditId: string;
}
export interface ProfileInput {
  userId: string; displayName: string; communityId: string; at: string;
  consent?: { notice: string; sensitive: boolean } | undefined;
}

export class MembershipRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(userId: string, householdId: string): Promise<Item | null> {
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: keys.user(userId), sk: keys.household(householdId) }, ConsistentRead: true,
    }));
    return out.Item ?? null;
  }

  /** True when this call made the membership; false when the person already was a current member. */
  async add(m: MembershipInput): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: {
          pk: keys.user(m.userId), sk: keys.household(m.householdId), ...m, unit: m.room, verified: true,
          gsi1pk: keys.household(m.householdId), gsi1sk: keys.user(m.userId),
        },
        // Why: a current membership is not made twice (its first evidence stays); an ended one may start anew.
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(endedAt)',
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** The item after ending it, or null when there was no current membership. */
  async end(userId: string, householdId: string, by: { at: string; actorId: string; reason: string; auditId: string }): Promise<Item | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.user(userId), sk: keys.household(householdId) },
        UpdateExpression: 'SET endedAt = :at, endedBy = :by, endReason = :r, endAuditId = :a REMOVE gsi1pk, gsi1sk',
        // Why: only a current membership ends, and only once.
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(endedAt)',
        ExpressionAttributeValues: { ':at': by.at, ':by': by.actorId, ':r': by.reason, ':a': by.auditId },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes ?? null;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** Creates the profile, or names the community on one that had none; the first display name stays. */
  async touchProfile(p: ProfileInput): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: { pk: keys.user(p.userId), sk: 'PROFILE' },
      UpdateExpression: `SET displayName = if_not_exists(displayName, :n), communityId = :c, createdAt = if_not_exists(createdAt, :at)${p.consent ? ', consent = :consent' : ''}`,
      ExpressionAttributeValues: {
        ':n': p.displayName, ':c': p.communityId, ':at': p.at, ...(p.consent ? { ':consent': { ...p.consent, at: p.at } } : {}),
      },
    }));
  }

  /** Everything on the person's partition, ended and revoked items included. */
  partition(userId: string): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.user(userId) }, ConsistentRead: true,
    });
  }

  /** Items on a gsi1 partition (e.g. a community's residents registered without an account). */
  indexed(gsi1pk: string): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': gsi1pk },
    });
  }

  /**
   * The account's profile remembers the offline records it took over (their bookings, backings and
   * votes stay under the old id and are shown as the account's), and a birth year staff recorded.
   */
  async linkBack(userId: string, personId: string, person: Item): Promise<void> {
    const birth = typeof person.birthYear === 'number' ? ', birthYear = if_not_exists(birthYear, :b)' : '';
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: { pk: keys.user(userId), sk: 'PROFILE' },
      UpdateExpression: `ADD linkedPersons :p SET displayName = if_not_exists(displayName, :n)${birth}`,
      ExpressionAttributeValues: { ':p': new Set([personId]), ':n': person.displayName, ...(birth ? { ':b': person.birthYear } : {}) },
    }));
  }

  async putRaw(item: Item): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: item }));
  }
}
