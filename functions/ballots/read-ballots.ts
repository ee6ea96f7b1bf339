/** Public reads: the ballot list and one ballot, each with its participation (never choices while open). */
import type { Ballot, BallotPage } from '../contracts/ballots.js';
import { communityOfId } from '../contracts/common.js';
import { BadRequestError } from '../shared/errors.js';
import { loadBallot } from './access.js';
import type { BallotDeps } from './deps.js';
import { participationOfBallot } from './live-participation.js';
import { toBallot, toSummary } from './views.js';

/** One read of META, whatever the roll's size; now and then a recount of the units (live-participation.ts). */
export async function getBallot(deps: BallotDeps, id: string): Promise<Ballot> {
  const meta = await loadBallot(deps, id);
  const now = deps.clock();
  return toBallot(meta, await participationOfBallot(deps, meta, now), now);
}

/** A community's ballots, or one of its estates' (an estate of another community is a 400, not an empty list). */
export async function listBallots(deps: BallotDeps, q: { community: string; estateId?: string; limit: number; cursor?: string }): Promise<BallotPage> {
  if (q.estateId !== undefined && communityOfId(q.estateId) !== q.community) {
    throw new BadRequestError(`Estate ${q.estateId} is not in community ${q.community}.`,
      [{ path: 'query.estateId', code: 'other_community', message: 'must be an estate of the community named' }]);
  }
  const page = await deps.ballots.listBallots({ estateId: q.estateId, communityId: q.community }, q.limit, q.cursor);
  const now = deps.clock();
  const items = await Promise.all(page.items.map(async (m) => toSummary(m, await participationOfBallot(deps, m, now), now)));
  return { items, cursor: page.cursor };
}
