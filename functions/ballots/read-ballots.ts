/** Public reads: the ballot list and one ballot with its live participation (never choices while open). */
import type { Ballot, BallotPage, BallotResult } from '../contracts/ballots.js';
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

export async function listBallots(deps: BallotDeps, q: { estateId?: string; limit: number; cursor?: string }): Promise<BallotPage> {
  const page = await deps.ballots.listBallots({ estateId: q.estateId, communityId: deps.communityId }, q.limit, q.cursor);
  const now = deps.clock();
  return { items: page.items.map((m) => toSummary(m, now)), cursor: page.cursor };
}
