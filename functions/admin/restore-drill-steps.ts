/**
 * The restore drill's two checks of data: the loss it simulates (what a bad deploy, a script or a person
 * could do to one community: items deleted, items changed, items written after the point to restore to),
 * and the comparison of two exports of the same community, item by item.
 */
import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { contexts, type ContextName } from '../routes.js';
import { newId } from '../shared/ids.js';
import type { CommunityExport } from './community-data.js';

type Item = Record<string, unknown>;
const keyOf = (i: Item) => `${String(i.pk)} ${String(i.sk)}`;

/** Damages community `doc.communityId` in the tables; returns one line per kind of damage. */
export async function simulateLoss(db: DynamoDBDocumentClient, tables: Record<ContextName, string>, doc: CommunityExport): Promise<string[]> {
  const del = (c: ContextName, i: Item) => db.send(new DeleteCommand({ TableName: tables[c], Key: { pk: i.pk, sk: i.sk } }));
  const put = (c: ContextName, Item: Item) => db.send(new PutCommand({ TableName: tables[c], Item }));
  const lines: string[] = [];

  // Half the proposals, every item of each (summary, body, comments).
  const proposalPks = [...new Set(doc.tables.proposals.filter((i) => i.sk === 'META').map((i) => String(i.pk)))];
  const lost = proposalPks.slice(0, Math.ceil(proposalPks.length / 2));
  const lostItems = doc.tables.proposals.filter((i) => lost.includes(String(i.pk)));
  for (const i of lostItems) await del('proposals', i);
  lines.push(`deleted ${lost.length} of ${proposalPks.length} proposals (${lostItems.length} items)`);

  // A booking: the person's index item and their seat on the activity.
  const booking = doc.tables.activities.find((i) => String(i.pk).startsWith('USER#') && String(i.sk).startsWith('BOOKING#'));
  const activity = booking && doc.tables.activities.find((i) => i.pk === `ACTIVITY#${String(booking.activityId)}` && i.sk === 'META');
  if (booking && activity) {
    const who = String(booking.pk).slice('USER#'.length);
    const { [who]: seat, ...others } = activity.b as Record<string, { p?: number }>;
    await del('activities', booking);
    await put('activities', { ...activity, b: others, confirmed: Number(activity.confirmed) - 1, ...(seat?.p ? { pc: Number(activity.pc) - 1 } : { gc: Number(activity.gc) - 1 }) });
    lines.push(`deleted ${who}'s booking of ${String(activity.title)}`);
  }

  // Ledger: one entry's amount changed, the last entry gone.
  const ledger = [...doc.tables.donations].filter((i) => String(i.sk).startsWith('POS#')).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
  const changed = ledger.find((i) => typeof (i.e as Item).amountFen === 'number');
  if (changed) {
    await put('donations', { ...changed, e: { ...(changed.e as Item), amountFen: Number((changed.e as Item).amountFen) + 100 } });
    lines.push(`changed the amount of ledger entry ${String((changed.e as Item).position)}`);
  }
  const last = ledger.at(-1);
  if (last && last !== changed) {
    await del('donations', last);
    lines.push(`deleted ledger entry ${String((last.e as Item).position)}`);
  }

  // A write after the restore point: a proposal the copy-back must remove.
  const id = newId();
  await put('proposals', { pk: `PROPOSAL#${id}`, sk: 'META', id, communityId: doc.communityId, title: 'written after the restore point', status: 'open' });
  lines.push(`added proposal ${id}, written "after the restore point"`);
  return lines;
}

/** Every difference between two exports of one community (apart from when each was made). */
export function compareExports(a: CommunityExport, b: CommunityExport, shown = 5): string[] {
  const out: string[] = [];
  if (a.communityId !== b.communityId || a.format !== b.format || a.version !== b.version) out.push('the exports are of different communities or formats');
  for (const c of contexts) {
    const before = new Map(a.tables[c].map((i) => [keyOf(i), i]));
    const after = new Map(b.tables[c].map((i) => [keyOf(i), i]));
    const missing = [...before.keys()].filter((k) => !after.has(k));
    const extra = [...after.keys()].filter((k) => !before.has(k));
    const changed = [...before.keys()].filter((k) => after.has(k) && !isDeepStrictEqual(before.get(k), after.get(k)));
    for (const [what, keys] of [['missing', missing], ['extra', extra], ['changed', changed]] as const) {
      if (!keys.length) continue;
      out.push(`${c}: ${keys.length} ${what} (${keys.slice(0, shown).join('; ')}${keys.length > shown ? '; …' : ''})`);
    }
  }
  return out;
}
