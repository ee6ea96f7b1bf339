/**
 * Joining by request: the person names estate, building, room and relation; staff see the queue and
 * accept (with the evidence they saw, e.g. the property certificate) or refuse (with the reason),
 * once. Accepting admits the person exactly as a code would.
 */
import type * as z from 'zod/mini';
import { countWrite } from './write-limit.js';
import { communityOfId } from '../contracts/common.js';
import type { DecisionBody, HouseholdRequest, HouseholdRequestBody } from '../contracts/joining.js';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.js';
import { unitOf } from './households-csv.js';
import { admit, assertSameCommunity } from './join.js';
import { requireStaffOf, type RegistryDeps } from './registry-deps.js';
import type { RequestItem } from './requests-repository.js';

const view = ({ auditId: _a, decisionAuditId: _d, evidence: _e, ...r }: RequestItem): HouseholdRequest => r;

export async function createRequest(deps: RegistryDeps, callerId: string, body: z.infer<typeof HouseholdRequestBody>): Promise<HouseholdRequest> {
  const communityId = communityOfId(body.estateId);
  const estate = await deps.registry.getEstate(communityId, body.estateId);
  if (!estate) throw new NotFoundError(`No estate ${body.estateId}.`);
  const householdId = `${body.estateId}.${unitOf(body.building, body.room)}`;
  if (!(await deps.households.get(body.estateId, householdId))) {
    throw new BadRequestError('There is no such flat in the estate\'s registry; check the building and room.',
      [{ path: 'room', code: 'unknown_household', message: `no room ${body.room} in building ${body.building}` }], 'unknown_household');
  }
  await assertSameCommunity(deps, callerId, communityId);
  if (await deps.memberships.get(callerId, householdId).then((m) => m && m.endedAt === undefined)) {
    throw new ConflictError('You are a member of this household already.', 'already_member');
  }
  const pending = (await deps.requests.ofUser(callerId)).find((r) => r.householdId === householdId && r.status === 'pending');
  if (pending) throw new ConflictError('You have asked to join this household already; staff will answer.', 'request_pending');
  await countWrite({ settingsOf: (c) => deps.members.getSettings(c), writeLimits: deps.writeLimits }, await deps.members.getMember(callerId), communityId, 'householdRequests', deps.clock());
  const r: RequestItem = {
    id: deps.newId(), communityId, estateId: body.estateId, householdId, building: body.building, room: body.room,
    relation: body.relation, userId: callerId, displayName: body.displayName, note: body.note ?? null, status: 'pending',
    createdAt: deps.clock(), decidedAt: null, decidedBy: null, reason: null, auditId: deps.newId(),
  };
  await deps.requests.create(r);
  await deps.memberships.touchProfile({ userId: callerId, displayName: body.displayName, communityId, at: r.createdAt, consent: body.consent });
  await deps.audit.append({ id: r.auditId, at: r.createdAt, communityId, actorId: callerId, action: 'household.request', subject: householdId,
    details: { requestId: r.id, relation: r.relation } });
  return view(r);
}

export async function myRequests(deps: RegistryDeps, callerId: string) {
  return { items: (await deps.requests.ofUser(callerId)).map(view) };
}

export async function requestQueue(deps: RegistryDeps, callerId: string, communityId: string, status?: string) {
  await requireStaffOf(deps, callerId, communityId);
  return { items: (await deps.requests.queue(communityId, status)).map(view) };
}

export async function decideRequest(deps: RegistryDeps, callerId: string, id: string, body: z.infer<typeof DecisionBody>): Promise<HouseholdRequest> {
  const r = await deps.requests.get(id);
  if (!r) throw new NotFoundError('No such request.');
  await requireStaffOf(deps, callerId, r.communityId);
  const accept = body.decision === 'accept';
  const reason = body.decision === 'accept' ? body.evidence : body.reason;
  const decided = await deps.requests.decide(r, { status: accept ? 'accepted' : 'refused', at: deps.clock(), by: callerId, reason, auditId: deps.newId() });
  const after = decided ?? (await deps.requests.get(id))!;
  // Someone else decided first, or decided differently: the first decision stands.
  if (!decided && (after.decidedBy !== callerId || after.status !== (accept ? 'accepted' : 'refused'))) {
    throw new ConflictError(`This request was already ${after.status} by ${after.decidedBy}.`, 'already_decided');
  }
  if (after.status === 'accepted') {
    await admit(deps, {
      userId: after.userId, householdId: after.householdId!, relation: after.relation, displayName: after.displayName, how: 'request',
      evidence: after.reason, actorId: after.decidedBy!,
    });
  }
  await deps.audit.append({
    id: after.decisionAuditId!, at: after.decidedAt!, communityId: after.communityId, actorId: after.decidedBy!,
    action: after.status === 'accepted' ? 'household.accept' : 'household.refuse', subject: after.householdId ?? after.estateId,
    evidence: after.reason, details: { requestId: id, userId: after.userId },
  });
  // The applicant is told (a retried decision, which reaches here again, tells once).
  await deps.notify([{ userId: after.userId, communityId: after.communityId, kind: 'household.decided', key: `household#${id}`,
    params: { decision: after.status === 'accepted' ? 'accept' : 'refuse', household: after.householdId ?? after.estateId, reason: after.reason ?? '' },
    link: '/join', at: after.decidedAt! }]);
  return view(after);
}
