/**
 * Voting online by a unit's representative. A person who represents several units (one buyer's
 * flats) votes for all of them with one request, or for one with `unitId`. Each unit's vote is one
 * conditional UpdateItem on that unit's item (see repository.ts), so 500 racing requests for 50 units
 * leave exactly 50 counted votes, each the last one written, with every change in the unit's history.
 */
import type { Choice, MyVotes, VoteBody } from '../contracts/ballots.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
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
  await loadBallot(deps, ballotId);
  const ids = await deps.ballots.unitIdsOfRep(ballotId, callerId);
  return { ballotId, items: (await deps.ballots.getUnits(ballotId, ids)).map(toMyUnit) };
}

export async function vote(deps: BallotDeps, callerId: string, ballotId: string, body: { choice: Choice; unitId?: string }): Promise<MyVotes> {
  const meta = await loadBallot(deps, ballotId);
  const choice = normalizeChoice(meta.optionsKind as 'decision' | 'candidates', meta.options as never, body.choice);
  const now = deps.clock();
  requireOpen(meta, now);
  const mine = await deps.ballots.unitIdsOfRep(ballotId, callerId);
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
