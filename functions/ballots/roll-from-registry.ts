/**
 * The owner roll derived from the household registry in one step (no second CSV): each household is a
 * unit with its exclusive area and owners; its voting representative is a verified owner member of
 * the household, unless the roll in force names someone else for that unit. The rows then go through
 * the same all-or-nothing, versioned import as a CSV roll, so a ballot still freezes exactly one roll.
 *
 * Heads (Art. 278): unsold developer flats count together as one head; a verified owner holding
 * several flats is one head (keyed by the person); otherwise the flat's owners' names are the key,
 * so the same buyer named on several flats is one head too.
 */
import { createHash } from 'node:crypto';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RollImport } from '../contracts/ballots.js';
import { ConflictError } from '../shared/errors.js';
import { queryAll, type Item } from '../shared/db/batch.js';
import { loadEstate, requireStaffOrCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import { rollCsv, type RollRow } from './roll-csv.js';
import { importRoll } from './roll.js';

/** Reads the community table's households of an estate and their verified owner members. */
export class RegistryReader {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  households(estateId: string): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
      ExpressionAttributeValues: { ':pk': `ESTATE#${estateId}`, ':h': 'HOUSEHOLD#' }, ConsistentRead: true,
    });
  }

  /** Current verified owners of a household, earliest first. */
  async owners(householdId: string): Promise<string[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `HOUSEHOLD#${householdId}` },
    }));
    return (out.Items ?? [])
      .filter((i) => i.relation === 'owner' && i.verified === true && i.endedAt === undefined)
      .sort((a, b) => String(a.joinedAt ?? '').localeCompare(String(b.joinedAt ?? '')))
      .map((i) => String(i.gsi1sk).slice('USER#'.length));
  }
}

const headOf = (owners: string[], member: string | null): string => {
  if (owners.length === 1 && owners[0] === 'developer') return 'developer';
  if (member) return `u-${member}`.slice(0, 64);
  return `o-${createHash('sha256').update([...owners].sort().join('\u0000')).digest('hex').slice(0, 20)}`;
};

export async function deriveRollRows(registry: RegistryReader, current: RollRow[], estateId: string): Promise<RollRow[]> {
  const households = await registry.households(estateId);
  const named = new Map(current.filter((r) => r.representativeId).map((r) => [r.unitId, r.representativeId!]));
  const owners: string[][] = [];
  for (let i = 0; i < households.length; i += 25) {
    owners.push(...(await Promise.all(households.slice(i, i + 25).map((h) => registry.owners(String(h.id))))));
  }
  return households.map((h, i) => {
    const unitId = String(h.id).slice(estateId.length + 1);
    const member = owners[i]![0] ?? null;
    const names = (h.owners as string[] | undefined) ?? [];
    return {
      unitId, building: String(h.building), room: String(h.room), areaCentiM2: Number(h.areaCentiM2), owners: names,
      head: headOf(names, member), representativeId: named.get(unitId) ?? member,
    };
  });
}

export async function rollFromRegistry(deps: BallotDeps, callerId: string, estateId: string): Promise<RollImport> {
  const estate = await loadEstate(deps, estateId);
  await requireStaffOrCommittee(deps, callerId, estateId, estate.communityId);
  const meta = await deps.rolls.getMeta(estateId);
  const current = meta ? await deps.rolls.getUnits(estateId, meta.hash) : [];
  const rows = await deriveRollRows(deps.registry, current, estateId);
  if (rows.length === 0) throw new ConflictError('Import the estate\'s households into the registry first.', 'no_households');
  return importRoll(deps, callerId, estateId, rollCsv(rows));
}
