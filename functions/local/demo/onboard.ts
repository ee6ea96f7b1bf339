/**
 * The demo community is onboarded the way a real one is, through the same use cases the API runs:
 * the platform admin creates the community and appoints its staff, staff add the estates, import
 * each estate's households as CSV, add the pocket parks and seat the committee, print join codes,
 * and every demo resident joins their household with the code from their letter; residents then
 * record the birth years behind priority seats.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { issueCodes } from '../../community/codes.js';
import { createCommunity } from '../../community/communities.js';
import { createEstate, createSpace } from '../../community/estates-spaces.js';
import { importHouseholds } from '../../community/import-households.js';
import { joinWithCode } from '../../community/join.js';
import { setPriorityProfile } from '../../community/priority-profile.js';
import { createRegistryDeps, type RegistryDeps } from '../../community/registry-deps.js';
import { CommunityRepository } from '../../community/repository.js';
import { grantCommittee, grantPlatformAdmin, grantStaff } from '../../community/roles.js';
import type { HouseholdLink } from '../../community/rules.js';
import { JoinWithCodeBody } from '../../contracts/joining.js';
import { config } from '../../shared/config.js';
import { newId } from '../../shared/ids.js';
import { COMMUNITY, ESTATES, SPACES } from './community.js';
import { demo, type DemoUser } from './people.js';

/** When the office set the demo up (fixed, so the audit log reads the same on every machine). */
export const ONBOARDED_AT = '2026-07-01T01:00:00.000Z';
export const ADMIN = 'admin1';
/** The version of the personal-information notice the demo residents agreed to (web/src/lib/api-joining.ts). */
const NOTICE = '2026-12';
const STAFF = 'staff1';

/** An estate's households as the staff member's CSV file (owners by name; `developer` for unsold flats). */
export function demoHouseholdCsv(estateId: string): string {
  const names = new Map(demo.users.map((u) => [u.id, u.displayName]));
  const rows = demo.households.filter((h) => h.estateId === estateId).map((h) => {
    const area = `${Math.floor(h.areaCentiM2 / 100)}.${String(h.areaCentiM2 % 100).padStart(2, '0')}`;
    const tenant = demo.users.find((u) => u.households.some((l) => l.householdId === h.id && l.relation === 'tenant'));
    return [h.building, h.unit, area, h.owner === 'developer' ? 'developer' : names.get(h.owner)!, tenant?.displayName ?? ''].join(',');
  });
  return ['building,room,area_m2,owners,tenants', ...rows].join('\n') + '\n';
}

export function demoRegistryDeps(db: DynamoDBDocumentClient): RegistryDeps {
  return createRegistryDeps(db, config().tables, () => ONBOARDED_AT, newId);
}

/** Community, staff, estates, households, spaces and the committee; each step is idempotent or skipped when done. */
export async function onboardDemo(db: DynamoDBDocumentClient): Promise<RegistryDeps> {
  const deps = demoRegistryDeps(db);
  await grantPlatformAdmin(deps, 'cli', ADMIN, '演示数据：街道办管理员');
  if (!(await deps.registry.getCommunity(COMMUNITY.id))) {
    await createCommunity(deps, ADMIN, {
      id: COMMUNITY.id, name: COMMUNITY.name, nameEn: COMMUNITY.nameEn, district: COMMUNITY.subdistrict, settings: COMMUNITY.settings,
    });
  }
  const staff = demo.users.find((u) => u.id === STAFF)!;
  await grantStaff(deps, ADMIN, COMMUNITY.id, STAFF, { displayName: staff.displayName, evidence: '莫愁湖街道任命文件（演示）' });
  for (const e of ESTATES) {
    const slug = e.id.slice(COMMUNITY.id.length + 1);
    if (!(await deps.registry.getEstate(COMMUNITY.id, e.id))) {
      await createEstate(deps, STAFF, COMMUNITY.id, { slug, name: e.name, nameEn: e.nameEn });
    }
    await importHouseholds(deps, STAFF, e.id, { csv: demoHouseholdCsv(e.id), encoding: 'text' });
  }
  const spaces = new Set((await deps.registry.listPrefixed(COMMUNITY.id, 'SPACE#')).map((s) => String(s.id)));
  for (const s of SPACES) if (!spaces.has(s.id)) await createSpace(deps, STAFF, COMMUNITY.id, s);
  for (const u of demo.users) {
    for (const estateId of u.committeeOf) {
      await grantCommittee(deps, STAFF, estateId, u.id, { displayName: u.displayName, evidence: '物业管理委员会备案表（演示）' });
    }
  }
  return deps;
}

/**
 * Each demo resident joins the way a real one does: staff print a letter per household (a code lets
 * one person in), the resident enters its code with their relation and their name as on the registry.
 * A flat with a second member (resident2's rented flat: owner and tenant) needs a second letter, so
 * letters are printed again, building by building, while someone is still waiting. A retry after a
 * crash skips who has joined and reprints the letters whose codes were lost. Then residents record
 * the birth years behind priority seats.
 */
export async function joinDemoResidents(db: DynamoDBDocumentClient, deps: RegistryDeps): Promise<void> {
  const waiting = new Map<string, { user: DemoUser; relation: HouseholdLink['relation'] }[]>();
  const links = demo.users.flatMap((user) => user.households.map((link) => ({ user, relation: link.relation, householdId: link.householdId })));
  const joined = await Promise.all(links.map(async (l) => {
    const current = await deps.memberships.get(l.user.id, l.householdId);
    return current !== null && current.endedAt === undefined;
  }));
  links.filter((_, i) => !joined[i]).forEach(({ householdId, ...who }) => waiting.set(householdId, [...(waiting.get(householdId) ?? []), who]));
  const byId = new Map(demo.households.map((h) => [h.id, h]));
  const left = () => [...waiting.values()].reduce((n, q) => n + q.length, 0);
  while (waiting.size > 0) {
    const before = left();
    const buildings = new Set([...waiting.keys()].map((id) => `${byId.get(id)!.estateId}|${byId.get(id)!.building}`));
    for (const b of buildings) {
      const [estateId, building] = b.split('|') as [string, string];
      let batch = await issueCodes(deps, STAFF, estateId, { building, validDays: 30, replace: false });
      if (batch.skipped.some((id) => waiting.has(id))) batch = await issueCodes(deps, STAFF, estateId, { building, validDays: 30, replace: true });
      const turns = batch.letters.flatMap((letter) => {
        const next = waiting.get(letter.householdId)?.shift();
        if (waiting.get(letter.householdId)?.length === 0) waiting.delete(letter.householdId);
        return next ? [{ letter, ...next }] : [];
      });
      // Parsed by the contract as the API would: the letter prints the code as XXXX-XXXX-XXXX.
      await Promise.all(turns.map(({ letter, user, relation }) => joinWithCode(deps, user.id, JoinWithCodeBody.parse({
        code: letter.code, relation, displayName: user.displayName,
        consent: { notice: NOTICE, sensitive: user.birthYear !== undefined || (user.childBirthYears?.length ?? 0) > 0 },
      }))));
    }
    if (left() === before) throw new Error(`No letters for ${[...waiting.keys()].join(', ')}.`);
  }
  const profiles = new CommunityRepository(db, config().tables.community);
  const withYears = demo.users.filter((u) => u.households.length > 0 && (u.birthYear !== undefined || (u.childBirthYears?.length ?? 0) > 0));
  await Promise.all(withYears.map((u) =>
    setPriorityProfile(profiles, deps.clock, u.id, { birthYear: u.birthYear ?? null, childBirthYears: u.childBirthYears ?? [] })));
}
