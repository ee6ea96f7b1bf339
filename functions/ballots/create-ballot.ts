/**
 * The committee creates a ballot: the estate's roll is frozen into it (units, areas, heads,
 * representatives). A ballot that opens later holds the roll until then, so what is frozen is the
 * roll at opening, as the issue and the law's notice practice expect.
 */
import type * as z from 'zod/mini';
import type { Ballot, CreateBallotBody } from '../contracts/ballots.js';
import { BadRequestError, ConflictError } from '../shared/errors.js';
import { loadEstate, requireCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import { ballotNotices, representativesOf } from './notices.js';
import { ballotKeys as k, type Item } from './repository.js';
import { optionsOf, ruleKindOf } from './rules.js';
import { toBallot } from './views.js';

type Body = z.output<typeof CreateBallotBody>;

export async function createBallot(deps: BallotDeps, callerId: string, body: Body): Promise<Ballot> {
  const estate = await loadEstate(deps, body.estateId);
  await requireCommittee(deps, callerId, estate.id);
  const now = deps.clock();
  if (body.closesAt <= now) {
    throw new BadRequestError('The ballot must close in the future.', [{ path: 'body.closesAt', code: 'in_past', message: 'must be in the future' }]);
  }
  const options = optionsOf(body.options);
  const roll = await deps.rolls.getMeta(estate.id);
  const rows = roll ? await deps.rolls.getUnits(estate.id, roll.hash) : [];
  if (!roll || rows.length === 0) throw new ConflictError('Import the estate\'s household roll before opening a ballot.', 'no_roll');
  // The roll frozen now must be the roll at opening: it may not be replaced until the ballot opens.
  if (body.opensAt > now && !(await deps.rolls.holdUntil(estate.id, roll.hash, body.opensAt))) {
    throw new ConflictError('The household roll changed just now; look at it and create the ballot again.', 'roll_changed');
  }
  const id = deps.newId();
  const headKeys = new Map<string, string>();
  for (const r of rows) if (!headKeys.has(r.head)) headKeys.set(r.head, `H${deps.randomCode(8)}`);
  const units: Item[] = rows.map((r) => ({
    pk: k.ballot(id), sk: k.unit(r.unitId), ballotId: id, unitId: r.unitId, building: r.building, room: r.room,
    areaCentiM2: r.areaCentiM2, headKey: headKeys.get(r.head), opensAt: body.opensAt, closesAt: body.closesAt,
    ...(r.representativeId
      ? { representativeId: r.representativeId, gsi1pk: k.rep(r.representativeId), gsi1sk: `${k.ballot(id)}#${r.unitId}` }
      : {}),
  }));
  const frozen = {
    units: rows.length, totalAreaCentiM2: rows.reduce((s, r) => s + r.areaCentiM2, 0), heads: headKeys.size, hash: roll.hash,
  };
  const meta: Item = {
    pk: k.ballot(id), sk: 'META', id, communityId: estate.communityId, estateId: estate.id, estateName: estate.name,
    title: body.title, description: body.description ?? '', matter: body.matter, ruleKind: ruleKindOf(body.matter),
    optionsKind: body.options.kind, options, opensAt: body.opensAt, closesAt: body.closesAt, status: 'open', frozen,
    createdBy: callerId, createdAt: now, objections: [], openObjections: 0,
    gsi2pk: k.estateBallots(estate.id), gsi2sk: `${now}#${id}`, gsi3pk: k.communityBallots(estate.communityId), gsi3sk: `${now}#${id}`,
  };
  await deps.ballots.createBallot(meta, units);
  await deps.notify(ballotNotices(meta, representativesOf(units), { kind: 'ballot.opened', params: { opensAt: body.opensAt } }, now));
  return toBallot(meta, { units: 0, areaCentiM2: 0, heads: 0 }, now);
}
