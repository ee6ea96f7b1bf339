/**
 * Voting online by a unit's representative. A person who represents several units (one buyer's
 * flats) votes for all of them with one request, or for one with `unitId`. Each unit's vote is one
 * conditional UpdateItem on that unit's item (see repository.ts), so 500 racing requests for 50 units
 * leave exactly 50 counted votes, each the last one written, with every change in the unit's history.
 */
import type { Choice, MyVotes, VoteBody } from '../contracts/ballots.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { loadBallot } from './access.js';
import type { BallotDeps } from './deps.js';
import type { HistoryItem, Item } from './repository.js';
import { choiceKey, MAX_CHANGES, normalizeChoice, statusAt } from './rules.js';
import { choiceOf } from './views.js';

export const RECEIPT_LENGTH = 10;

export const toMyUnit = (u: Item) => ({
  unitId: String(u.unitId), building: String(u.building), room: String(u.room), areaCentiM2: Number(u.areaCentiM2),
  choice: choiceOf(u), receipt: (u.receipt as string | undefined) ?? null, votedAt: (u.votedAt as string | undefined) ?? null,
  via: (u.via as 'online' | 'paper' | 'proxy' | undefined) ?? null,
});

/** 409 unless the ballot takes votes at `now`. */
export function requireOpen(meta: Item, now: string): void {
  const status = statusAt({
    status: meta.status as 'open' | 'closed', opensAt: String(meta.opensAt), closesAt: String(meta.closesAt),
    noticeEndsAt: meta.noticeEndsAt as string | undefined, openObjections: Number(meta.openObjections ?? 0),
  }, now);
  if (status === 'scheduled') throw new ConflictError('Voting has not opened yet.', 'not_open');
  if (status !== 'open') throw new ConflictError('Voting has closed.', 'closed');
}

/** Why a vote's conditional write failed, read back from the unit's item. */
export function explainRefusal(unit: Item | null, now: string, who: { callerId: string; online: boolean }): Error | null {
  if (!unit) return new NotFoundError('That unit is not on this ballot\'s roll.');
  if (who.online && unit.representativeId !== who.callerId) return new ForbiddenError('Only the unit\'s voting representative may vote for it.');
  if (now < String(unit.opensAt)) return new ConflictError('Voting has not opened yet.', 'not_open');
  if (now >= String(unit.closesAt)) return new ConflictError('Voting has closed.', 'closed');
  if (Number(unit.changes ?? 0) >= MAX_CHANGES) return new ConflictError(`A unit's vote may change at most ${MAX_CHANGES} times.`, 'too_many_changes');
  return null;
}

export async function myVotes(deps: BallotDeps, callerId: string, ballotId: string): Promise<MyVotes> {
  deps.cache.keepBallot(await loadBallot(deps, ballotId));
  const ids = await deps.ballots.unitIdsOfRep(ballotId, callerId);
  deps.cache.keepUnits(ballotId, callerId, ids); // the vote page reads this first: its vote is then warm
  return { ballotId, items: (await deps.ballots.getUnits(ballotId, ids)).map(toMyUnit) };
}

/** Whether the try used a kept reading (ballot-cache.ts); null: read afresh. */
type Readings = { used: boolean } | null;

async function ballotFor(deps: BallotDeps, ballotId: string, readings: Readings): Promise<Item> {
  const kept = readings && deps.cache.ballot(ballotId);
  if (kept) {
    readings.used = true;
    return kept;
  }
  const meta = await loadBallot(deps, ballotId);
  deps.cache.keepBallot(meta);
  return meta;
}

async function unitsOf(deps: BallotDeps, ballotId: string, callerId: string, readings: Readings): Promise<string[]> {
  const kept = readings && deps.cache.unitsOf(ballotId, callerId);
  if (kept) {
    readings.used = true;
    return kept;
  }
  const ids = await deps.ballots.unitIdsOfRep(ballotId, callerId);
  deps.cache.keepUnits(ballotId, callerId, ids);
  return ids;
}

/**
 * A warm vote is one DynamoDB request: the ballot's facts and the caller's units come from the
 * container (ballot-cache.ts) and the unit's conditional write checks what they could get wrong.
 * Never refused on a kept reading: any refusal after using one forgets it and runs once more afresh
 * (units already written are then the same vote again: no change).
 */
export async function vote(deps: BallotDeps, callerId: string, ballotId: string, body: { choice: Choice; unitId?: string }): Promise<MyVotes> {
  const readings = { used: false };
  try {
    return await voteOnce(deps, callerId, ballotId, body, readings);
  } catch (e) {
    if (!(e instanceof AppError) || !readings.used) throw e;
    deps.cache.forget(ballotId, callerId);
    return voteOnce(deps, callerId, ballotId, body, null);
  }
}

async function voteOnce(deps: BallotDeps, callerId: string, ballotId: string, body: { choice: Choice; unitId?: string }, readings: Readings): Promise<MyVotes> {
  const meta = await ballotFor(deps, ballotId, readings);
  const choice = normalizeChoice(meta.optionsKind as 'decision' | 'candidates', meta.options as never, body.choice);
  const now = deps.clock();
  requireOpen(meta, now);
  const mine = await unitsOf(deps, ballotId, callerId, readings);
  if (mine.length === 0) throw new ForbiddenError('Only the voting representative of a unit on this ballot\'s roll may vote.');
  if (body.unitId !== undefined && !mine.includes(body.unitId)) throw new ForbiddenError('You do not represent that unit.');
  const units = body.unitId === undefined ? mine : [body.unitId];
  const entry: HistoryItem = { choice, at: now, via: 'online', by: callerId };
  const items = await Promise.all(units.map(async (unitId) => {
    const written = await deps.ballots.writeVote(ballotId, unitId, {
      choice, choiceKey: choiceKey(choice), via: 'online', now, by: callerId, receipt: deps.randomCode(RECEIPT_LENGTH),
      entry, condition: 'representative', maxChanges: MAX_CHANGES,
    });
    if (written) return written;
    const unit = await deps.ballots.getUnit(ballotId, unitId);
    const refusal = explainRefusal(unit, now, { callerId, online: true });
    if (refusal) throw refusal;
    return unit!; // the same vote again: nothing to change
  }));
  return { ballotId, items: items.map(toMyUnit).sort((a, b) => a.unitId.localeCompare(b.unitId)) };
}

export type { VoteBody };
