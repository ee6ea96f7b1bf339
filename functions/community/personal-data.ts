/**
 * PIPL: what the platform holds about a person, across every context's table, and the pure rules
 * for erasing it. Finding it is a scan for items that name the person's id anywhere (an export or a
 * departure is rare; a per-person index in every table would cost every write): nothing held about
 * someone can be missed because a feature forgot to register it.
 */
import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { ContextName } from '../routes.js';
import type { Item } from '../shared/db/batch.js';

/** Keys and index attributes are how the item is stored, not data about the person. */
const STORAGE = /^(pk|sk|gsi\d+pk|gsi\d+sk)$/;
/** `fooName` is the name of whoever `fooId` / `fooUserId` names; `name` / `displayName` that of `id` / `userId`. */
const NAME = /^(name|displayName|([a-z][A-Za-z]*)Name)$/;
const idKeysOf = (nameKey: string): string[] => {
  const m = NAME.exec(nameKey);
  if (!m) return [];
  return m[2] ? [`${m[2]}Id`, `${m[2]}UserId`] : ['id', 'userId'];
};
/** Personal fields erased outright when the person leaves (sensitive under PIPL, or contact details). */
export const ERASED_FIELDS = ['birthYear', 'childBirthYears', 'contactNote', 'phoneHint', 'note', 'consent', 'evidence',
  // Notification settings hold the phone number and email address messages went to.
  'settings', 'toldNote'] as const;

export const mentions = (value: unknown, ids: ReadonlySet<string>): boolean => {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((v) => mentions(v, ids));
  if (value instanceof Set) return [...value].some((v) => mentions(v, ids));
  if (value && typeof value === 'object') return Object.values(value).some((v) => mentions(v, ids));
  return false;
};

/** On the person's own partition (`USER#<id>`, `USERREQ#<id>`): theirs even when no attribute repeats the id. */
export const ownPartition = (item: Item, ids: ReadonlySet<string>): boolean =>
  /^USER(REQ)?#/.test(String(item.pk)) && ids.has(String(item.pk).slice(String(item.pk).indexOf('#') + 1));

export const withoutStorageKeys = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.test(k)).map(([k, v]) => [k, v instanceof Set ? [...v] : v]));

/** A stable stand-in for the person in public records: never derived from the name. */
export const pseudonymOf = (userId: string): string =>
  `居民 ${createHash('sha256').update(`gongzhi-left\u0000${userId}`).digest('hex').slice(0, 6).toUpperCase()}`;

/**
 * The item with the person's name replaced by the pseudonym wherever an object pairs one of their ids
 * with a name. Returns the top-level attributes that changed (to update just those), empty when none.
 */
export function pseudonymize(item: Item, ids: ReadonlySet<string>, pseudonym: string): Item {
  const walk = (v: unknown): { value: unknown; changed: boolean } => {
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return { value: out.map((o) => o.value), changed: out.some((o) => o.changed) };
    }
    if (!v || typeof v !== 'object' || v instanceof Set) return { value: v, changed: false };
    const obj = v as Record<string, unknown>;
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) {
      const theirs = idKeysOf(k).some((idKey) => typeof obj[idKey] === 'string' && ids.has(obj[idKey] as string));
      if (theirs && typeof x === 'string' && x !== pseudonym) {
        next[k] = pseudonym;
        changed = true;
      } else {
        const w = walk(x);
        next[k] = w.value;
        changed ||= w.changed;
      }
    }
    return { value: next, changed };
  };
  const top = walk(Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.test(k)))).value as Item;
  const changed: Item = {};
  for (const [k, v] of Object.entries(top)) if (JSON.stringify(v) !== JSON.stringify(item[k])) changed[k] = v;
  return changed;
}

export class PersonalData {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tables: Readonly<Record<ContextName, string>>) {}

  /** Every item of one context's table that names one of the ids. */
  async find(context: ContextName, ids: ReadonlySet<string>): Promise<Item[]> {
    const found: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(new ScanCommand({ TableName: this.tables[context], ...(start ? { ExclusiveStartKey: start } : {}) }));
      for (const i of out.Items ?? []) if (ownPartition(i, ids) || mentions(withoutStorageKeys(i), ids)) found.push(i);
      start = out.LastEvaluatedKey;
    } while (start);
    return found;
  }

  /** Sets only the changed top-level attributes (and removes erased ones), leaving the rest of the item as it is now. */
  async rewrite(context: ContextName, item: Item, set: Item, remove: readonly string[] = []): Promise<void> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const removes = remove.map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    });
    if (sets.length === 0 && removes.length === 0) return;
    await this.db.send(new UpdateCommand({
      TableName: this.tables[context], Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
      // Why: the item may have been deleted meanwhile (a booking cancelled); erasing must not bring it back.
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ...(sets.length ? { ExpressionAttributeValues: values } : {}),
    })).catch((e: unknown) => {
      if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    });
  }
}
