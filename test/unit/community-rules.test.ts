import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResidentOf, primaryHousehold, rolesOf, stranger, type HouseholdLink, type Member } from '../../functions/community/rules.js';

const link = (over: Partial<HouseholdLink>): HouseholdLink => ({
  householdId: 'h1', estateId: 'e1', estateName: 'E', building: '1', unit: '101', relation: 'owner', verified: true, ...over,
});
const member = (over: Partial<Member>): Member => ({ ...stranger('u1'), registered: true, communityId: 'c1', ...over });

describe('roles from the community table', () => {
  it('gives a verified owner resident and owner, a tenant only resident', () => {
    expect(rolesOf(member({ households: [link({})] }))).toEqual(['resident', 'owner']);
    expect(rolesOf(member({ households: [link({ relation: 'tenant' })] }))).toEqual(['resident']);
  });

  it('gives nothing for an unverified household, and no residency without a household', () => {
    const m = member({ households: [link({ verified: false })] });
    expect(rolesOf(m)).toEqual([]);
    expect(isResidentOf(m, 'c1')).toBe(false);
    expect(isResidentOf(member({ staffOf: ['c1'] }), 'c1')).toBe(false);
  });

  it('prefers a verified owned flat as the primary household', () => {
    const m = member({ households: [link({ householdId: 'rented', relation: 'tenant' }), link({ householdId: 'own' })] });
    expect(primaryHousehold(m)?.householdId).toBe('own');
  });

  it('is resident of its own community only', () => {
    const m = member({ households: [link({})] });
    expect(isResidentOf(m, 'c1')).toBe(true);
    expect(isResidentOf(m, 'c2')).toBe(false);
  });

  it('derives committee and staff roles from seats, whatever the households', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('owner', 'tenant', 'family') as fc.Arbitrary<HouseholdLink['relation']>), fc.boolean(), fc.boolean(),
      (relations, committee, staff) => {
        const roles = rolesOf(member({ households: relations.map((relation, i) => link({ householdId: `h${i}`, relation })),
          committeeOf: committee ? ['e1'] : [], staffOf: staff ? ['c1'] : [] }));
        expect(roles.includes('committee')).toBe(committee);
        expect(roles.includes('staff')).toBe(staff);
        expect(roles.includes('resident')).toBe(relations.length > 0);
        expect(roles.includes('owner')).toBe(relations.includes('owner'));
      }));
  });
});
