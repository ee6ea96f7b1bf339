/** Who acts on the ledger: the dependencies every use case gets, and who may keep or see what. */
import type { CommunityRepository } from '../community/repository.js';
import { isStaffOf, type Member } from '../community/rules.js';
import type { Clock } from '../shared/clock.js';
import { ForbiddenError } from '../shared/errors.js';
import type { LinkedProposal, LedgerRepository } from './repository.js';
import type { LedgerStore } from './store.js';

export interface LedgerDeps {
  store: LedgerStore;
  repo: LedgerRepository;
  community: Pick<CommunityRepository, 'getMember'>;
  proposals: { get(id: string): Promise<LinkedProposal | null> };
  clock: Clock;
  defaultCommunity: string;
}

export const person = (m: Member) => ({ id: m.id, name: m.displayName });
export const communityOf = (m: Member, deps: LedgerDeps) => m.communityId ?? deps.defaultCommunity;
/** Committee members and staff of the community keep the ledger (projects, expenses, allocations, corrections). */
export const keepsLedger = (m: Member, c: string) => m.communityId === c && (m.committeeOf.length > 0 || isStaffOf(m, c));

/** The caller, if they are community staff (`staff`) or keep the ledger (`keeper`); 403 otherwise. */
export async function staffOrKeeper(deps: LedgerDeps, callerId: string, who: 'staff' | 'keeper'): Promise<{ m: Member; communityId: string }> {
  const m = await deps.community.getMember(callerId);
  const communityId = communityOf(m, deps);
  const ok = who === 'staff' ? m.communityId === communityId && isStaffOf(m, communityId) : keepsLedger(m, communityId);
  if (!ok) {
    throw new ForbiddenError(who === 'staff'
      ? 'Only community staff can confirm that a gift was counted or received.'
      : 'Only the committee and community staff can record this in the ledger.');
  }
  return { m, communityId };
}
