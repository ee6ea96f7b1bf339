/**
 * Property tests of the ledger's fold: random sequences of projects, gifts, confirmations, expenses,
 * allocations, hours, in-kind use and reversals (valid or not), each checked and appended the way
 * the API does. The folded totals must always equal an independent, straightforward recomputation
 * from the entries, balances must never drift, stock never goes negative, and the chain verifies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../functions/donations/chain.js';
import {
  apply, check, emptyState, fold, fundingOf, GENERAL, seal, totalsOf, type ChainItem, type Draft, type LedgerState, type Payload,
} from '../../functions/donations/ledger.js';
import { AppError } from '../../functions/shared/errors.js';

const staff = { id: 'staff1', name: '职员' };
const ITEMS = [['帐篷', '顶'], ['图书', '本'], ['口罩', '盒']] as const;

type Op =
  | { op: 'project'; budget: number }
  | { op: 'money'; target: number; amount: number; anonymous: boolean }
  | { op: 'goods'; target: number; item: number; quantity: number; value: number }
  | { op: 'confirm'; pick: number }
  | { op: 'allocate'; target: number; amount: number }
  | { op: 'expense'; target: number; amount: number }
  | { op: 'use'; target: number; item: number; quantity: number }
  | { op: 'hours'; target: number; minutes: number }
  | { op: 'reverse'; pick: number };

const amount = fc.integer({ min: 1, max: 1_000_000 });
const target = fc.nat({ max: 5 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('project' as const), budget: fc.nat({ max: 10_000_000 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('money' as const), target, amount, anonymous: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('goods' as const), target, item: fc.nat({ max: 2 }), quantity: fc.integer({ min: 1, max: 30 }), value: fc.nat({ max: 100_000 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('confirm' as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('allocate' as const), target, amount }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('expense' as const), target, amount }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('use' as const), target, item: fc.nat({ max: 2 }), quantity: fc.integer({ min: 1, max: 20 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('hours' as const), target, minutes: fc.integer({ min: 1, max: 600 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }), weight: 3 },
);

let counter = 0;
const nextId = () => `01J${String(counter++).padStart(23, '0')}`;

/** Project ids made so far; target 0 (or one past the list) is the general fund. */
function projectFor(state: LedgerState, t: number): string | null {
  const projects = state.items.filter((i) => i.e.kind === 'project').map((i) => i.e.id);
  return t === 0 || projects.length === 0 ? null : projects[(t - 1) % projects.length]!;
}
const pick = (state: LedgerState, n: number) => (state.items.length ? state.items[n % state.items.length]!.e.id : 'NONE');

function draftOf(state: LedgerState, o: Op): Draft {
  const d = (payload: Payload, projectId: string | null): Draft => ({ payload, projectId, enteredBy: staff });
  const donor = { name: '捐赠人', donorType: 'person' as const };
  switch (o.op) {
    case 'project': return d({ kind: 'project', title: '项目', description: '', budgetFen: o.budget, proposalId: null }, null);
    case 'money': return {
      ...d({ kind: 'money_gift', amountFen: o.amount, currency: 'CNY', channel: 'cash', reference: null, visibility: o.anonymous ? 'anonymous' : 'public',
        donor: { ...donor, name: o.anonymous ? null : '捐赠人' }, message: null }, projectFor(state, o.target)),
      priv: { salt: 'aa', donorName: '捐赠人', donorUserId: 'resident1' },
    };
    case 'goods': return d({ kind: 'in_kind_gift', item: ITEMS[o.item]![0], unit: ITEMS[o.item]![1], quantity: o.quantity, estimatedValueFen: o.value,
      visibility: 'public', donor, message: null }, projectFor(state, o.target));
    case 'confirm': {
      const id = pick(state, o.pick);
      return d({ kind: 'confirmation', confirms: id, note: null }, state.items.find((i) => i.e.id === id)?.e.projectId ?? null);
    }
    case 'allocate': return d({ kind: 'government_allocation', amountFen: o.amount, source: '街道', reference: null }, projectFor(state, o.target));
    case 'expense': return d({ kind: 'expense', amountFen: o.amount, payee: '公司', purpose: '材料', receiptPhotoKey: null, receiptNumber: '1' }, projectFor(state, o.target));
    case 'use': return d({ kind: 'in_kind_use', item: ITEMS[o.item]![0], unit: ITEMS[o.item]![1], quantity: o.quantity, purpose: '使用' }, projectFor(state, o.target));
    case 'hours': return d({ kind: 'volunteer_hours', minutes: o.minutes, volunteers: 1, description: '义工', workedOn: '2026-11-01' }, projectFor(state, o.target));
    case 'reverse': {
      const id = pick(state, o.pick);
      return d({ kind: 'reversal', reverses: id, reason: '更正' }, state.items.find((i) => i.e.id === id)?.e.projectId ?? null);
    }
  }
}

/** Runs the ops as the API would: check on the tail, then seal and append; refused ops write nothing. */
function run(ops: Op[]): { state: LedgerState; refused: number; stockNeverNegative: boolean } {
  const state = emptyState('chating');
  let refused = 0;
  let stockNeverNegative = true;
  for (const o of ops) {
    const d = draftOf(state, o);
    try {
      check(state, d);
    } catch (e) {
      if (!(e instanceof AppError) || ![404, 409, 400].includes(e.status)) throw e;
      refused++;
      continue;
    }
    apply(state, seal(state, d, nextId(), '2026-11-29T00:00:00.000Z'));
    for (const b of state.buckets.values()) for (const l of b.stock.values()) if (l.received - l.used < 0) stockNeverNegative = false;
  }
  return { state, refused, stockNeverNegative };
}

/** The independent model: decide each entry's fate from the whole list, then add up. */
function recompute(items: readonly ChainItem[]) {
  const reversed = new Set(items.flatMap((i) => (i.e.kind === 'reversal' ? [i.e.reverses] : [])));
  const confirmed = new Set(items.flatMap((i) => (i.e.kind === 'confirmation' && !reversed.has(i.e.id) ? [i.e.confirms] : [])));
  const buckets = new Map<string, Record<string, number>>();
  const stock = new Map<string, number>();
  const b = (p: string | null) => {
    const k = p ?? GENERAL;
    if (!buckets.has(k)) buckets.set(k, { governmentFen: 0, donationsFen: 0, inKindFen: 0, volunteerMinutes: 0, pledgedFen: 0, inKindPledgedFen: 0, spentFen: 0 });
    return buckets.get(k)!;
  };
  b(null);
  for (const { e } of items) {
    if (e.kind === 'project') b(e.id);
    if (reversed.has(e.id)) continue;
    switch (e.kind) {
      case 'money_gift': if (confirmed.has(e.id)) b(e.projectId).donationsFen! += e.amountFen; else b(e.projectId).pledgedFen! += e.amountFen; break;
      case 'in_kind_gift':
        if (confirmed.has(e.id)) {
          b(e.projectId).inKindFen! += e.estimatedValueFen;
          stock.set(`${e.projectId}|${e.item}`, (stock.get(`${e.projectId}|${e.item}`) ?? 0) + e.quantity);
        } else b(e.projectId).inKindPledgedFen! += e.estimatedValueFen;
        break;
      case 'government_allocation': b(e.projectId).governmentFen! += e.amountFen; break;
      case 'expense': b(e.projectId).spentFen! += e.amountFen; break;
      case 'volunteer_hours': b(e.projectId).volunteerMinutes! += e.minutes; break;
      case 'in_kind_use': stock.set(`${e.projectId}|${e.item}`, (stock.get(`${e.projectId}|${e.item}`) ?? 0) - e.quantity); break;
      default: break;
    }
  }
  return { buckets, stock };
}

const ops = fc.array(opArb, { minLength: 1, maxLength: 120 });

describe('the ledger fold', () => {
  it('keeps every total equal to the sum of the entries, whatever the sequence', () => {
    fc.assert(fc.property(ops, (list) => {
      const { state } = run(list);
      const model = recompute(state.items);
      expect([...state.buckets.keys()].sort()).toEqual([...model.buckets.keys()].sort());
      for (const [k, expected] of model.buckets) {
        const f = fundingOf(state.buckets.get(k)!);
        expect({ ...f, budgetFen: undefined, stock: undefined, balanceFen: undefined }).toEqual({ ...expected, budgetFen: undefined, stock: undefined, balanceFen: undefined });
        expect(f.balanceFen).toBe(expected.governmentFen! + expected.donationsFen! - expected.spentFen!);
      }
      for (const [k, left] of model.stock) {
        const [projectId, item] = k.split('|');
        const f = fundingOf(state.buckets.get(projectId === 'null' ? GENERAL : projectId!)!);
        expect(f.stock.find((l) => l.item === item)?.left ?? 0).toBe(left);
      }
    }), { numRuns: 300 });
  });

  it('never lets stock go negative, and community totals are the sum of every bucket', () => {
    fc.assert(fc.property(ops, (list) => {
      const { state, stockNeverNegative } = run(list);
      expect(stockNeverNegative).toBe(true);
      const t = totalsOf(state);
      const fs = [...state.buckets.values()].map(fundingOf);
      for (const k of ['governmentFen', 'donationsFen', 'inKindFen', 'volunteerMinutes', 'pledgedFen', 'inKindPledgedFen', 'spentFen', 'balanceFen'] as const) {
        expect(t[k]).toBe(fs.reduce((a, f) => a + f[k], 0));
      }
    }), { numRuns: 200 });
  });

  it('folds to the same state from scratch as step by step (a cold Lambda agrees with a warm one), and the chain verifies', () => {
    fc.assert(fc.property(ops, fc.nat(), (list, cut) => {
      const { state } = run(list);
      const again = fold('chating', state.items);
      expect([...again.buckets.entries()].map(([k, b]) => [k, fundingOf(b)])).toEqual([...state.buckets.entries()].map(([k, b]) => [k, fundingOf(b)]));
      // Folding in two pages, the second overlapping the first, changes nothing either.
      const split = emptyState('chating');
      const at = state.items.length ? cut % state.items.length : 0;
      for (const i of state.items.slice(0, at + 1)) apply(split, i);
      for (const i of state.items.slice(at)) apply(split, i);
      expect(totalsOf(split)).toEqual(totalsOf(state));
      expect(verifyChain(state.items.map((i) => ({ ...i.e, hash: i.h }))).ok).toBe(true);
    }), { numRuns: 150 });
  });

  it('refuses a second confirmation, a second reversal, confirming a reversed gift and using goods never received', () => {
    const s = emptyState('chating');
    const add = (d: Draft) => { check(s, d); const item = seal(s, d, nextId(), '2026-11-29T00:00:00.000Z'); apply(s, item); return item.e.id; };
    const gift = add({ payload: { kind: 'money_gift', amountFen: 100, currency: 'CNY', channel: 'cash', reference: null, visibility: 'public', donor: { name: 'a', donorType: 'person' }, message: null }, projectId: null, enteredBy: null });
    const conf = add({ payload: { kind: 'confirmation', confirms: gift, note: null }, projectId: null, enteredBy: staff });
    expect(() => check(s, { payload: { kind: 'confirmation', confirms: gift, note: null }, projectId: null, enteredBy: staff })).toThrow(/already confirmed/);
    add({ payload: { kind: 'reversal', reverses: conf, reason: '点错' }, projectId: null, enteredBy: staff });
    expect(fundingOf(s.buckets.get(GENERAL)!)).toMatchObject({ pledgedFen: 100, donationsFen: 0 });
    add({ payload: { kind: 'reversal', reverses: gift, reason: '撤回' }, projectId: null, enteredBy: staff });
    expect(() => check(s, { payload: { kind: 'reversal', reverses: gift, reason: '撤回' }, projectId: null, enteredBy: staff })).toThrow(/already reversed/);
    expect(() => check(s, { payload: { kind: 'confirmation', confirms: gift, note: null }, projectId: null, enteredBy: staff })).toThrow(/reversed/);
    expect(() => check(s, { payload: { kind: 'in_kind_use', item: '帐篷', unit: '顶', quantity: 1, purpose: 'x' }, projectId: null, enteredBy: staff })).toThrow(/Only 0/);
    expect(fundingOf(s.buckets.get(GENERAL)!)).toMatchObject({ pledgedFen: 0, donationsFen: 0 });
  });
});
