/**
 * The per-resident backing limit (a community setting; 0 = none). The resident's own item holds
 * the set of proposals they back, so "at most N" is one conditional write on one item. The
 * proposal's backer set stays the truth of the count: this set is claimed first and given back
 * when the proposal refuses, and a claim left behind by a crash is simply reused on the next try.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';

const key = (userId: string) => ({ pk: `USER#${userId}`, sk: 'BACKINGS' });

export class SupportLimitRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** True when the resident may back one more (or already claimed this one). */
  async claim(userId: string, proposalId: string, limit: number): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: key(userId), UpdateExpression: 'ADD backed :p',
        // Why: at most `limit` backings at once; re-claiming one already held is always fine.
        ConditionExpression: 'attribute_not_exists(backed) OR size(backed) < :limit OR contains(backed, :id)',
        ExpressionAttributeValues: { ':p': new Set([proposalId]), ':limit': limit, ':id': proposalId },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async release(userId: string, proposalId: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: key(userId), UpdateExpression: 'DELETE backed :p',
      ExpressionAttributeValues: { ':p': new Set([proposalId]) },
    }));
  }
}
