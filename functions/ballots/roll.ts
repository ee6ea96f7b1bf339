/** The household roll: import from CSV (all or nothing, idempotent), read it whole or in totals. */
import type { Roll, RollImport, RollSummary } from '../contracts/ballots.js';
import { BadRequestError, ConflictError } from '../shared/errors.js';
import { loadEstate, requireStaffOrCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import type { RollMeta } from './roll-repository.js';
import { parseRoll } from './roll-csv.js';

const summaryOf = (estateId: string, meta: RollMeta | null): RollSummary => ({
  estateId, importedAt: meta?.importedAt ?? null, hash: meta?.hash ?? null,
  units: meta?.units ?? 0, totalAreaCentiM2: meta?.totalAreaCentiM2 ?? 0, heads: meta?.heads ?? 0,
});

export async function importRoll(deps: BallotDeps, callerId: string, estateId: string, csv: string): Promise<RollImport> {
  const estate = await loadEstate(deps, estateId);
  await requireStaffOrCommittee(deps, callerId, estateId, estate.communityId);
  const parsed = parseRoll(csv);
  if (!parsed.ok) throw new BadRequestError(`The roll has ${parsed.issues.length} problem(s); nothing was saved.`, parsed.issues, 'invalid_roll');
  const current = await deps.rolls.getMeta(estateId);
  if (current?.hash === parsed.hash) return { ...summaryOf(estateId, current), changed: false };
  const now = deps.clock();
  const pending = (until: string) => new ConflictError(
    `A ballot of this estate opens at ${until} with the current roll frozen in; import the new roll once it has opened.`, 'ballot_pending');
  if (current?.pendingUntil && current.pendingUntil > now) throw pending(current.pendingUntil);
  const meta: RollMeta = { estateId, hash: parsed.hash, ...parsed.totals, importedAt: now, importedBy: callerId };
  const written = await deps.rolls.replace(meta, parsed.rows, current?.hash ?? null, now);
  if (!written) {
    const after = await deps.rolls.getMeta(estateId);
    if (after?.hash === current?.hash && after?.pendingUntil && after.pendingUntil > now) throw pending(after.pendingUntil);
    throw new ConflictError('Someone imported another roll at the same time; look at it and import again.', 'roll_changed');
  }
  return { ...summaryOf(estateId, meta), changed: true };
}

export async function getRoll(deps: BallotDeps, callerId: string, estateId: string): Promise<Roll> {
  const estate = await loadEstate(deps, estateId);
  await requireStaffOrCommittee(deps, callerId, estateId, estate.communityId);
  const meta = await deps.rolls.getMeta(estateId);
  const units = meta ? await deps.rolls.getUnits(estateId, meta.hash) : [];
  return { ...summaryOf(estateId, meta), importedBy: meta?.importedBy ?? null, units };
}

export async function rollSummary(deps: BallotDeps, estateId: string): Promise<RollSummary> {
  await loadEstate(deps, estateId);
  return summaryOf(estateId, await deps.rolls.getMeta(estateId));
}
