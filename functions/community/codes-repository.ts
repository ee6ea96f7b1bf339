/**
 * One-time household join codes (`CODE#<id>` / `META`). Only a hash of the code is kept: the id is
 * the first 80 bits of the code's SHA-256, so a leaked table does not hold a usable code and the
 * code on a letter finds its item with one read. Redeeming is one conditional update.
 */
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { batchWrite, queryAll } from '../shared/db/batch.js';
import { keys } from './keys.js';

/** Crockford base-32: no I, L, O or U, so a letter read aloud or typed by hand is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newJoinCode = (): string => [...randomBytes(12)].map((b) => ALPHABET[b & 31]).join('');
/** The code as printed: XXXX-XXXX-XXXX. */
export const printed = (code: string): string => code.match(/.{4}/g)!.join('-');
export const codeIdOf = (code: string): string => createHash('sha256').update(code).digest('hex').slice(0, 20);

export interface CodeItem {
  id: string; householdId: string; estateId: string; communityId: string; building: string; room: string;
  status: 'issued' | 'redeemed' | 'revoked'; issuedAt: string; expiresAt: string; issuedBy: string;
  redeemedBy: string | null; redeemedAt: string | null; auditId: string;
  revokedAt?: string; revokedBy?: string; revokeAuditId?: string;
}

export class CodesRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(id: string): Promise<CodeItem | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.code(id), sk: 'META' }, ConsistentRead: true }));
    return (out.Item as CodeItem | undefined) ?? null;
  }

  async putAll(codes: CodeItem[]): Promise<void> {
    await batchWrite(this.db, this.table, codes.map((c) => ({
      PutRequest: { Item: { pk: keys.code(c.id), sk: 'META', ...c, gsi1pk: keys.codes(c.estateId), gsi1sk: `${c.issuedAt}#${c.id}` } },
    })));
  }

  /** Every code of the estate, oldest first. */
  async ofEstate(estateId: string): Promise<CodeItem[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.codes(estateId) },
    });
    return items as unknown as CodeItem[];
  }

  /** True when this call redeemed the code for `userId`. */
  async redeem(id: string, userId: string, now: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.code(id), sk: 'META' },
        UpdateExpression: 'SET #s = :redeemed, redeemedBy = :u, redeemedAt = :now',
        // Why: a code lets exactly one person in, and only while it is issued and not expired.
        ConditionExpression: '#s = :issued AND expiresAt > :now',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':redeemed': 'redeemed', ':issued': 'issued', ':u': userId, ':now': now },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** The code after revoking, or null when it was no longer issued (used or revoked already). */
  async revoke(id: string, by: string, at: string, auditId: string): Promise<CodeItem | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.code(id), sk: 'META' },
        UpdateExpression: 'SET #s = :revoked, revokedAt = :at, revokedBy = :by, revokeAuditId = :a',
        // Why: a used code stays used (its membership is ended instead); revoking twice changes nothing.
        ConditionExpression: '#s = :issued',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':issued': 'issued', ':at': at, ':by': by, ':a': auditId },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes as CodeItem;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }
}
