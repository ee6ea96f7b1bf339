/**
 * The demo community is onboarded the way a real one is, through the same use cases the API runs:
 * the platform admin creates the community and appoints its staff, staff add the estates, import
 * each estate's households as CSV, add the pocket parks and seat the committee, print join codes,
 * and every demo resident joins their household with the code from their letter.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCommunity } from '../../community/communities.js';
import { createEstate, createSpace } from '../../community/estates-spaces.js';
import { importHouseholds } from '../../community/import-households.js';
import { createRegistryDeps, type RegistryDeps } from '../../community/registry-deps.js';
import { grantCommittee, grantPlatformAdmin, grantStaff } from '../../community/roles.js';
import { config } from '../../shared/config.js';
import { newId } from '../../shared/ids.js';
import { COMMUNITY, ESTATES, SPACES } from './community.js';
import { demo } from './people.js';

/** When the office set the demo up (fixed, so the audit log reads the same on every machine). */
export const ONBOARDED_AT = '2026-07-01T01:00:00.000Z';
const ADMIN = 'admin1';
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
