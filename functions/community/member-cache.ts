/**
 * Who the caller is (households, committee seats, staff roles) is read on nearly every action, and
 * changes rarely. A warm container keeps each person's reading for MEMBER_TTL_MS, so a warm action
 * costs only its own write. Two rules keep it safe:
 * - a refusal is never based on a kept reading: when a request that used one is refused (403/404),
 *   create-handler forgets what it used and runs the request once more on fresh readings (a resident
 *   verified a moment ago, a committee member just appointed, is let in at once);
 * - the community function's writes (grants, joining, leaving, profiles) read everyone afresh, and the
 *   container then forgets everything it kept; locally, where one process runs every context, a
 *   revocation therefore takes effect at once.
 * On AWS another function's container may still let a revoked role act for up to MEMBER_TTL_MS (README).
 * Readings are kept and used only while a request runs through create-handler; seeding, the admin CLI
 * and scripts read afresh (in the local platform's process, unless a request is running at that moment).
 */
import type { Member } from './rules.js';

export const MEMBER_TTL_MS = 60_000;

const kept = new Map<string, { at: number; member: Member }>();
/**
 * The requests running with the cache on, and the people whose kept reading they used. A Lambda runs
 * one request at a time, so this is exactly one request's; the local platform overlaps requests, and
 * then a refusal forgets what any of them used and reruns once, which only costs a read. (This was
 * an AsyncLocalStorage: on Node 20 that turns on promise hooks for every promise in the process, ~5 %
 * of a warm booking's time through the local adapter.)
 */
let running = 0;
const used = new Set<string>();

export const memberCache = {
  /** Runs one request with the cache on. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    running += 1;
    try {
      return await fn();
    } finally {
      running -= 1;
      if (running === 0) used.clear();
    }
  },
  get(userId: string, now = Date.now()): Member | undefined {
    const hit = running > 0 ? kept.get(userId) : undefined;
    if (!hit || now - hit.at >= MEMBER_TTL_MS) return undefined;
    used.add(userId);
    return hit.member;
  },
  set(member: Member, now = Date.now()): void {
    if (running > 0) kept.set(member.id, { at: now, member });
  },
  /**
   * After a refusal: true when kept readings were used (now forgotten), so it is worth running again.
   * What was used stays noted until no request runs: an overlapping request refused on the same
   * reading then also learns that it used one.
   */
  forgetUsed(): boolean {
    if (running === 0 || used.size === 0) return false;
    for (const id of used) kept.delete(id);
    return true;
  },
  clear(): void {
    kept.clear();
  },
};
