/**
 * Loads the demo community once: the marker item written last says it is done, so a restart
 * (or a second `npm run seed`) changes nothing; every item has a fixed key, so an interrupted
 * seed simply runs again.
 */
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { communityKeys as k } from '../community/repository.js';
import { addComment } from '../proposals/comments.js';
import { createProposal } from '../proposals/create-proposal.js';
import type { ProposalDeps } from '../proposals/deps.js';
import { answer, fileObjection, respondToObjection, review } from '../proposals/lifecycle.js';
import { changeSupport } from '../proposals/support-proposal.js';
import { addMilestone, complete, startWork } from '../proposals/track-work.js';
import { createProposalDeps } from '../proposals/wire.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { newId } from '../shared/ids.js';
import { seedActivities } from './demo/activities.js';
import { seedBallots } from './demo/ballots.js';
import { COMMUNITY, ESTATES, SPACES } from './demo/community.js';
import { seedDonations } from './demo/donations.js';
import { demo } from './demo/people.js';
import { demoProposals, type DemoProposal, type DemoStep } from './demo/proposals.js';

const MARKER = { pk: 'SEED', sk: 'demo' };
/** When the demo community was set up, as its record says. */
const SEEDED_AT = '2026-08-01T00:00:00.000Z';

function communityItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [
    // Listed with every community (the COMMUNITIES index, as functions/community/keys.ts lays it out).
    { pk: k.community(COMMUNITY.id), sk: 'META', ...COMMUNITY, createdAt: SEEDED_AT, gsi1pk: 'COMMUNITIES', gsi1sk: COMMUNITY.id },
    // In the registry's shape (contracts/registry.ts Estate): building labels and the household count.
    ...ESTATES.map((e) => ({
      pk: k.community(COMMUNITY.id), sk: k.estate(e.id), ...e, communityId: COMMUNITY.id, createdAt: SEEDED_AT,
      buildings: Array.from({ length: e.buildings }, (_, i) => String(i + 1)), households: demo.households.filter((h) => h.estateId === e.id).length,
    })),
    ...SPACES.map((s) => ({ pk: k.community(COMMUNITY.id), sk: `SPACE#${s.id}`, ...s, communityId: COMMUNITY.id })),
    ...demo.households.map((h) => ({ pk: k.estate(h.estateId), sk: k.household(h.id), ...h })),
  ];
  for (const u of demo.users) {
    items.push({
      pk: k.user(u.id), sk: 'PROFILE', id: u.id, displayName: u.displayName, communityId: u.communityId,
      birthYear: u.birthYear, childBirthYears: u.childBirthYears,
    });
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

const demoId = (p: DemoProposal) => `${encodeTime(Date.parse(p.createdAt), 10)}${String(p.n).padStart(16, '0')}`;

function runStep(deps: ProposalDeps, id: string, s: DemoStep): Promise<unknown> {
  switch (s.do) {
    case 'back': return Promise.all(s.residents.map((n) => changeSupport(deps, `resident${n}`, id, true)));
    case 'review': return review(deps, s.by, id);
    case 'answer': return answer(deps, s.by, id, s.answer);
    case 'object': return fileObjection(deps, s.by, id, s.text);
    case 'respond': return respondToObjection(deps, s.by, id, s.objector!, s.text);
    case 'start': return startWork(deps, s.by, id);
    case 'milestone': return addMilestone(deps, s.by, id, s);
    case 'complete': return complete(deps, s.by, id, s.text);
    case 'comment': return addComment(deps, s.by, id, { body: s.text });
  }
}

/** Each demo proposal is made and moved along by the real use cases, the clock set to each step's date. */
async function seedProposals(db: DynamoDBDocumentClient): Promise<void> {
  const base = createProposalDeps(db, config());
  for (const p of demoProposals) {
    const id = demoId(p);
    if (await base.proposals.get(id)) continue;
    let at = p.createdAt;
    let first = true;
    const deps = { ...base, clock: () => at, newId: () => (first ? ((first = false), id) : newId()) };
    await createProposal(deps, p.authorId, p.body);
    for (const step of p.steps) {
      at = step.at;
      await runStep(deps, id, step);
    }
  }
}

/** Returns true when it loaded the demo now, false when it was already there. */
export async function seedDemo(db: DynamoDBDocumentClient = documentClient()): Promise<boolean> {
  const table = config().tables.community;
  const marker = await db.send(new GetCommand({ TableName: table, Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  await writeAll(db, table, communityItems());
  await seedProposals(db);
  await seedActivities(db);
  await seedBallots(db);
  await seedDonations(db);
  await db.send(new PutCommand({ TableName: table, Item: { ...MARKER, seededAt: new Date().toISOString() } }));
  return true;
}
