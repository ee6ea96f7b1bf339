/** Shared by the bench modules: capacity units as DynamoDB reports them, and a stopwatch. */
import { documentClient } from '../../functions/shared/db/client.js';

/**
 * Capacity units; `calls`: the DynamoDB requests made (parallel ones each count); `trips`: the round
 * trips a caller waits for, i.e. requests sent while no other was in flight (two sent side by side are one).
 */
export type Units = { rcu: number; wcu: number; calls: number; trips: number };
const READS = /^(Get|Query|BatchGet|Scan)/; // GetItemCommand, QueryCommand, BatchGetItemCommand, ...

/**
 * Asks every call of this process's document client for its consumed capacity and adds it up
 * (reads and writes apart); `take()` returns the sum since the last take. One meter per process.
 */
export function meter(name = 'benchCapacityMeter'): { take(): Units } {
  let units: Units = { rcu: 0, wcu: 0, calls: 0, trips: 0 };
  let inFlight = 0;
  documentClient().middlewareStack.add((next, ctx) => async (args) => {
    (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
    units.calls += 1;
    if (inFlight++ === 0) units.trips += 1;
    const out = await next(args).finally(() => { inFlight--; });
    const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
    const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as { CapacityUnits?: number }[];
    const sum = list.reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
    if (READS.test(ctx.commandName ?? '')) units.rcu += sum; else units.wcu += sum;
    return out;
  }, { step: 'initialize', name });
  return { take: () => { const u = units; units = { rcu: 0, wcu: 0, calls: 0, trips: 0 }; return u; } };
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
