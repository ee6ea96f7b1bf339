/**
 * Staff issue one-time join codes for an estate's households (one letter each, per building or the
 * whole estate), see their states, and revoke one that was not used. The code in clear appears only
 * in the answer that issues it, for the printed letters.
 */
import type * as z from 'zod/mini';
import { communityOfId } from '../contracts/common.js';
import type { HouseholdCodeBatch, HouseholdCodeList, HouseholdCodeState, IssueCodesBody } from '../contracts/joining.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { codeIdOf, newJoinCode, printed, type CodeItem } from './codes-repository.js';
import { requireEstateAccess, requireStaffOf, type RegistryDeps } from './registry-deps.js';

const DAY_MS = 86_400_000;
const byFlat = (a: { building: string; room: string }, b: { building: string; room: string }) =>
  a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) || a.room.localeCompare(b.room, 'zh-CN', { numeric: true });

export const codeState = (c: CodeItem, now: string): HouseholdCodeState => ({
  id: c.id, householdId: c.householdId, building: c.building, room: c.room,
  status: c.status === 'issued' && c.expiresAt <= now ? 'expired' : c.status,
  issuedAt: c.issuedAt, expiresAt: c.expiresAt, issuedBy: c.issuedBy, redeemedBy: c.redeemedBy, redeemedAt: c.redeemedAt,
});

export async function issueCodes(deps: RegistryDeps, callerId: string, estateId: string, body: z.infer<typeof IssueCodesBody>):
  Promise<z.infer<typeof HouseholdCodeBatch>> {
  const communityId = communityOfId(estateId);
  const { estate } = await requireEstateAccess(deps, callerId, communityId, estateId, false);
  const [community, households, codes] = await Promise.all([
    deps.registry.getCommunity(communityId), deps.households.list(estateId), deps.codes.ofEstate(estateId),
  ]);
  const wanted = households.filter((h) => body.building === undefined || h.building === body.building).sort(byFlat);
  if (body.building !== undefined && wanted.length === 0) throw new NotFoundError(`No households in building ${body.building} of ${estateId}.`);
  const now = deps.clock();
  const open = new Map(codes.filter((c) => codeState(c, now).status === 'issued').map((c) => [c.householdId, c]));
  const skipped = body.replace ? [] : wanted.filter((h) => open.has(h.id)).map((h) => h.id);
  const issue = wanted.filter((h) => body.replace || !open.has(h.id));
  if (body.replace) {
    for (const h of issue) if (open.has(h.id)) await deps.codes.revoke(open.get(h.id)!.id, callerId, now, deps.newId());
  }
  const expiresAt = new Date(Date.parse(now) + body.validDays * DAY_MS).toISOString();
  const letters = issue.map((h) => {
    const code = newJoinCode();
    const item: CodeItem = {
      id: codeIdOf(code), householdId: h.id, estateId, communityId, building: h.building, room: h.room, status: 'issued',
      issuedAt: now, expiresAt, issuedBy: callerId, redeemedBy: null, redeemedAt: null, auditId: deps.newId(),
    };
    return { item, code };
  });
  await deps.codes.putAll(letters.map((l) => l.item));
  if (letters.length > 0) {
    await deps.audit.append({
      id: letters[0]!.item.auditId, at: now, communityId, actorId: callerId, action: 'codes.issue', subject: estateId,
      details: { building: body.building ?? null, issued: letters.length, replaced: body.replace, skipped: skipped.length, validDays: body.validDays },
    });
  }
  return {
    estateId, estateName: String(estate.name), communityName: String(community?.name ?? communityId),
    letters: letters.map((l) => ({ ...codeState(l.item, now), code: printed(l.code) })), skipped,
  };
}

export async function listCodes(deps: RegistryDeps, callerId: string, estateId: string): Promise<z.infer<typeof HouseholdCodeList>> {
  await requireEstateAccess(deps, callerId, communityOfId(estateId), estateId, false);
  const now = deps.clock();
  return { estateId, items: (await deps.codes.ofEstate(estateId)).sort(byFlat).map((c) => codeState(c, now)) };
}

export async function revokeCode(deps: RegistryDeps, callerId: string, id: string): Promise<HouseholdCodeState> {
  const code = await deps.codes.get(id);
  if (!code) throw new NotFoundError('No such code.');
  await requireStaffOf(deps, callerId, code.communityId);
  const now = deps.clock();
  const revoked = await deps.codes.revoke(id, callerId, now, deps.newId());
  const after = revoked ?? code;
  if (after.status === 'redeemed') throw new ConflictError('This code was used already; end the membership instead.', 'code_used');
  // Written again when the code was revoked already: a retry after a crash completes the log.
  if (after.status === 'revoked' && after.revokeAuditId) {
    await deps.audit.append({ id: after.revokeAuditId, at: after.revokedAt!, communityId: code.communityId,
      actorId: after.revokedBy!, action: 'codes.revoke', subject: code.householdId, details: { codeId: id } });
  }
  return codeState(after, now);
}
