/**
 * Close and publish: the committee closes a ballot once its closing time has passed (plus a settle
 * margin longer than any vote request can run, so no vote can land after the count is read). The
 * tally (tally.ts) runs on exactly the rows the receipt list publishes; the result goes on public
 * notice for the community's noticePeriodDays.
 */
import type { Ballot, BallotResult, ReceiptList, RollTotals, Rule } from '../contracts/ballots.js';
import { ConflictError } from '../shared/errors.js';
import { loadBallot, requireCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import type { Item } from './repository.js';
import { addDays, CLOSE_SETTLE_MS, ruleOf } from './rules.js';
import { tally, type CountedBallot } from './tally.js';
import { toBallot } from './views.js';

/** The counted ballots as published: receipt, choice, area, head key (sorted by receipt, so not by unit). */
export async function countedBallots(deps: BallotDeps, ballotId: string): Promise<(CountedBallot & { receipt: string })[]> {
  const units = await deps.ballots.ballotUnits(ballotId, ['receipt', 'choice', 'ck', 'areaCentiM2', 'headKey']);
  return units.filter((u) => u.ck !== undefined)
    .map((u) => ({ receipt: String(u.receipt), choice: u.choice as CountedBallot['choice'], areaCentiM2: Number(u.areaCentiM2), headKey: String(u.headKey) }))
    .sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
}

const tallyInputOf = (meta: Item, ballots: CountedBallot[]) => ({
  rule: ruleOf(meta.ruleKind as Rule['kind']),
  optionsKind: meta.optionsKind as 'decision' | 'candidates',
  optionIds: (meta.options as { id: string }[]).map((o) => o.id),
  roll: meta.frozen as RollTotals,
  ballots,
});

export async function closeBallot(deps: BallotDeps, callerId: string, ballotId: string): Promise<Ballot> {
  const meta = await loadBallot(deps, ballotId);
  await requireCommittee(deps, callerId, String(meta.estateId));
  if (meta.status === 'closed') throw new ConflictError('This ballot is already closed.', 'already_closed');
  const now = deps.clock();
  const closesAt = String(meta.closesAt);
  if (now < closesAt) throw new ConflictError(`Voting is open until ${closesAt}.`, 'still_open');
  if (Date.parse(now) < Date.parse(closesAt) + CLOSE_SETTLE_MS) {
    throw new ConflictError('Votes sent just before closing are still being recorded; close again in a minute.', 'settling');
  }
  const ballots = await countedBallots(deps, ballotId);
  const settings = await deps.community.getSettings(String(meta.communityId));
  const noticeEndsAt = addDays(now, settings.noticePeriodDays);
  const result: BallotResult = { ...tally(tallyInputOf(meta, ballots)), closedAt: now, closedBy: callerId, noticeEndsAt };
  if (!(await deps.ballots.close(ballotId, result as unknown as Item, noticeEndsAt))) {
    throw new ConflictError('This ballot is already closed.', 'already_closed');
  }
  return toBallot({ ...meta, status: 'closed', result, noticeEndsAt }, result.participation, now);
}

export async function receipts(deps: BallotDeps, ballotId: string): Promise<ReceiptList> {
  const meta = await loadBallot(deps, ballotId);
  if (meta.status !== 'closed') throw new ConflictError('The receipt list is published when the ballot closes.', 'not_closed');
  const ballots = await countedBallots(deps, ballotId);
  const frozen = meta.frozen as RollTotals;
  return {
    ballotId, ruleKind: meta.ruleKind as ReceiptList['ruleKind'], options: meta.options as ReceiptList['options'],
    frozenRoll: { units: frozen.units, totalAreaCentiM2: frozen.totalAreaCentiM2, heads: frozen.heads },
    items: ballots, result: meta.result as BallotResult,
  };
}
