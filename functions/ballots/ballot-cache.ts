/**
 * What a vote reads besides its own write, kept in a warm container for BALLOT_CACHE_TTL_MS, so a
 * warm `PUT /api/ballots/{id}/vote` is one DynamoDB request (the unit's conditional UpdateItem):
 * - an open ballot's facts that never change once it exists: estate, community, options, opensAt,
 *   closesAt (no code path updates them; the status kept is only the one read, always 'open');
 * - the unit ids a person represents in a ballot (written with the frozen roll, never updated).
 * Neither can let a vote through that the write would refuse: the unit's item carries its own
 * opensAt/closesAt and representativeId, and the UpdateItem's condition checks them (repository.ts).
 * A refusal is never based on a kept reading: vote.ts forgets what it used and runs once more on
 * fresh readings (a person who has just become a unit's representative is let in at once).
 * Only the vote uses kept readings; every other use case reads afresh.
 * Representatives are frozen with the roll, so a kept unit list is never short today. Should a unit's
 * representative ever change during a ballot, the new one's vote "for all my units" could leave that
 * unit out for up to the TTL (the old one is refused by the write): such a change must come with a
 * way to reach every warm container, or the list must stop being kept.
 */
import type { Item } from './db.js';

export const BALLOT_CACHE_TTL_MS = 60_000;
/** A container serving a big estate keeps at most this many of each (the oldest go first). */
const MAX_ENTRIES = 5_000;

type Kept<T> = { at: number; value: T };

function keep<T>(map: Map<string, Kept<T>>, key: string, value: T, now: number): void {
  map.delete(key);
  map.set(key, { at: now, value });
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

function fresh<T>(map: Map<string, Kept<T>>, key: string, now: number): T | undefined {
  const hit = map.get(key);
  if (!hit || now - hit.at >= BALLOT_CACHE_TTL_MS || now < hit.at) return undefined;
  return hit.value;
}

/** The META attributes a vote needs; all but status are immutable, and only an open ballot is kept. */
const FACTS = ['id', 'communityId', 'estateId', 'optionsKind', 'options', 'opensAt', 'closesAt', 'status'] as const;

export class BallotCache {
  private readonly facts = new Map<string, Kept<Item>>();
  private readonly units = new Map<string, Kept<string[]>>();
  constructor(private readonly clock: () => number = Date.now) {}

  ballot(ballotId: string): Item | undefined {
    return fresh(this.facts, ballotId, this.clock());
  }

  keepBallot(meta: Item): void {
    if (meta.status !== 'open' || meta.result !== undefined) return;
    keep(this.facts, String(meta.id), Object.fromEntries(FACTS.map((f) => [f, meta[f]])), this.clock());
  }

  unitsOf(ballotId: string, userId: string): string[] | undefined {
    return fresh(this.units, `${ballotId}#${userId}`, this.clock());
  }

  keepUnits(ballotId: string, userId: string, unitIds: string[]): void {
    keep(this.units, `${ballotId}#${userId}`, [...unitIds], this.clock());
  }

  forget(ballotId: string, userId: string): void {
    this.facts.delete(ballotId);
    this.units.delete(`${ballotId}#${userId}`);
  }
}
