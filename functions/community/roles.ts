/**
 * Appointing and revoking: the platform admin appoints community staff; staff seat estate committee
 * members. Each needs evidence, is idempotent, and is written to the community's audit log.
 */
import type { RoleGrant } from '../contracts/registry.js';
import { communityOfId } from '../contracts/common.js';
import { NotFoundError } from '../shared/errors.js';
import { PLATFORM_AUDIT } from './keys.js';
import { requireEstateAccess, requirePlatformAdmin, requireStaffOf, type RegistryDeps } from './registry-deps.js';
import type { RoleItem, RoleKind } from './roles-repository.js';

interface Target { role: RoleKind; scope: string; communityId: string }
const actionOf = (role: RoleKind, what: 'grant' | 'revoke') => `${role}.${what}` as const;
const view = (r: RoleItem, active: boolean, changed: boolean): RoleGrant => ({
  userId: r.userId, role: r.role, scope: r.scope, active, changed, at: (active ? r.grantedAt : r.revokedAt) ?? r.grantedAt,
});

async function grant(deps: RegistryDeps, callerId: string, t: Target, userId: string, body: { displayName?: string | undefined; evidence: string }) {
  const item: RoleItem = {
    userId, role: t.role, scope: t.scope, displayName: body.displayName ?? userId, evidence: body.evidence,
    grantedAt: deps.clock(), grantedBy: callerId, auditId: deps.newId(),
  };
  const changed = await deps.roles.grant(item);
  const held = changed ? item : (await deps.roles.get(userId, t.role, t.scope))!;
  // Written again when the role was already held: after a crash between the two writes, the retry repairs the log.
  await deps.audit.append({
    id: held.auditId, at: held.grantedAt, communityId: t.communityId, actorId: held.grantedBy, action: actionOf(t.role, 'grant'),
    subject: userId, evidence: held.evidence, details: { scope: t.scope, displayName: held.displayName },
  });
  return view(held, true, changed);
}

async function revoke(deps: RegistryDeps, callerId: string, t: Target, userId: string, reason: string) {
  const done = await deps.roles.revoke(userId, t.role, t.scope, { at: deps.clock(), actorId: callerId, reason, auditId: deps.newId() });
  const item = done ?? (await deps.roles.get(userId, t.role, t.scope));
  if (!item) throw new NotFoundError(`${userId} does not hold this role.`);
  if (item.revokedAt === undefined) throw new NotFoundError(`${userId} does not hold this role.`);
  await deps.audit.append({
    id: item.revokeAuditId!, at: item.revokedAt, communityId: t.communityId, actorId: item.revokedBy!, action: actionOf(t.role, 'revoke'),
    subject: userId, evidence: item.revokeReason ?? null, details: { scope: t.scope },
  });
  return view(item, false, done !== null);
}

export async function grantStaff(deps: RegistryDeps, callerId: string, communityId: string, userId: string, body: { displayName?: string | undefined; evidence: string }) {
  await requirePlatformAdmin(deps, callerId);
  if (!(await deps.registry.getCommunity(communityId))) throw new NotFoundError(`No community ${communityId}.`);
  return grant(deps, callerId, { role: 'staff', scope: communityId, communityId }, userId, body);
}

export async function revokeStaff(deps: RegistryDeps, callerId: string, communityId: string, userId: string, reason: string) {
  await requirePlatformAdmin(deps, callerId);
  return revoke(deps, callerId, { role: 'staff', scope: communityId, communityId }, userId, reason);
}

export async function grantCommittee(deps: RegistryDeps, callerId: string, estateId: string, userId: string, body: { displayName?: string | undefined; evidence: string }) {
  const communityId = communityOfId(estateId);
  await requireEstateAccess(deps, callerId, communityId, estateId, false);
  return grant(deps, callerId, { role: 'committee', scope: estateId, communityId }, userId, body);
}

export async function revokeCommittee(deps: RegistryDeps, callerId: string, estateId: string, userId: string, reason: string) {
  const communityId = communityOfId(estateId);
  await requireEstateAccess(deps, callerId, communityId, estateId, false);
  return revoke(deps, callerId, { role: 'committee', scope: estateId, communityId }, userId, reason);
}

/** Bootstrap only (the admin CLI): there is no route, since no one above the platform admin could call it. */
export async function grantPlatformAdmin(deps: RegistryDeps, actorId: string, userId: string, evidence: string) {
  return grant(deps, actorId, { role: 'platform-admin', scope: 'platform', communityId: PLATFORM_AUDIT }, userId, { evidence });
}

export async function listRoles(deps: RegistryDeps, callerId: string, communityId: string) {
  await requireStaffOf(deps, callerId, communityId);
  const estates = await deps.registry.listPrefixed(communityId, 'ESTATE#');
  const lists = await Promise.all([
    deps.roles.holders('staff', communityId),
    ...estates.map((e) => deps.roles.holders('committee', String(e.id))),
  ]);
  return {
    items: lists.flat().map((r) => ({
      userId: r.userId, displayName: r.displayName ?? r.userId, role: r.role ?? 'staff', scope: r.scope ?? communityId,
      since: r.grantedAt ?? '1970-01-01T00:00:00.000Z', evidence: r.evidence ?? '',
    })),
  };
}
