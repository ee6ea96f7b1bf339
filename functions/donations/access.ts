/** Who acts on the ledger: the dependencies every use case gets, and who may keep or see what. */
import type { CommunityRepository } from '../community/repository.js';
import type { RegistryRepository } from '../community/registry-repository.js';
import { isStaffOf, type Member } from '../community/rules.js';
import { communityOfId } from '../contracts/common.js';
import type { Notify } from '../notifications/outbox.js';
import type { Clock } from '../shared/clock.js';
import { BadRequestError, ForbiddenError } from '../shared/errors.js';
import type { LinkedProposal, LedgerRepository } from './repository.js';
import type { LedgerStore } from './store.js';

export interface LedgerDeps {
  store: LedgerStore;
  repo: LedgerRepository;
  community: Pick<CommunityRepository, 'getMember'>;
  /** Whether a community a donor names exists. */
  communities: Pick<RegistryRepository, 'getCommunity'>;
  proposals: { get(id: string): Promise<LinkedProposal | null> };
  clock: Clock;
  /** Writes the notifications a change causes, after it (DESIGN rule 9). */
  notify: Notify;
}

export const person = (m: Member) => ({ id: m.id, name: m.displayName });

/** Committee members of the community's estates and its staff keep the ledger (projects, expenses, allocations, corrections). */
export const keepsLedger = (m: Member, c: string) => isStaffOf(m, c) || m.committeeOf.some((estateId) => communityOfId(estateId) === c);

/** The community named (body or query), else the caller's own; someone who belongs to none must name it. */
export function communityFor(m: Member, named: string | undefined, path: string): string {
  const communityId = named ?? m.communityId;
  if (!communityId) {
    throw new BadRequestError('Say which community: you do not belong to one yet.',
      [{ path, code: 'required', message: 'name the community' }], 'community_required');
  }
  return communityId;
}

/**
 * The caller, if they are staff (`staff`) or keep the ledger (`keeper`) of the community named, else
 * of their own; 403 otherwise.
 */
export async function staffOrKeeper(deps: LedgerDeps, callerId: string, who: 'staff' | 'keeper', named?: string): Promise<{ m: Member; communityId: string }> {
  const m = await deps.community.getMember(callerId);
  const communityId = named ?? m.communityId;
  const ok = communityId !== null && (who === 'staff' ? isStaffOf(m, communityId) : keepsLedger(m, communityId));
  if (!ok) {
    throw new ForbiddenError(who === 'staff'
      ? 'Only community staff can confirm that a gift was counted or received.'
      : 'Only the committee and community staff can record this in the ledger.');
  }
  return { m, communityId };
}
