/**
 * Staff import an estate's buildings and households from one CSV file: the whole file is checked
 * first (every bad row in one 400, `csv.<line>.<column>`), nothing is written unless all rows are
 * valid, and the same file again changes nothing. Households missing from a new file stay: people
 * may live there; staff end memberships one by one.
 */
import type { HouseholdImport, HouseholdList } from '../contracts/registry.js';
import { communityOfId } from '../contracts/common.js';
import { BadRequestError } from '../shared/errors.js';
import { decodeCsv, parseHouseholds } from './households-csv.js';
import type { HouseholdItem } from './households-repository.js';
import { requireEstateAccess, type RegistryDeps } from './registry-deps.js';

const same = (a: HouseholdItem, b: HouseholdItem) =>
  JSON.stringify([a.building, a.room, a.areaCentiM2, a.owners, a.tenants, a.phoneHint]) === JSON.stringify([b.building, b.room, b.areaCentiM2, b.owners, b.tenants, b.phoneHint]);

export async function importHouseholds(deps: RegistryDeps, callerId: string, estateId: string, body: { csv: string; encoding: 'text' | 'base64' }): Promise<HouseholdImport> {
  const communityId = communityOfId(estateId);
  await requireEstateAccess(deps, callerId, communityId, estateId, false);
  const parsed = parseHouseholds(decodeCsv(body.csv, body.encoding));
  if (!parsed.ok) throw new BadRequestError(`The file has ${parsed.issues.length} problem(s); nothing was saved.`, parsed.issues, 'invalid_households');
  const [existing, last] = await Promise.all([deps.households.list(estateId), deps.households.lastImport(estateId)]);
  const byId = new Map(existing.map((h) => [h.id, h]));
  const at = deps.clock();
  const rows: HouseholdItem[] = parsed.rows.map((r) => ({
    id: `${estateId}.${r.unit}`, estateId, communityId, building: r.building, room: r.room, areaCentiM2: r.areaCentiM2,
    owners: r.owners, tenants: r.tenants, phoneHint: r.phoneHint, importedAt: at,
  }));
  const fresh = rows.filter((r) => !byId.has(r.id));
  const changed = rows.filter((r) => byId.has(r.id) && !same(byId.get(r.id)!, r));
  const inFile = new Set(rows.map((r) => r.id));
  const missing = existing.filter((h) => !inFile.has(h.id)).map((h) => h.id);
  const buildings = [...new Set([...existing, ...rows].map((r) => r.building))].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  const result = {
    estateId, households: new Set([...existing.map((h) => h.id), ...inFile]).size, buildings,
    added: fresh.length, changed: changed.length, unchanged: rows.length - fresh.length - changed.length, missing, hash: parsed.hash,
  };
  if (last?.hash === parsed.hash && fresh.length === 0 && changed.length === 0) return result;
  await deps.households.putAll([...fresh, ...changed]);
  await deps.registry.setEstateTotals(communityId, estateId, result.households, buildings);
  const auditId = deps.newId();
  await deps.households.recordImport(estateId, parsed.hash, at, callerId, auditId);
  await deps.audit.append({ id: auditId, at, communityId, actorId: callerId, action: 'households.import', subject: estateId,
    details: { added: result.added, changed: result.changed, unchanged: result.unchanged, missing: missing.length, hash: parsed.hash.slice(0, 16) } });
  return result;
}

export async function listHouseholds(deps: RegistryDeps, callerId: string, estateId: string): Promise<HouseholdList> {
  const communityId = communityOfId(estateId);
  await requireEstateAccess(deps, callerId, communityId, estateId, true);
  const list = await deps.households.list(estateId);
  const members = await Promise.all(list.map((h) => deps.households.members(h.id)));
  return {
    estateId,
    items: list.map((h, i) => ({
      id: h.id, estateId, building: h.building, room: h.room, areaCentiM2: h.areaCentiM2, owners: h.owners, tenants: h.tenants,
      phoneHint: h.phoneHint,
      members: members[i]!.map((m) => ({ userId: String(m.gsi1sk).slice('USER#'.length), displayName: String(m.displayName ?? m.gsi1sk).replace(/^USER#/, ''), relation: m.relation as 'owner' })),
    })),
  };
}
