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
 * Only requests run through create-handler use kept readings; seeding, the admin CLI and scripts read afresh.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Member } from './rules.js';

export const MEMBER_TTL_MS = 60_000;

const kept = new Map<string, { at: number; member: Member }>();
/** Per request (the local platform runs many at once): the people whose kept reading it used. */
const scope = new AsyncLocalStorage<Set<string>>();

export const memberCache = {
  /** Runs one request with the cache on. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return scope.run(new Set(), fn);
  },
  get(userId: string, now = Date.now()): Member | undefined {
    const used = scope.getStore();
    const hit = used && kept.get(userId);
    if (!used || !hit || now - hit.at >= MEMBER_TTL_MS) return undefined;
    used.add(userId);
    return hit.member;
  },
  set(member: Member, now = Date.now()): void {
    if (scope.getStore()) kept.set(member.id, { at: now, member });
  },
  /** After a refusal: true when this request used kept readings (now forgotten), so it is worth running again. */
  forgetUsed(): boolean {
    const used = scope.getStore();
    if (!used || used.size === 0) return false;
    for (const id of used) kept.delete(id);
    used.clear();
    return true;
  },
  clear(): void {
    kept.clear();
  },
};
