/** The demo community promised by the README and the issue: exact ids and the relations between them. */
import { describe, expect, it } from 'vitest';
import { rolesOf } from '../../functions/community/rules.js';
import { communityOfId, EstateId, estateOfHousehold, HouseholdId } from '../../functions/contracts/common.js';
import { ESTATES, SPACES } from '../../functions/local/demo/community.js';
import { demo } from '../../functions/local/demo/people.js';

const user = (id: string) => {
  const u = demo.users.find((x) => x.id === id);
  if (!u) throw new Error(`no demo user ${id}`);
  return u;
};

describe('demo community', () => {
  it('has resident1…resident60, tenant1, committee1, staff1, donor1 and admin1, each with a distinct Chinese name', () => {
    const ids = demo.users.map((u) => u.id);
    expect(ids).toEqual([...Array.from({ length: 60 }, (_, i) => `resident${i + 1}`), 'tenant1', 'committee1', 'staff1', 'donor1', 'admin1']);
    const names = demo.users.map((u) => u.displayName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n))).toBe(true);
  });

  it('spreads owners over the four estates; resident1 and 2 share one, resident3 is in another', () => {
    const estateOf = (id: string) => user(id).households[0]!.estateId;
    expect(estateOf('resident1')).toBe(estateOf('resident2'));
    expect(user('resident1').households[0]!.householdId).not.toBe(user('resident2').households[0]!.householdId);
    expect(estateOf('resident3')).not.toBe(estateOf('resident1'));
    const perEstate = ESTATES.map((e) => Array.from({ length: 60 }, (_, i) => `resident${i + 1}`).filter((r) => estateOf(r) === e.id).length);
    expect(perEstate.every((n) => n >= 10)).toBe(true);
    expect(Array.from({ length: 60 }, (_, i) => rolesOf(user(`resident${i + 1}`))).every((r) => r.includes('owner'))).toBe(true);
  });

  it('gives each special user the role the issue names', () => {
    expect(rolesOf(user('tenant1'))).toEqual(['resident']);
    expect(user('committee1').committeeOf).toEqual([user('resident1').households[0]!.estateId]);
    expect(rolesOf(user('staff1'))).toEqual(['staff']);
    expect(rolesOf(user('donor1'))).toEqual([]);
    expect(user('admin1')).toMatchObject({ platformAdmin: true, communityId: null, households: [] });
  });

  it('names the community in every estate and household id, so another community may have a dongyuan too', () => {
    expect(ESTATES.map((e) => e.id)).toEqual(['chating.dongyuan', 'chating.xinyu', 'chating.nanhu', 'chating.huaqiao']);
    expect(ESTATES.every((e) => EstateId.safeParse(e.id).success)).toBe(true);
    expect(user('resident1').households[0]!.householdId).toBe('chating.dongyuan.1-101');
    for (const h of demo.households) {
      expect(HouseholdId.safeParse(h.id).success, h.id).toBe(true);
      expect([estateOfHousehold(h.id), communityOfId(h.id)]).toEqual([h.estateId, 'chating']);
    }
    expect(user('committee1').committeeOf).toEqual(['chating.dongyuan']);
  });

  it('has flats with distinct ids and positive integer areas, and the four pocket parks', () => {
    const ids = demo.households.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(demo.households.every((h) => Number.isInteger(h.areaCentiM2) && h.areaCentiM2 >= 4000)).toBe(true);
    expect(demo.households.filter((h) => h.owner === 'developer')).toHaveLength(8);
    expect(SPACES.map((s) => s.nameEn)).toEqual(['Dynamic Paradise', 'Leisure Garden', 'Cultural Park', 'Exquisite Home']);
  });
});
