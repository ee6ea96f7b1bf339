/**
 * The folded ledger of each community, kept warm in the Lambda: a read fetches only the entries
 * appended since the last one (a single consistent Query that starts at the known tail, so it also
 * notices when the table was reset under it), and appends run the check → seal → conditional put
 * loop described in repository.ts.
 *
 * A warm container that folded the tail a moment ago (KEPT_MS) appends on that state without reading
 * the tail first: an append from a stale state takes a position someone else already holds, so its
 * conditional put fails and the loop reads the tail again. A refusal (a key reused, an expense beyond
 * the balance) is never made on a kept state: the tail is read and the entry drafted again first.
 *
 * Appends from one process wait for each other (on AWS a container serves one request at a time,
 * so this only spares the local platform needless races); appends from different processes are kept
 * apart by the conditional put alone, which is what the chain's correctness rests on.
 */
import { ConflictError } from '../shared/errors.js';
import { apply, emptyState, seal, type ChainItem, type Draft, type LedgerState } from './ledger.js';
import type { LedgerRepository } from './repository.js';

const MAX_ATTEMPTS = 60;
/** How long a folded state counts as the tail for the next append (a guess: the put checks it). */
export const KEPT_MS = 60_000;
/** How many donors' last community a warm Lambda remembers (a hint for prefetching, never the truth). */
const REMEMBERED_DONORS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Build = (state: LedgerState) => { draft: Draft } | { replay: ChainItem };

export class LedgerStore {
  private readonly states = new Map<string, LedgerState>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly lastCommunity = new Map<string, string>();
  private readonly loadedAt = new Map<string, number>();

  constructor(private readonly repo: LedgerRepository, private readonly clock: () => string, private readonly newId: () => string) {}

  /** The community's ledger folded up to the tail as it is now. */
  async load(communityId: string): Promise<LedgerState> {
    this.loadedAt.set(communityId, Date.now());
    const state = this.states.get(communityId);
    if (state && state.length > 0) {
      const known = state.length;
      const fresh = await this.repo.readFrom(communityId, known);
      if (fresh[0]?.e.position === known && fresh[0].h === state.items[known - 1]!.h) {
        // Another load may have folded some of these meanwhile; apply() skips what it has.
        for (const item of fresh) {
          if (item.e.position > state.length + 1) break;
          apply(state, item);
        }
        return state;
      }
      // The table no longer holds the tail we folded (a reset, or a hand edit): fold again from the start.
    }
    const all = await this.repo.readFrom(communityId, 1);
    const folded = emptyState(communityId);
    for (const item of all) {
      if (item.e.position !== folded.length + 1) break; // a hole someone made by hand; verify reports it
      apply(folded, item);
    }
    this.states.set(communityId, folded);
    return folded;
  }

  /** The state folded from a tail read less than KEPT_MS ago, if there is one. */
  kept(communityId: string, now = Date.now()): LedgerState | undefined {
    const state = this.states.get(communityId);
    return state && now - (this.loadedAt.get(communityId) ?? 0) < KEPT_MS ? state : undefined;
  }

  /** The community this caller's last gift in this process went to: which tail to read early next time. */
  lastCommunityOf(callerId: string): string | undefined {
    return this.lastCommunity.get(callerId);
  }

  rememberCommunityOf(callerId: string, communityId: string): void {
    this.lastCommunity.delete(callerId);
    this.lastCommunity.set(callerId, communityId);
    if (this.lastCommunity.size > REMEMBERED_DONORS) this.lastCommunity.delete(this.lastCommunity.keys().next().value!);
  }

  /** Runs `fn` after every earlier append of this community in this process has finished. */
  private async serial<T>(communityId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.locks.get(communityId) ?? Promise.resolve();
    const run = before.then(fn, fn);
    this.locks.set(communityId, run.catch(() => undefined));
    return run;
  }

  /**
   * Appends the entry `build` drafts from the tail's state, or returns the entry `build` says this
   * request already made. `build` runs again on the new tail after every lost race.
   */
  append(communityId: string, build: Build, prefetched?: Promise<LedgerState>): Promise<{ item: ChainItem; replay: boolean }> {
    return this.serial(communityId, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        // A tail read started while the caller's roles were being read saves a round trip; it is as
        // fresh as any: if someone appended since, the put below fails and we read again. So does a
        // state kept from a moment ago, which saves the read altogether.
        const kept = attempt === 0 && !prefetched ? this.kept(communityId) : undefined;
        let state = kept ?? (attempt === 0 && prefetched ? await prefetched : await this.load(communityId));
        let out: ReturnType<Build>;
        try {
          out = build(state);
        } catch (refusal) {
          if (!kept) throw refusal;
          state = await this.load(communityId); // never refused on a kept state
          out = build(state);
        }
        if ('replay' in out) return { item: out.replay, replay: true };
        const item = seal(state, out.draft, this.newId(), this.clock());
        if (await this.repo.append(item)) {
          apply(state, item); // position n + 1 was free, so the state was at the tail: fold our entry in too
          return { item, replay: false };
        }
        // Lost the race, or the SDK retried our own put after a lost reply: look at that position.
        const after = await this.load(communityId);
        if (after.items[item.e.position - 1]?.e.id === item.e.id) return { item, replay: false };
        await sleep(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6)));
      }
      throw new ConflictError('Many entries are being recorded right now; please try again.', 'busy');
    });
  }
}
