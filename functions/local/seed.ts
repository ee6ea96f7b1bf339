/**
 * Loads the demo community once: the marker item written last says it is done, so a restart
 * (or a second `npm run seed`) changes nothing; every item has a fixed key, so an interrupted
 * seed simply runs again.
 */
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { communityKeys as k, CommunityRepository } from '../community/repository.js';
import { ProposalRepository } from '../proposals/repository.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { COMMUNITY, ESTATES, SPACES } from './demo/community.js';
import { demo } from './demo/people.js';
import { demoProposals } from './demo/proposals.js';

const MARKER = { pk: 'SEED', sk: 'demo' };

function communityItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [
    { pk: k.community(COMMUNITY.id), sk: 'META', ...COMMUNITY },
    ...ESTATES.map((e) => ({ pk: k.community(COMMUNITY.id), sk: k.estate(e.id), ...e, communityId: COMMUNITY.id })),
    ...SPACES.map((s) => ({ pk: k.community(COMMUNITY.id), sk: `SPACE#${s.id}`, ...s, communityId: COMMUNITY.id })),
    ...demo.households.map((h) => ({ pk: k.estate(h.estateId), sk: k.household(h.id), ...h })),
  ];
  for (const u of demo.users) {
    items.push({ pk: k.user(u.id), sk: 'PROFILE', id: u.id, displayName: u.displayName, communityId: u.communityId });
    for (const h of u.households) {
      items.push({ pk: k.user(u.id), sk: k.household(h.householdId), ...h, gsi1pk: k.household(h.householdId), gsi1sk: k.user(u.id) });
    }
    for (const e of u.committeeOf) items.push({ pk: k.user(u.id), sk: k.committee(e), estateId: e, gsi1pk: k.committee(e), gsi1sk: k.user(u.id) });
    for (const c of u.staffOf) items.push({ pk: k.user(u.id), sk: k.staff(c), communityId: c, gsi1pk: k.staff(c), gsi1sk: k.user(u.id) });
  }
  return items;
}

async function writeAll(db: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending && pending.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
    }
  }
}

async function seedProposals(db: DynamoDBDocumentClient): Promise<void> {
  const { tables } = config();
  const repo = new ProposalRepository(db, tables.proposals);
  const people = new CommunityRepository(db, tables.community);
  for (const p of demoProposals) {
    if (await repo.get(p.id)) continue;
    const author = await people.getMember(p.authorId);
    await repo.create({
      id: p.id, communityId: COMMUNITY.id, title: p.body.title, description: p.body.description, category: p.body.category,
      location: p.body.location ?? null, estimatedCostFen: p.body.estimatedCostFen ?? null, status: 'open', supportCount: 0,
      author: { id: author.id, name: author.displayName }, enteredBy: null, createdAt: p.createdAt, updatedAt: p.createdAt,
    });
    for (const n of p.backers) await repo.changeSupport(p.id, COMMUNITY.id, `resident${n}`, true);
  }
}

/** Returns true when it loaded the demo now, false when it was already there. */
export async function seedDemo(db: DynamoDBDocumentClient = documentClient()): Promise<boolean> {
  const table = config().tables.community;
  const marker = await db.send(new GetCommand({ TableName: table, Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  await writeAll(db, table, communityItems());
  await seedProposals(db);
  await db.send(new PutCommand({ TableName: table, Item: { ...MARKER, seededAt: new Date().toISOString() } }));
  return true;
}
