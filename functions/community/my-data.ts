/**
 * PIPL for the person themselves: see everything held about them (`GET /api/me/data`) and leave the
 * platform (`DELETE /api/me`). Leaving ends memberships and roles, erases personal fields, and puts a
 * pseudonym where public records (proposals, comments, bookings, ballots, the ledger's private part)
 * carried the name. The ledger's public entries are chained and cannot change: a gift is published
 * under a name only when the donor chose so at the time, and staff's names on entries they recorded
 * are records of their office.
 */
import type { LeftPlatform, MyData } from '../contracts/joining.js';
import { contexts, type ContextName } from '../route-def.js';
import type { Item } from '../shared/db/batch.js';
import { ERASED_FIELDS, ownPartition, pseudonymize, pseudonymOf, withoutStorageKeys } from './personal-data.js';
import type { RegistryDeps } from './registry-deps.js';
import type { RoleKind } from './roles-repository.js';

export const PRIVACY_NOTICE =
  'Gongzhi keeps your display name, the households you belong to and how you joined (to let you back proposals, book and vote for your ' +
  'household), what you proposed, backed, booked, gave and voted, and the audit of staff decisions about you. Community staff and your ' +
  'estate\'s committee see your household membership; the public sees only what you publish. Birth years (yours, your children\'s) are ' +
  'sensitive: kept only with your separate consent, for priority seats, seen by staff. What you were told (notifications) and, ' +
  'only while you want SMS or email, your phone number or email address are kept to tell you; staff see what a grid member should tell ' +
  'you when no channel reaches you. You can download all of it here and leave at any time.';

async function idsOf(deps: RegistryDeps, userId: string): Promise<Set<string>> {
  const profile = (await deps.memberships.partition(userId)).find((i) => i.sk === 'PROFILE');
  const linked = profile?.linkedPersons instanceof Set ? [...(profile.linkedPersons as Set<string>)] : [];
  return new Set([userId, ...linked]);
}

export async function myData(deps: RegistryDeps, callerId: string): Promise<MyData> {
  const ids = await idsOf(deps, callerId);
  const found = await Promise.all(contexts.map((c) => deps.personal.find(c, ids)));
  const by = Object.fromEntries(contexts.map((c, i) => [c, found[i]!.map(withoutStorageKeys)])) as Record<ContextName, Item[]>;
  return {
    exportedAt: deps.clock(), userId: callerId, notice: PRIVACY_NOTICE,
    community: by.community, proposals: by.proposals, activities: by.activities, donations: by.donations, ballots: by.ballots,
    notifications: by.notifications,
  };
}

const roleOf = (sk: string): { role: RoleKind; scope: string } | null =>
  sk.startsWith('STAFF#') ? { role: 'staff', scope: sk.slice(6) }
    : sk.startsWith('COMMITTEE#') ? { role: 'committee', scope: sk.slice(10) }
      : sk === 'PLATFORM' ? { role: 'platform-admin', scope: 'platform' } : null;

/** The ledger's private part, erased: the commitment it was chained with stays so the chain verifies. */
const erasedPart = (item: Item, pseudonym: string, at: string) => {
  const p = item.p as { idem?: unknown };
  const e = item.e as { commitment?: string };
  return { salt: '', donorName: pseudonym, erasedAt: at, erasedCommitment: e.commitment, ...(p.idem ? { idem: p.idem } : {}) };
};

export async function leavePlatform(deps: RegistryDeps, callerId: string): Promise<LeftPlatform> {
  const at = deps.clock();
  const pseudonym = pseudonymOf(callerId);
  const ids = await idsOf(deps, callerId);
  const reason = { at, actorId: callerId, reason: 'left the platform' };
  let membershipsEnded = 0;
  const communities = new Set<string>();
  for (const id of ids) {
    for (const i of await deps.memberships.partition(id)) {
      const sk = String(i.sk);
      if (typeof i.communityId === 'string') communities.add(i.communityId);
      if (sk.startsWith('HOUSEHOLD#') && i.endedAt === undefined) {
        const ended = await deps.memberships.end(id, String(i.householdId), { ...reason, auditId: deps.newId() });
        if (ended) {
          membershipsEnded += 1;
          await deps.audit.append({ id: String(ended.endAuditId), at, communityId: String(ended.communityId), actorId: callerId,
            action: 'household.leave', subject: String(ended.householdId), evidence: reason.reason, details: { userId: id } });
        }
      }
      const role = roleOf(sk);
      if (role && i.revokedAt === undefined) await deps.roles.revoke(id, role.role, role.scope, { ...reason, auditId: deps.newId() });
    }
  }
  for (const r of await deps.requests.ofUser(callerId)) {
    if (r.status === 'pending') await deps.requests.decide(r, { status: 'refused', at, by: callerId, reason: 'withdrawn: left the platform', auditId: deps.newId() });
  }
  let fieldsErased = 0;
  for (const context of contexts) {
    for (const item of await deps.personal.find(context, ids)) {
      if (context === 'donations' && item.e && item.h && item.p) {
        if (!(item.p as { erasedAt?: string }).erasedAt) {
          await deps.personal.rewrite(context, item, { p: erasedPart(item, pseudonym, at) });
          fieldsErased += 1;
        }
        continue;
      }
      const set = pseudonymize(item, ids, pseudonym);
      const own = context === 'community' && (ownPartition(item, ids) || ids.has(String(item.userId)));
      const remove = own ? ERASED_FIELDS.filter((f) => item[f] !== undefined) : [];
      if (context === 'community' && String(item.pk).startsWith('AUDIT#') && item.details && typeof item.details === 'object') {
        const d = item.details as Record<string, unknown>;
        if (typeof d.displayName === 'string' && (ids.has(String(item.subject)) || ids.has(String(d.userId)))) set.details = { ...d, displayName: pseudonym };
      }
      if (own && typeof item.displayName === 'string' && item.displayName !== pseudonym) set.displayName = pseudonym;
      if (own && item.sk === 'PROFILE') set.leftAt = at;
      fieldsErased += Object.keys(set).length + remove.length;
      await deps.personal.rewrite(context, item, set, remove);
    }
  }
  for (const c of communities) {
    await deps.audit.append({ id: deps.newId(), at, communityId: c, actorId: callerId, action: 'person.leave', subject: pseudonym,
      details: { membershipsEnded } });
  }
  // Last: until the records above are erased the person must still be able to sign in and leave again.
  // A failure here answers 500 and leaving again finds the records erased and retries only this.
  const signInAccount = await deps.accounts.remove(callerId);
  return { userId: callerId, leftAt: at, pseudonym, membershipsEnded, fieldsErased, signInAccount };
}
