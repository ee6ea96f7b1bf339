/** Public reads: the ballot list and one ballot with its live participation (never choices while open). */
import type { Ballot, BallotPage, BallotResult } from '../contracts/ballots.js';
import { communityOfId } from '../contracts/common.js';
import { BadRequestError } from '../shared/errors.js';
import { loadBallot } from './access.js';
import type { BallotDeps } from './deps.js';
import { participationOf, toBallot, toSummary } from './views.js';

export async function getBallot(deps: BallotDeps, id: string): Promise<Ballot> {
  const meta = await loadBallot(deps, id);
  const now = deps.clock();
  const result = meta.result as BallotResult | undefined;
  const participation = result
    ? result.participation
    : participationOf(await deps.ballots.ballotUnits(id, ['areaCentiM2', 'headKey', 'ck']));
  return toBallot(meta, participation, now);
}

/** A community's ballots, or one of its estates' (an estate of another community is a 400, not an empty list). */
export async function listBallots(deps: BallotDeps, q: { community: string; estateId?: string; limit: number; cursor?: string }): Promise<BallotPage> {
  if (q.estateId !== undefined && communityOfId(q.estateId) !== q.community) {
    throw new BadRequestError(`Estate ${q.estateId} is not in community ${q.community}.`,
      [{ path: 'query.estateId', code: 'other_community', message: 'must be an estate of the community named' }]);
  }
  const page = await deps.ballots.listBallots({ estateId: q.estateId, communityId: q.community }, q.limit, q.cursor);
  const now = deps.clock();
  return { items: page.items.map((m) => toSummary(m, now)), cursor: page.cursor };
}
