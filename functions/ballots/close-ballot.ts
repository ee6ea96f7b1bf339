/**
 * Close and publish: the committee closes a ballot once its closing time has passed (plus a settle
 * margin longer than any vote request can run, so no vote can land after the count is read). The
 * tally (tally.ts) runs on exactly the rows the receipt list publishes (written as items of their own,
 * receipt-repository.ts, so the list is read in pages); the result goes on public notice for the
 * community's noticePeriodDays.
 */
import type { Ballot, BallotResult, ReceiptList, RollTotals, Rule } from '../contracts/ballots.js';
import { ConflictError } from '../shared/errors.js';
import { loadBallot, requireCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import { ballotNotices, representativesOf } from './notices.js';
import type { Item } from './repository.js';
import { addDays, CLOSE_SETTLE_MS, ruleOf } from './rules.js';
import { tally, type CountedBallot } from './tally.js';
import { toBallot } from './views.js';

type Published = CountedBallot & { receipt: string };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** By code; two equal codes (50 random bits each: practically never) by what they publish, never by unit. */
const byReceipt = (a: Published, b: Published) => cmp(a.receipt, b.receipt) || cmp(JSON.stringify(a), JSON.stringify(b));

/** The counted ballots as published: receipt, choice, area, head key (sorted by receipt, so not by unit). */
export async function countedBallots(deps: BallotDeps, ballotId: string): Promise<Published[]> {
  const units = await deps.ballots.ballotUnits(ballotId, ['receipt', 'choice', 'ck', 'areaCentiM2', 'headKey']);
  return units.filter((u) => u.ck !== undefined)
    .map((u) => ({ receipt: String(u.receipt), choice: u.choice as CountedBallot['choice'], areaCentiM2: Number(u.areaCentiM2), headKey: String(u.headKey) }))
    .sort(byReceipt);
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
  // The receipt list first, then the result that makes it public (a close that fails halfway is run again).
  await deps.receipts.put(ballotId, ballots);
  if (!(await deps.ballots.close(ballotId, result as unknown as Item, noticeEndsAt))) {
    throw new ConflictError('This ballot is already closed.', 'already_closed');
  }
  const people = representativesOf(await deps.ballots.ballotUnits(ballotId, ['representativeId']));
  await deps.notify(ballotNotices(meta, people, { kind: 'ballot.published', params: { passed: result.outcome === 'passed' ? 'yes' : 'no' } }, now));
  return toBallot({ ...meta, status: 'closed', result, noticeEndsAt }, result.participation, now);
}

/** One page of the published receipts: META and one Query of at most `limit` receipt items. */
export async function receipts(deps: BallotDeps, ballotId: string, q: { limit: number; cursor?: string }): Promise<ReceiptList> {
  const meta = await loadBallot(deps, ballotId);
  if (meta.status !== 'closed') throw new ConflictError('The receipt list is published when the ballot closes.', 'not_closed');
  if (meta.receiptsListed !== true) {
    // Closed before receipts had items of their own: write them from the units (closed: they no longer change).
    await deps.receipts.put(ballotId, await countedBallots(deps, ballotId));
    await deps.ballots.markReceiptsListed(ballotId);
  }
  const page = await deps.receipts.page(ballotId, q.limit, q.cursor);
  const frozen = meta.frozen as RollTotals;
  return {
    ballotId, ruleKind: meta.ruleKind as ReceiptList['ruleKind'], options: meta.options as ReceiptList['options'],
    frozenRoll: { units: frozen.units, totalAreaCentiM2: frozen.totalAreaCentiM2, heads: frozen.heads },
    items: page.items as ReceiptList['items'], result: meta.result as BallotResult, cursor: page.cursor,
  };
}
