/**
 * A community's complete data across every table, for backup, moving and restore drills. Tables are
 * scanned whole (an operator's task, not a request path) and an item belongs to the community when
 * it names it (a `communityId` attribute, a `COMMUNITY#<c>`-style key part, an estate or household
 * id `<c>.…`), or when its keys name an entity (a ULID, or the user of a `USER#<u>` key) that such an
 * item's partition key names — repeated until nothing new joins, so bookings, backings, votes and
 * chain entries come with the activities, proposals, ballots and ledger they belong to. Importing with
 * `replace` makes the community in the tables what the export holds: it writes every item and deletes the
 * community's others (the copy-back of a point-in-time restore, README).
 */
import { BatchWriteCommand, GetCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { contexts, type ContextName } from '../routes.js';
import { fromPlain, toPlain } from './export-json.js';

type Item = Record<string, unknown>;
export const EXPORT_FORMAT = 'gongzhi-community-export';
/** Version 2 writes sets as `{"$SS": [...]}` (export-json.ts); version 1 wrote them as `{}`, losing them. */
export interface CommunityExport {
  format: typeof EXPORT_FORMAT; version: 2; communityId: string; exportedAt: string;
  tables: Record<ContextName, Item[]>;
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const partsOf = (item: Item, attrs = KEY_ATTRS) =>
  attrs.flatMap((a) => (typeof item[a] === 'string' ? (item[a] as string).split('#') : []));

async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: table, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }))
      .catch((e: Error) => { throw e.name === 'ResourceNotFoundException' ? new Error(`There is no table "${table}" here.`) : e; });
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const scanTables = async (db: DynamoDBDocumentClient, tables: Record<ContextName, string>) =>
  Object.fromEntries(await Promise.all(contexts.map(async (c) => [c, await scanAll(db, tables[c])] as const))) as Record<ContextName, Item[]>;
const keyOf = (i: Item) => `${String(i.pk)}\u0000${String(i.sk)}`;

/** Which of these items belong to community `c` (pure: the test of the rule needs no database). */
export function selectCommunity(c: string, all: Record<ContextName, Item[]>): Record<ContextName, Item[]> {
  const names = (p: string) => p === c || p.startsWith(`${c}.`);
  const chosen = new Set<Item>();
  const entities = new Set<string>();
  const take = (item: Item) => {
    chosen.add(item);
    const pk = String(item.pk).split('#');
    pk.forEach((p, i) => { if (ULID.test(p) || (pk[i - 1] === 'USER' && p)) entities.add(p); });
  };
  for (const c2 of contexts) for (const item of all[c2]) if (item.communityId === c || partsOf(item).some(names)) take(item);
  for (let round = 0, before = -1; round < 6 && chosen.size !== before; round++) {
    before = chosen.size;
    for (const c2 of contexts) {
      // A partition key naming an owned entity or person, or a sort key naming an owned entity (a ULID): a
      // person's backing of another community's proposal stays with that proposal.
      for (const item of all[c2]) {
        if (!chosen.has(item) && (partsOf(item, ['pk']).some((p) => entities.has(p))
          || partsOf(item, ['sk']).some((p) => ULID.test(p) && entities.has(p)))) take(item);
      }
    }
  }
  return Object.fromEntries(contexts.map((c2) => [c2, all[c2].filter((i) => chosen.has(i))])) as Record<ContextName, Item[]>;
}

export async function exportCommunity(db: DynamoDBDocumentClient, tables: Record<ContextName, string>, communityId: string, at: string): Promise<CommunityExport> {
  const picked = selectCommunity(communityId, await scanTables(db, tables));
  if (!picked.community.some((i) => i.pk === `COMMUNITY#${communityId}` && i.sk === 'META')) {
    throw new Error(`There is no community "${communityId}" in these tables.`);
  }
  const plain = Object.fromEntries(contexts.map((c) => [c, picked[c].map(toPlain)])) as Record<ContextName, Item[]>;
  return { format: EXPORT_FORMAT, version: 2, communityId, exportedAt: at, tables: plain };
}

/**
 * What `import-community --replace` deletes: the items of community `c` that the tables would hold once the
 * export is written over them (the live items with the export's laid on top) and the export does not, so the
 * community is as it was when exported. An item another community's export would also take (a resident's
 * booking of a neighbouring community's activity, and with it that resident's items) is kept and named:
 * replacing one community never changes another.
 */
export function staleItems(c: string, live: Record<ContextName, Item[]>, doc: Record<ContextName, Item[]>): { stale: Record<ContextName, Item[]>; kept: string[] } {
  const merged = Object.fromEntries(contexts.map((t) => [t, [...new Map([...live[t], ...doc[t]].map((i) => [keyOf(i), i])).values()]])) as Record<ContextName, Item[]>;
  const id = (t: ContextName, i: Item) => `${t}: ${String(i.pk)} ${String(i.sk)}`;
  const inDoc = new Set(contexts.flatMap((t) => doc[t].map((i) => id(t, i))));
  const mine = selectCommunity(c, merged);
  const candidates = contexts.flatMap((t) => mine[t].filter((i) => !inDoc.has(id(t, i))).map((i) => [t, i] as const));
  const claimed = new Set<string>();
  const others = candidates.length ? merged.community.filter((i) => i.sk === 'META' && String(i.pk).startsWith('COMMUNITY#') && i.pk !== `COMMUNITY#${c}`) : [];
  for (const other of others) {
    const theirs = selectCommunity(String(other.pk).slice('COMMUNITY#'.length), merged);
    for (const t of contexts) for (const i of theirs[t]) claimed.add(id(t, i));
  }
  const stale = Object.fromEntries(contexts.map((t) => [t, [] as Item[]])) as Record<ContextName, Item[]>;
  const kept: string[] = [];
  for (const [t, i] of candidates) {
    if (claimed.has(id(t, i))) kept.push(id(t, i));
    else stale[t].push(i);
  }
  return { stale, kept };
}

async function batchWrite(db: DynamoDBDocumentClient, table: string, requests: Item[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Item[] | undefined = requests.slice(i, i + 25);
    while (pending && pending.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
      pending = out.UnprocessedItems?.[table] as Item[] | undefined;
    }
  }
}

/**
 * An export file's text as JSON. `npm run admin -- export-community <id> > file.json` leaves npm's own
 * banner (`> gongzhi@… admin` and the command line) above the JSON, since npm prints it to stdout;
 * those lines are skipped. Anything else that is not JSON is refused with the parser's reason.
 */
export function parseExportFile(text: string, name: string): unknown {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let start = 0;
  while (start < lines.length && (/^> /.test(lines[start]!) || lines[start]!.trim() === '')) start += 1;
  try {
    return JSON.parse(lines.slice(start).join('\n'));
  } catch (e) {
    throw new Error(`${name} is not a community export (JSON): ${(e as Error).message}`);
  }
}

export interface ImportResult {
  written: Record<ContextName, number>;
  /** With `replace`: the community's items that were not in the export, per table. */
  deleted: Record<ContextName, number>;
  /** With `replace`: items not in the export kept because another community's export holds them too. */
  kept: string[];
}

/**
 * Writes every item of an export; refuses when the community is already there unless `replace`, which also
 * deletes the community's items the export does not hold (staleItems). Running it again changes nothing.
 */
export async function importCommunity(db: DynamoDBDocumentClient, tables: Record<ContextName, string>, doc: unknown, replace = false): Promise<ImportResult> {
  const d = doc as Omit<Partial<CommunityExport>, 'version'> & { version?: unknown };
  if (!d || d.format !== EXPORT_FORMAT || (d.version !== 1 && d.version !== 2) || typeof d.communityId !== 'string' || !d.tables) {
    throw new Error(`Not a community export (expected "format": "${EXPORT_FORMAT}", "version": 2 or 1).`);
  }
  for (const c of contexts) {
    if (!Array.isArray(d.tables[c]) || d.tables[c].some((i) => typeof i?.pk !== 'string' || typeof i?.sk !== 'string')) {
      throw new Error(`The export's "${c}" table is not a list of items with pk and sk.`);
    }
  }
  const items = Object.fromEntries(contexts.map((c) => [c, d.tables![c].map((i) => fromPlain(i) as Item)])) as Record<ContextName, Item[]>;
  const meta = await db.send(new GetCommand({ TableName: tables.community, Key: { pk: `COMMUNITY#${d.communityId}`, sk: 'META' }, ConsistentRead: true }));
  if (meta.Item && !replace) throw new Error(`The community "${d.communityId}" is already here; pass --replace to write the export over it.`);
  // Read before writing: the export's items are laid over what is read, as the tables will hold them.
  const { stale, kept } = replace ? staleItems(d.communityId, await scanTables(db, tables), items) : { stale: undefined, kept: [] };
  const written = {} as Record<ContextName, number>;
  const deleted = {} as Record<ContextName, number>;
  for (const c of contexts) {
    await batchWrite(db, tables[c], items[c].map((Item) => ({ PutRequest: { Item } })));
    written[c] = items[c].length;
  }
  for (const c of contexts) {
    const gone = stale?.[c] ?? [];
    await batchWrite(db, tables[c], gone.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));
    deleted[c] = gone.length;
  }
  return { written, deleted, kept };
}
