/**
 * Residents without a phone: staff register them (no account, id `p-<ulid>`) as verified members of
 * their household, so staff can book, back and enter paper votes for them as for anyone. When the
 * person later signs in, staff link the account: it takes over the memberships, and the person's
 * record points to it, so what staff did for them (bookings, backings, votes) stays theirs.
 */
import type * as z from 'zod/mini';
import type { LinkPersonBody, Person, RegisterPersonBody } from '../contracts/joining.js';
import { communityOfId } from '../contracts/common.js';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.js';
import type { Item } from '../shared/db/batch.js';
import { admit, assertSameCommunity, householdOf } from './join.js';
import { keys } from './keys.js';
import type { Relation } from './membership-repository.js';
import { requireStaffOf, type RegistryDeps } from './registry-deps.js';

const peopleOf = (communityId: string) => `PEOPLE#${communityId}`;

const view = (p: Item): Person => ({
  id: String(p.userId), communityId: String(p.communityId), displayName: String(p.displayName), householdId: String(p.householdId),
  relation: p.relation as Relation, birthYear: typeof p.birthYear === 'number' ? p.birthYear : null, contactNote: String(p.contactNote ?? ''),
  registeredBy: String(p.registeredBy), registeredAt: String(p.registeredAt), linkedUserId: (p.linkedUserId as string | undefined) ?? null,
});

export async function registerPerson(deps: RegistryDeps, callerId: string, communityId: string, body: z.infer<typeof RegisterPersonBody>): Promise<Person> {
  await requireStaffOf(deps, callerId, communityId);
  if (communityOfId(body.householdId) !== communityId) {
    throw new BadRequestError('The household is not in this community.', [{ path: 'householdId', code: 'other_community', message: 'not a household of this community' }]);
  }
  await householdOf(deps, body.householdId);
  const userId = `p-${deps.newId()}`;
  const at = deps.clock();
  const profile = {
    pk: keys.user(userId), sk: 'PROFILE', userId, offline: true, displayName: body.displayName, communityId, householdId: body.householdId,
    relation: body.relation, contactNote: body.contactNote, registeredBy: callerId, registeredAt: at, createdAt: at, evidence: body.evidence,
    ...(body.birthYear !== undefined ? { birthYear: body.birthYear, consent: { notice: 'staff', sensitive: true, at, evidence: body.evidence } } : {}),
    gsi1pk: peopleOf(communityId), gsi1sk: keys.user(userId),
  };
  await deps.memberships.putRaw(profile);
  await admit(deps, { userId, householdId: body.householdId, relation: body.relation, displayName: body.displayName, how: 'staff', evidence: body.evidence, actorId: callerId });
  await deps.audit.append({ id: deps.newId(), at, communityId, actorId: callerId, action: 'person.register', subject: userId, evidence: body.evidence,
    details: { householdId: body.householdId, relation: body.relation } });
  return view(profile);
}

export async function listPeople(deps: RegistryDeps, callerId: string, communityId: string) {
  await requireStaffOf(deps, callerId, communityId);
  const items = await deps.memberships.indexed(peopleOf(communityId));
  return { items: items.map(view).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')) };
}

export async function linkPerson(deps: RegistryDeps, callerId: string, communityId: string, personId: string, body: z.infer<typeof LinkPersonBody>): Promise<Person> {
  await requireStaffOf(deps, callerId, communityId);
  const partition = await deps.memberships.partition(personId);
  const profile = partition.find((i) => i.sk === 'PROFILE' && i.offline === true && i.communityId === communityId);
  if (!profile) throw new NotFoundError(`No person ${personId} registered in ${communityId}.`);
  if (profile.linkedUserId && profile.linkedUserId !== body.userId) throw new ConflictError(`${personId} is linked to another account already.`, 'already_linked');
  if (body.userId === personId || body.userId.startsWith('p-')) throw new BadRequestError('Link to the account the person signs in with.', [{ path: 'userId', code: 'not_an_account', message: 'an account id' }]);
  await assertSameCommunity(deps, body.userId, communityId);
  const at = deps.clock();
  for (const m of partition.filter((i) => String(i.sk).startsWith('HOUSEHOLD#') && i.endedAt === undefined)) {
    await admit(deps, { userId: body.userId, householdId: String(m.householdId), relation: m.relation as Relation, displayName: String(profile.displayName),
      how: 'link', evidence: body.evidence, actorId: callerId });
    await deps.memberships.end(personId, String(m.householdId), { at, actorId: callerId, reason: `linked to ${body.userId}`, auditId: deps.newId() });
  }
  const auditId = String(profile.linkAuditId ?? deps.newId());
  const linked = { ...profile, linkedUserId: body.userId, linkedAt: profile.linkedAt ?? at, linkedBy: profile.linkedBy ?? callerId, linkAuditId: auditId };
  await deps.memberships.putRaw(linked);
  await deps.memberships.linkBack(body.userId, personId, profile);
  await deps.audit.append({ id: auditId, at: String(linked.linkedAt), communityId, actorId: callerId, action: 'person.link', subject: personId,
    evidence: body.evidence, details: { userId: body.userId } });
  return view(linked);
}
