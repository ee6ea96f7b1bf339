/**
 * Roles on the person's own partition (so one Query reads everything about a caller): staff of a
 * community, a seat on an estate's committee, platform admin. A revocation marks the item rather
 * than deleting it, so the grant, its evidence and its end stay readable and each audit entry can be
 * written again from the item after a crash.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { queryAll } from '../shared/db/batch.js';
import { keys } from './keys.js';

export type RoleKind = 'staff' | 'committee' | 'platform-admin';
export interface RoleItem {
  userId: string; role: RoleKind; scope: string; displayName: string; evidence: string;
  grantedAt: string; grantedBy: string; auditId: string;
  revokedAt?: string; revokedBy?: string; revokeReason?: string; revokeAuditId?: string;
}

const skOf = (role: RoleKind, scope: string) =>
  role === 'staff' ? keys.staff(scope) : role === 'committee' ? keys.committee(scope) : keys.platform;
const gsiOf = (role: RoleKind, scope: string) => (role === 'platform-admin' ? 'PLATFORM' : skOf(role, scope));

export class RolesRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(userId: string, role: RoleKind, scope: string): Promise<RoleItem | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.user(userId), sk: skOf(role, scope) }, ConsistentRead: true }));
    return (out.Item as RoleItem | undefined) ?? null;
  }

  /** True when this call granted the role; false when it was already held (the item is left as it was). */
  async grant(r: RoleItem): Promise<boolean> {
    const scopeAttr = r.role === 'staff' ? { communityId: r.scope } : r.role === 'committee' ? { estateId: r.scope } : {};
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { pk: keys.user(r.userId), sk: skOf(r.role, r.scope), ...r, ...scopeAttr, gsi1pk: gsiOf(r.role, r.scope), gsi1sk: keys.user(r.userId) },
        // Why: a role held now is not granted twice (its first evidence stays); a revoked one may be granted anew.
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(revokedAt)',
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** The item after revoking, or null when the role was not held (never granted, or already revoked). */
  async revoke(userId: string, role: RoleKind, scope: string, by: { at: string; actorId: string; reason: string; auditId: string }): Promise<RoleItem | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.user(userId), sk: skOf(role, scope) },
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by, revokeReason = :r, revokeAuditId = :a REMOVE gsi1pk, gsi1sk',
        // Why: only a role held now can be revoked, and only once.
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': by.at, ':by': by.actorId, ':r': by.reason, ':a': by.auditId },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes as RoleItem;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** Who holds the role in this scope now (revoked items leave the index). */
  async holders(role: RoleKind, scope: string): Promise<RoleItem[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': gsiOf(role, scope) },
    });
    return items.filter((i) => i.revokedAt === undefined && (i.role ?? role) === role) as unknown as RoleItem[];
  }
}
