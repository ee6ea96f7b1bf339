/**
 * Loads the demo community once: the marker item written last says it is done, so a restart
 * (or a second `npm run seed`) changes nothing. The community, its registry and its residents are
 * made by the real use cases, each step skipped or idempotent when done, so an interrupted seed
 * simply runs again.
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
import { seedDonations } from './demo/donations.js';
import { joinDemoResidents, onboardDemo } from './demo/onboard.js';
import { demo } from './demo/people.js';
import { demoProposals, type DemoProposal, type DemoStep } from './demo/proposals.js';

const MARKER = { pk: 'SEED', sk: 'demo' };
/** When the demo community was set up, as its record says. */
const SEEDED_AT = '2026-08-01T00:00:00.000Z';

/**
 * People who have signed in but belong to no household and hold no role (donor1): their profile,
 * as their first sign-in leaves it. Everyone else's is made by joining or by being appointed.
 */
function profilesWithoutHousehold(): Record<string, unknown>[] {
  return demo.users.filter((u) => u.households.length === 0 && u.staffOf.length === 0 && u.committeeOf.length === 0 && u.communityId)
    .map((u) => ({ pk: k.user(u.id), sk: 'PROFILE', id: u.id, displayName: u.displayName, communityId: u.communityId, createdAt: SEEDED_AT }));
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
  // The office creates the community, staff keep its registry, residents join: the real use cases.
  const registry = await onboardDemo(db);
  await joinDemoResidents(db, registry);
  await writeAll(db, table, profilesWithoutHousehold());
  await seedProposals(db);
  await seedActivities(db);
  await seedBallots(db);
  await seedDonations(db);
  await db.send(new PutCommand({ TableName: table, Item: { ...MARKER, seededAt: new Date().toISOString() } }));
  return true;
}
