/**
 * Becoming (and stopping being) a verified member of a household. Every way in ends in `admit`: the
 * membership item, the profile naming the community, and the audit entry keyed by the membership's
 * own audit id, so a retry after a crash completes what the first attempt began.
 */
import type * as z from 'zod/mini';
import { communityOfId, estateOfHousehold } from '../contracts/common.js';
import type { JoinWithCodeBody } from '../contracts/joining.js';
import type { Me } from '../contracts/me.js';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.js';
import { codeIdOf } from './codes-repository.js';
import { codeState } from './codes.js';
import { getMe } from './get-me.js';
import type { MembershipInput, Relation } from './membership-repository.js';
import { requireStaffOf, type RegistryDeps } from './registry-deps.js';

export interface Admission {
  userId: string; householdId: string; relation: Relation; displayName: string;
  how: MembershipInput['how']; evidence: string | null; actorId: string;
  consent?: { notice: string; sensitive: boolean } | undefined;
}

/** A person belongs to one community at a time: joining another starts after leaving the first. */
export async function assertSameCommunity(deps: RegistryDeps, userId: string, communityId: string): Promise<void> {
  const m = await deps.members.getMember(userId);
  const other = m.households.find((h) => communityOfId(h.estateId) !== communityId);
  if (other) {
    throw new ConflictError(`This account is a member of a household in ${communityOfId(other.estateId)}; leave it first.`, 'other_community');
  }
}

export async function householdOf(deps: RegistryDeps, householdId: string) {
  const estateId = estateOfHousehold(householdId);
  const communityId = communityOfId(householdId);
  const [household, estate] = await Promise.all([deps.households.get(estateId, householdId), deps.registry.getEstate(communityId, estateId)]);
  if (!household || !estate) throw new NotFoundError(`No household ${householdId}.`);
  return { household, estate, estateId, communityId };
}

/** Writes the membership (once), the profile and the audit entry; true when the membership is new. */
export async function admit(deps: RegistryDeps, a: Admission): Promise<boolean> {
  const { household, estate, estateId, communityId } = await householdOf(deps, a.householdId);
  const at = deps.clock();
  const input: MembershipInput = {
    userId: a.userId, householdId: a.householdId, estateId, estateName: String(estate.name),
    estateNameEn: typeof estate.nameEn === 'string' ? estate.nameEn : null, communityId,
    building: household.building, room: household.room, relation: a.relation, displayName: a.displayName,
    how: a.how, evidence: a.evidence, joinedAt: at, joinedBy: a.actorId, auditId: deps.newId(),
  };
  const made = await deps.memberships.add(input);
  const held = made ? input : ((await deps.memberships.get(a.userId, a.householdId)) as unknown as MembershipInput);
  await deps.memberships.touchProfile({ userId: a.userId, displayName: a.displayName, communityId, at, consent: a.consent });
  await deps.audit.append({
    id: held.auditId, at: held.joinedAt, communityId, actorId: held.joinedBy, action: 'household.join', subject: a.householdId,
    evidence: held.evidence, details: { userId: a.userId, relation: held.relation, how: held.how },
  });
  return made;
}

const sameName = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');

export async function joinWithCode(deps: RegistryDeps, callerId: string, body: z.infer<typeof JoinWithCodeBody>): Promise<Me> {
  const code = await deps.codes.get(codeIdOf(body.code));
  if (!code) throw new BadRequestError('This code is not known: check it against the letter.', [{ path: 'code', code: 'unknown_code', message: 'not a code we issued' }], 'unknown_code');
  const now = deps.clock();
  const state = codeState(code, now);
  const mine = state.status === 'redeemed' && code.redeemedBy === callerId;
  if (!mine && state.status !== 'issued') {
    throw new ConflictError(`This code is ${state.status}; ask your grid member for a new letter.`, `code_${state.status}`);
  }
  await assertSameCommunity(deps, callerId, code.communityId);
  if (body.relation === 'owner') {
    // An owner becomes the unit's voting representative: the name must be one on the registry's record.
    const household = await deps.households.get(code.estateId, code.householdId);
    if (!household?.owners.some((o) => sameName(o, body.displayName))) {
      throw new BadRequestError('To join as an owner, give your name as on the property certificate, or join as family and ask staff.',
        [{ path: 'displayName', code: 'not_an_owner', message: 'not one of the owners on record for this household' }], 'not_an_owner');
    }
  }
  if (!mine && !(await deps.codes.redeem(code.id, callerId, now))) {
    const again = await deps.codes.get(code.id);
    if (again?.redeemedBy !== callerId) throw new ConflictError('This code was just used by someone else.', 'code_redeemed');
  }
  await admit(deps, {
    userId: callerId, householdId: code.householdId, relation: body.relation, displayName: body.displayName, how: 'code',
    evidence: `code ${code.id}`, actorId: callerId, consent: body.consent,
  });
  return getMe(deps.members, callerId);
}

async function endOne(deps: RegistryDeps, actorId: string, userId: string, householdId: string, reason: string, action: 'household.end' | 'household.leave') {
  const done = await deps.memberships.end(userId, householdId, { at: deps.clock(), actorId, reason, auditId: deps.newId() });
  const item = done ?? (await deps.memberships.get(userId, householdId));
  if (!item || item.endedAt === undefined) throw new NotFoundError(`${userId} is not a member of ${householdId}.`);
  await deps.audit.append({
    id: String(item.endAuditId), at: String(item.endedAt), communityId: communityOfId(householdId), actorId: String(item.endedBy), action,
    subject: householdId, evidence: String(item.endReason), details: { userId },
  });
  return item;
}

/** The person moves out: their own membership ends. */
export async function leaveHousehold(deps: RegistryDeps, callerId: string, householdId: string): Promise<Me> {
  await endOne(deps, callerId, callerId, householdId, 'left the household', 'household.leave');
  return getMe(deps.members, callerId);
}

/** Staff end someone's membership (moved out, sold the flat), with the reason. */
export async function endMembership(deps: RegistryDeps, callerId: string, householdId: string, userId: string, reason: string) {
  const communityId = communityOfId(householdId);
  await requireStaffOf(deps, callerId, communityId);
  const item = await endOne(deps, callerId, userId, householdId, reason, 'household.end');
  return { householdId, userId, relation: item.relation as Relation, active: false };
}
