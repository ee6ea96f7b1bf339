/** Who may do what with rolls and ballots: from the caller's id and the community table only. */
import type { Member } from '../community/rules.js';
import { isCommitteeOf, isStaffOf } from '../community/rules.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { BallotDeps } from './deps.js';
import type { Item } from './repository.js';
import type { EstateInfo } from './roll-repository.js';

/** The estate, found in the community its id names (`chating.dongyuan` is in `chating`). */
export async function loadEstate(deps: BallotDeps, estateId: string): Promise<EstateInfo> {
  const estate = await deps.rolls.getEstate(estateId);
  if (!estate) throw new NotFoundError(`No estate ${estateId}.`);
  return estate;
}

export async function loadBallot(deps: BallotDeps, id: string): Promise<Item> {
  const meta = await deps.ballots.getBallot(id);
  if (!meta) throw new NotFoundError('No such ballot.');
  return meta;
}

/** Staff of the community, or the estate's own committee. */
export async function requireStaffOrCommittee(deps: BallotDeps, callerId: string, estateId: string, communityId: string): Promise<Member> {
  const m = await deps.community.getMember(callerId);
  if (!isStaffOf(m, communityId) && !isCommitteeOf(m, estateId)) {
    throw new ForbiddenError('Only community staff or this estate\'s committee may do this.');
  }
  return m;
}

export async function requireCommittee(deps: BallotDeps, callerId: string, estateId: string): Promise<Member> {
  const m = await deps.community.getMember(callerId);
  if (!isCommitteeOf(m, estateId)) throw new ForbiddenError('Only this estate\'s property-management committee may do this.');
  return m;
}

export async function requireStaff(deps: BallotDeps, callerId: string, communityId: string): Promise<Member> {
  const m = await deps.community.getMember(callerId);
  if (!isStaffOf(m, communityId)) throw new ForbiddenError('Only community staff may enter paper or proxy votes.');
  return m;
}
