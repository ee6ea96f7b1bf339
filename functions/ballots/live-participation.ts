/**
 * Participation shown while a ballot is open (units, area and heads that hold a vote; never how they
 * voted) costs one read of META, whatever the roll's size: META keeps the last recount of the unit
 * items (`live`). How far behind it may be:
 * - while voting is open, at most LIVE_MAX_AGE_MS (30 s) behind the votes, plus RECOUNT_CLAIM_MS
 *   (10 s, the Lambda timeout) while another request is recounting, plus what the edge keeps
 *   (functions/shared/http/edge-cache.ts);
 * - once closesAt and the settle minute have passed no vote can land, so the first recount after that
 *   is exact and is never redone; once closed, the published result's own (exact) count is shown.
 * A read that finds `live` older than that claims the recount on META (one conditional write, so only
 * one request at a time reads every unit: ~54 RCU at 1,000 units, eventually consistent while votes may
 * still land, ~107 for the final count), recounts and keeps the result; the others show the count they
 * have. So an open ballot costs at most one recount per 30 s, and only while somebody reads it. Votes stay one write on the unit's item: no
 * counter is updated with them (DESIGN rule 4: no transactions), so nothing can drift.
 */
import type { BallotResult, Participation } from '../contracts/ballots.js';
import type { BallotDeps } from './deps.js';
import type { Item } from './repository.js';
import { CLOSE_SETTLE_MS } from './rules.js';
import { participationOf } from './views.js';

export const LIVE_MAX_AGE_MS = 30_000;
export const RECOUNT_CLAIM_MS = 10_000;

type Live = Participation & { at: string };
const NONE: Participation = { units: 0, areaCentiM2: 0, heads: 0 };
const ms = (iso: string) => Date.parse(iso);

/** Whether a recount kept at `at` still stands at `now`. */
export function liveStands(meta: Item, at: string, now: string): boolean {
  const settled = ms(String(meta.closesAt)) + CLOSE_SETTLE_MS;
  if (ms(at) >= settled) return true; // counted after the last possible vote: exact for good
  return ms(now) - ms(at) < LIVE_MAX_AGE_MS && ms(now) >= ms(at);
}

export async function participationOfBallot(deps: BallotDeps, meta: Item, now: string): Promise<Participation> {
  const result = meta.result as BallotResult | undefined;
  if (result) return result.participation;
  if (now < String(meta.opensAt)) return NONE; // no unit takes a vote before opening
  const live = meta.live as Live | undefined;
  if (live && liveStands(meta, live.at, now)) return strip(live);
  const id = String(meta.id);
  // A count exists and someone else is recounting: show the count there is.
  if (live && !(await deps.ballots.claimRecount(id, now, new Date(ms(now) - RECOUNT_CLAIM_MS).toISOString()))) return strip(live);
  // While votes may still land the count is behind anyway: an eventually consistent read costs half.
  // The count that stands for good (after closesAt and the settle minute) reads strongly consistently.
  const final = ms(now) >= ms(String(meta.closesAt)) + CLOSE_SETTLE_MS;
  const counted = participationOf(await deps.ballots.ballotUnits(id, ['areaCentiM2', 'headKey', 'ck'], final));
  await deps.ballots.saveLive(id, { ...counted, at: now });
  return counted;
}

const strip = (l: Live): Participation => ({ units: l.units, areaCentiM2: l.areaCentiM2, heads: l.heads });
