import type { Me } from '../contracts/me.js';
import type { CommunityRepository } from './repository.js';
import { primaryHousehold, rolesOf } from './rules.js';

export async function getMe(repo: CommunityRepository, callerId: string): Promise<Me> {
  const member = await repo.getMember(callerId);
  const home = primaryHousehold(member);
  return {
    id: member.id,
    displayName: member.displayName,
    communityId: member.communityId,
    roles: rolesOf(member),
    household: home && {
      id: home.householdId, estateId: home.estateId, estateName: home.estateName,
      building: home.building, unit: home.unit, relation: home.relation,
    },
    estateId: home?.estateId ?? null,
    committeeOf: member.committeeOf,
    priority: { birthYear: member.birthYear ?? null, childBirthYears: member.childBirthYears ?? [] },
  };
}
