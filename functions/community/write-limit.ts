/** Counts one of a person's limited writes in their community (see shared/write-limits.ts); staff are never held. */
import type { LimitedWrite, WriteLimits } from '../shared/write-limits.js';
import { isStaffOf, type CommunitySettings, type Member } from './rules.js';

export interface WriteLimitDeps {
  settingsOf: (communityId: string) => Promise<CommunitySettings>;
  writeLimits: WriteLimits;
}

export async function countWrite(deps: WriteLimitDeps, member: Member, communityId: string, write: LimitedWrite, at: string): Promise<void> {
  // Staff enter paper proposals and requests for many residents: their community's limits are not for them.
  if (isStaffOf(member, communityId)) return;
  const settings = await deps.settingsOf(communityId);
  await deps.writeLimits.take(member.id, write, settings[`${write}PerDay`], at);
}
