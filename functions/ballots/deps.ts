import type { CommunityRepository } from '../community/repository.js';
import type { Notify } from '../notifications/outbox.js';
import type { Clock } from '../shared/clock.js';
import type { WriteLimits } from '../shared/write-limits.js';
import type { BallotCache } from './ballot-cache.js';
import type { ReceiptRepository } from './receipt-repository.js';
import type { BallotRepository } from './repository.js';
import type { RegistryReader } from './roll-from-registry.js';
import type { RollRepository } from './roll-repository.js';

export interface BallotDeps {
  ballots: BallotRepository;
  /** The published receipt list (after close). */
  receipts: ReceiptRepository;
  rolls: RollRepository;
  community: CommunityRepository;
  /** Per-person daily limit on objections. */
  writeLimits: WriteLimits;
  /** The community table's households and their verified owners (the roll derived from the registry). */
  registry: RegistryReader;
  /** Warm-container readings for the vote (ballot-cache.ts). */
  cache: BallotCache;
  clock: Clock;
  newId: () => string;
  /** Unguessable codes: receipts (10 characters) and per-ballot head keys. */
  randomCode: (length: number) => string;
  /** Writes the notifications a change causes, after it (DESIGN rule 9). */
  notify: Notify;
}
