/**
 * Communities, their estates and their spaces in the community table (layout: keys.ts). Each
 * create is one conditional put, so a retry or a race never makes two of anything.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Community, Estate, RegistrySpace } from '../contracts/registry.js';
import { isConditionFailed } from '../shared/db/client.js';
import { queryAll } from '../shared/db/batch.js';
import { keys } from './keys.js';
import { defaultSettings, type CommunitySettings } from './rules.js';

type Item = Record<string, unknown>;

export const toCommunity = (i: Item): Community => ({
  id: String(i.id), name: String(i.name), nameEn: (i.nameEn as string | undefined) ?? null, district: (i.district as string | undefined) ?? null,
  settings: { ...defaultSettings, ...((i.settings ?? {}) as Partial<CommunitySettings>) }, createdAt: String(i.createdAt),
});
export const toEstate = (i: Item): Estate => ({
  id: String(i.id), communityId: String(i.communityId), name: String(i.name), nameEn: (i.nameEn as string | undefined) ?? null,
  households: Number(i.households ?? 0), buildings: (i.buildings as string[] | undefined) ?? [], createdAt: String(i.createdAt ?? ''),
});
export const toSpace = (i: Item): RegistrySpace => ({
  id: String(i.id), communityId: String(i.communityId), name: String(i.name), nameEn: String(i.nameEn ?? i.name),
  description: String(i.description ?? ''), descriptionEn: String(i.descriptionEn ?? i.description ?? ''),
  openingHours: String(i.openingHours), capacity: Number(i.capacity), accessibility: String(i.accessibility ?? ''),
  accessibilityEn: String(i.accessibilityEn ?? i.accessibility ?? ''),
});

export class RegistryRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** False when a community with this id already exists. */
  async createCommunity(c: Item & { id: string }): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { pk: keys.community(c.id), sk: 'META', ...c, gsi1pk: keys.communities, gsi1sk: c.id },
        // Why: a community id is taken once; a second create (or a race) must not overwrite the first.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async getCommunity(id: string): Promise<Item | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.community(id), sk: 'META' }, ConsistentRead: true }));
    return out.Item && typeof out.Item.name === 'string' ? out.Item : null;
  }

  async listCommunities(): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.communities },
    });
  }

  /**
   * Sets the settings named in `changes`, each on its own (two staff changing different settings at
   * once both land); returns the item as it was, or null when the community does not exist.
   */
  async setSettings(id: string, changes: Partial<CommunitySettings>, at: string, by: string): Promise<Item | null> {
    const names = Object.keys(changes);
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.community(id), sk: 'META' },
        UpdateExpression: `SET ${names.map((_, i) => `settings.#k${i} = :v${i}`).join(', ')}, settingsChangedAt = :at, settingsChangedBy = :by`,
        // Why: settings belong to a community that exists; never create a half community.
        ConditionExpression: 'attribute_exists(#n) AND attribute_exists(settings)',
        ExpressionAttributeNames: { '#n': 'name', ...Object.fromEntries(names.map((k, i) => [`#k${i}`, k])) },
        ExpressionAttributeValues: { ...Object.fromEntries(names.map((k, i) => [`:v${i}`, changes[k as keyof CommunitySettings]])), ':at': at, ':by': by },
        ReturnValues: 'ALL_OLD',
      }));
      return out.Attributes ?? null;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** False when the estate id is taken. */
  async createEstate(e: Item & { id: string; communityId: string }): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { pk: keys.community(e.communityId), sk: keys.estate(e.id), ...e },
        // Why: an estate is created once; its households hang off its id.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (err) {
      if (isConditionFailed(err)) return false;
      throw err;
    }
  }

  async getEstate(communityId: string, estateId: string): Promise<Item | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: keys.community(communityId), sk: keys.estate(estateId) } }));
    return out.Item ?? null;
  }

  async listPrefixed(communityId: string, prefix: 'ESTATE#' | 'SPACE#'): Promise<Item[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': keys.community(communityId), ':s': prefix },
    }));
    return out.Items ?? [];
  }

  /** The estate's household count and buildings, after an import. */
  async setEstateTotals(communityId: string, estateId: string, households: number, buildings: string[]): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: { pk: keys.community(communityId), sk: keys.estate(estateId) },
      UpdateExpression: 'SET households = :h, buildings = :b',
      // Why: totals only for an estate that exists.
      ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':h': households, ':b': buildings },
    }));
  }

  async createSpace(s: RegistrySpace): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { pk: keys.community(s.communityId), sk: keys.space(s.id), ...s },
        // Why: a space id is taken once in its community; activities refer to it.
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  /** The space after the change, with what it was before; null when there is no such space. */
  async patchSpace(communityId: string, spaceId: string, changes: Item): Promise<{ before: Item; after: Item } | null> {
    const names = Object.keys(changes);
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: keys.community(communityId), sk: keys.space(spaceId) },
        UpdateExpression: `SET ${names.map((n, i) => `#f${i} = :v${i}`).join(', ')}`,
        // Why: change only a space that exists; a PATCH never creates one.
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, changes[n]])),
        ReturnValues: 'ALL_OLD',
      }));
      const before = out.Attributes ?? {};
      return { before, after: { ...before, ...changes } };
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }
}
