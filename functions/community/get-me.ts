import type { Me } from '../contracts/me.js';
import type { CommunityRepository } from './repository.js';
import { primaryHousehold, rolesOf, type HouseholdLink } from './rules.js';

const view = (h: HouseholdLink) => ({
  id: h.householdId, estateId: h.estateId, estateName: h.estateName, estateNameEn: h.estateNameEn ?? null, building: h.building, unit: h.unit, relation: h.relation,
});

export async function getMe(repo: Pick<CommunityRepository, 'getMember'>, callerId: string): Promise<Me> {
  const member = await repo.getMember(callerId);
  const home = primaryHousehold(member);
  const verified = member.households.filter((h) => h.verified);
  return {
    id: member.id,
    displayName: member.displayName,
    communityId: member.communityId,
    roles: rolesOf(member),
    household: home && view(home),
    households: [...(home ? [home] : []), ...verified.filter((h) => h !== home)].map(view),
    estateId: home?.estateId ?? null,
    committeeOf: member.committeeOf,
    staffOf: member.staffOf,
    platformAdmin: member.platformAdmin === true,
    priority: { birthYear: member.birthYear ?? null, childBirthYears: member.childBirthYears ?? [] },
  };
}
