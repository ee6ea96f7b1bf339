/**
 * Households of an estate (`ESTATE#<estateId>` / `HOUSEHOLD#<householdId>`) and the hash of the last
 * file imported (`IMPORT`). The rows are written first and the hash last: an interrupted import
 * leaves the old hash, so the same file sent again writes its rows again (each put is idempotent).
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite, queryAll, type Item } from '../shared/db/batch.js';
import { keys } from './keys.js';

export interface HouseholdItem {
  id: string; estateId: string; communityId: string; building: string; room: string; areaCentiM2: number;
  owners: string[]; tenants: string[]; phoneHint: string | null; importedAt: string;
}

export class HouseholdsRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async lastImport(estateId: string): Promise<{ hash: string } | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.estate(estateId), sk: 'IMPORT' }, ConsistentRead: true }));
    return out.Item ? { hash: String(out.Item.hash) } : null;
  }

  async list(estateId: string): Promise<HouseholdItem[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': keys.estate(estateId), ':h': 'HOUSEHOLD#' }, ConsistentRead: true,
    });
    return items.map((i) => ({
      id: String(i.id), estateId: String(i.estateId), communityId: String(i.communityId), building: String(i.building), room: String(i.room),
      areaCentiM2: Number(i.areaCentiM2), owners: (i.owners as string[]) ?? [], tenants: (i.tenants as string[]) ?? [],
      phoneHint: (i.phoneHint as string | null | undefined) ?? null, importedAt: String(i.importedAt ?? ''),
    }));
  }

  async get(estateId: string, householdId: string): Promise<HouseholdItem | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.estate(estateId), sk: keys.household(householdId) } }));
    return (out.Item as HouseholdItem | undefined) ?? null;
  }

  async putAll(rows: HouseholdItem[]): Promise<void> {
    await batchWrite(this.db, this.table, rows.map((r) => ({
      PutRequest: { Item: { pk: keys.estate(r.estateId), sk: keys.household(r.id), ...r } },
    })));
  }

  async recordImport(estateId: string, hash: string, at: string, by: string, auditId: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: keys.estate(estateId), sk: 'IMPORT', hash, at, by, auditId } }));
  }

  /** Verified, current members of one household (memberships carry gsi1pk `HOUSEHOLD#<id>`). */
  async members(householdId: string): Promise<Item[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.household(householdId) },
    });
    return items.filter((i) => i.verified === true && i.endedAt === undefined && String(i.sk).startsWith('HOUSEHOLD#'));
  }
}
