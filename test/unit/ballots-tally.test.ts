/**
 * The Art. 278 tally, checked at and around every threshold against an independent reference
 * written here: thresholds as integer ceilings/floors (instead of cross-multiplication), heads by
 * sets of choices per owner (instead of "every ballot of the head picks it").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Choice, RollTotals } from '../../functions/contracts/ballots.js';
import { MAX_ROLL_UNITS, parseArea } from '../../functions/ballots/roll-csv.js';
import { ruleOf } from '../../functions/ballots/rules.js';
import { meets, ratio, tally, type CountedBallot, type TallyInput } from '../../functions/ballots/tally.js';

interface Unit { area: number; head: string }

/** ⌈a·p/q⌉ for non-negative integers, by integer division. */
const ceilFrac = (a: bigint, p: bigint, q: bigint) => (a * p + q - 1n) / q;

function reference(kind: 'major' | 'ordinary', optionsKind: 'decision' | 'candidates', optionIds: string[], roll: RollTotals, ballots: CountedBallot[]) {
  const pa = ballots.reduce((s, b) => s + BigInt(b.areaCentiM2), 0n);
  const choicesOfHead = new Map<string, Set<string>>();
  for (const b of ballots) {
    const k = JSON.stringify(b.choice);
    choicesOfHead.set(b.headKey, (choicesOfHead.get(b.headKey) ?? new Set()).add(k));
  }
  const ph = BigInt(choicesOfHead.size);
  const quorum = roll.totalAreaCentiM2 > 0 && roll.heads > 0
    && pa >= ceilFrac(BigInt(roll.totalAreaCentiM2), 2n, 3n) && ph >= ceilFrac(BigInt(roll.heads), 2n, 3n);
  const enough = (x: bigint, of: bigint) => (of === 0n ? false
    : kind === 'major' ? x >= ceilFrac(of, 3n, 4n) : x >= of / 2n + 1n);
  const has = (c: Choice, o: string) => (Array.isArray(c) ? c.indexOf(o) !== -1 : c === o);
  const opts = optionIds.map((o) => {
    const area = ballots.filter((b) => has(b.choice, o)).reduce((s, b) => s + BigInt(b.areaCentiM2), 0n);
    let heads = 0n;
    for (const set of choicesOfHead.values()) if ([...set].every((k) => has(JSON.parse(k) as Choice, o))) heads++;
    const eligible = optionsKind === 'candidates' || o === 'yes';
    return { o, area: Number(area), heads: Number(heads), approved: quorum && eligible && enough(area, pa) && enough(heads, ph) };
  });
  const passed = optionsKind === 'candidates' ? opts.some((x) => x.approved) : opts.find((x) => x.o === 'yes')!.approved;
  return { quorum, outcome: !quorum ? 'no-quorum' : passed ? 'passed' : 'failed', opts, pa: Number(pa), ph: Number(ph) };
}

function input(units: Unit[], votes: (Choice | null)[], kind: 'major' | 'ordinary', optionsKind: 'decision' | 'candidates' = 'decision', optionIds = ['yes', 'no', 'abstain']): TallyInput {
  return {
    rule: ruleOf(kind), optionsKind, optionIds,
    roll: { units: units.length, totalAreaCentiM2: units.reduce((s, u) => s + u.area, 0), heads: new Set(units.map((u) => u.head)).size },
    ballots: units.flatMap((u, i) => (votes[i] == null ? [] : [{ choice: votes[i]!, areaCentiM2: u.area, headKey: u.head }])),
  };
}

function agrees(i: TallyInput) {
  const got = tally(i);
  const want = reference(i.rule.kind, i.optionsKind, i.optionIds, i.roll, i.ballots);
  expect(got.quorumMet).toBe(want.quorum);
  expect(got.outcome).toBe(want.outcome);
  expect(got.participation).toMatchObject({ areaCentiM2: want.pa, heads: want.ph, units: i.ballots.length });
  expect(got.options.map((o) => [o.optionId, o.areaCentiM2, o.heads, o.approved])).toEqual(want.opts.map((o) => [o.o, o.area, o.heads, o.approved]));
  return got;
}

/** n units of the same area, each its own head. */
const equalUnits = (n: number, area = 7000): Unit[] => Array.from({ length: n }, (_, i) => ({ area, head: `h${i}` }));
const votesOf = (n: number, yes: number, voting: number) => Array.from({ length: n }, (_, i) => (i < yes ? 'yes' : i < voting ? 'no' : null));

describe('participation: at least 2/3 of the area and of the heads', () => {
  it('is met at exactly 2/3 and not one unit below, for any size', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100_000 }), (m, area) => {
      const units = equalUnits(3 * m, area);
      for (const voting of [2 * m - 1, 2 * m, 2 * m + 1]) {
        const got = agrees(input(units, votesOf(3 * m, voting, voting), 'ordinary'));
        expect(got.quorumMet).toBe(voting >= 2 * m);
      }
    }));
  });

  it('needs both: 2/3 of heads without 2/3 of area fails, and the reverse', () => {
    // One buyer with a big flat area; 3 small heads.
    const units: Unit[] = [{ area: 30_000, head: 'big' }, { area: 1_000, head: 'a' }, { area: 1_000, head: 'b' }, { area: 1_000, head: 'c' }];
    const headsOnly = agrees(input(units, [null, 'yes', 'yes', 'yes'], 'ordinary')); // 3/4 heads, 3/33 area
    expect(headsOnly.quorumMet).toBe(false);
    const areaOnly = agrees(input(units, ['yes', null, null, null], 'ordinary')); // 30/33 area, 1/4 heads
    expect(areaOnly.quorumMet).toBe(false);
  });

  it('counts one buyer\'s many units as one head, and the developer\'s unsold units as one head', () => {
    const units: Unit[] = [
      ...Array.from({ length: 5 }, () => ({ area: 5_000, head: 'buyer' })),
      ...Array.from({ length: 4 }, () => ({ area: 8_000, head: 'developer' })),
      { area: 9_000, head: 'x' },
    ];
    const i = input(units, units.map((u) => (u.head === 'x' ? null : 'yes')), 'ordinary');
    expect(i.roll.heads).toBe(3);
    const got = agrees(i);
    expect(got.participation).toEqual({ units: 9, areaCentiM2: 57_000, heads: 2 });
    expect(got.participationHeadsRatio).toEqual({ numerator: '2', denominator: '3', percent: '66.66' });
    expect(got.quorumMet).toBe(true);
  });
});

describe('approval of participants', () => {
  it('ordinary matters need more than half: exactly 1/2 fails, one more passes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), (q) => {
      const n = 2 * q; // all vote
      for (const yes of [q - 1, q, q + 1]) {
        const got = agrees(input(equalUnits(n), votesOf(n, yes, n), 'ordinary'));
        expect(got.outcome).toBe(yes >= q + 1 ? 'passed' : 'failed');
      }
    }));
  });

  it('major matters need at least 3/4: exactly 3/4 passes, one fewer fails', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), (q) => {
      const n = 4 * q;
      for (const yes of [3 * q - 1, 3 * q, 3 * q + 1].filter((y) => y <= n)) {
        const got = agrees(input(equalUnits(n), votesOf(n, yes, n), 'major'));
        expect(got.outcome).toBe(yes >= 3 * q ? 'passed' : 'failed');
      }
    }));
  });

  it('at exactly 3/4 of the area but below 3/4 of the heads, a major matter fails', () => {
    // 4 heads; yes: 'a' with 3 units (area 3/4), no: 3 single-unit heads → heads 1/4.
    const units: Unit[] = [{ area: 100, head: 'a' }, { area: 100, head: 'a' }, { area: 100, head: 'a' }, { area: 50, head: 'b' }, { area: 25, head: 'c' }, { area: 25, head: 'd' }];
    const got = agrees(input(units, ['yes', 'yes', 'yes', 'no', 'no', 'no'], 'major'));
    expect(got.options[0]!.areaRatio).toEqual({ numerator: '300', denominator: '400', percent: '75.00' });
    expect(got.outcome).toBe('failed');
  });

  it('counts abstentions as participating, never as approving', () => {
    const got = agrees(input(equalUnits(4), ['yes', 'yes', 'abstain', 'abstain'], 'ordinary'));
    expect(got.quorumMet).toBe(true);
    expect(got.outcome).toBe('failed'); // 2 of 4 is not more than half
  });

  it('a head whose units chose differently participates but approves nothing', () => {
    const units: Unit[] = [{ area: 100, head: 'a' }, { area: 100, head: 'a' }, { area: 100, head: 'b' }];
    const got = agrees(input(units, ['yes', 'no', 'yes'], 'ordinary'));
    expect(got.splitHeads).toBe(1);
    expect(got.options[0]).toMatchObject({ optionId: 'yes', areaCentiM2: 200, heads: 1, approved: false });
  });

  it('elects each candidate on its own', () => {
    const units = equalUnits(6);
    const got = agrees(input(units, [['c1', 'c2'], ['c1'], ['c1', 'c2'], ['c2'], ['c1'], []], 'ordinary', 'candidates', ['c1', 'c2', 'c3']));
    expect(got.elected).toEqual(['c1']); // c1: 4 of 6, c2: 3 of 6 (not more than half), c3: 0
    expect(got.outcome).toBe('passed');
  });
});

describe('the tally against the reference, on random rolls', () => {
  // Small areas and few heads, so that results land exactly on 1/2, 2/3 and 3/4 often.
  const unit = fc.record({ area: fc.integer({ min: 1, max: 4 }), head: fc.constantFrom('developer', 'buyer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6') });
  const decision = fc.constantFrom<Choice | null>('yes', 'yes', 'no', 'abstain', null);
  const kind = fc.constantFrom<'major' | 'ordinary'>('major', 'ordinary');

  it('agrees on decisions', () => {
    let boundaries = 0;
    fc.assert(fc.property(fc.array(fc.tuple(unit, decision), { minLength: 1, maxLength: 16 }), kind, (rows, k) => {
      const i = input(rows.map((r) => r[0]), rows.map((r) => r[1]), k);
      const got = agrees(i);
      const pa = BigInt(got.participation.areaCentiM2);
      if (pa * 3n === BigInt(i.roll.totalAreaCentiM2) * 2n || BigInt(got.options[0]!.areaCentiM2) * 4n === pa * 3n
        || BigInt(got.options[0]!.areaCentiM2) * 2n === pa) boundaries++;
    }), { numRuns: 3000 });
    expect(boundaries).toBeGreaterThan(100);
  });

  it('agrees on candidates', () => {
    const approve = fc.option(fc.subarray(['c1', 'c2', 'c3']), { nil: null });
    fc.assert(fc.property(fc.array(fc.tuple(unit, approve), { minLength: 1, maxLength: 16 }), (rows) => {
      agrees(input(rows.map((r) => r[0]), rows.map((r) => r[1]), 'ordinary', 'candidates', ['c1', 'c2', 'c3']));
    }), { numRuns: 1500 });
  });

  it('stays exact for the largest roll the CSV accepts (areas up to 9,999,999.99 m², 5,000 units)', () => {
    const maxArea = parseArea('9999999.99')!;
    expect(maxArea).toBe(999_999_999);
    expect(maxArea * MAX_ROLL_UNITS).toBeLessThan(Number.MAX_SAFE_INTEGER); // every total is an exact JSON number
    const units = Array.from({ length: 3 }, (_, i) => ({ area: maxArea, head: `h${i}` }));
    const got = agrees(input(units, ['yes', 'yes', null], 'ordinary'));
    expect(got.participationAreaRatio).toEqual({ numerator: String(2 * maxArea), denominator: String(3 * maxArea), percent: '66.66' });
    expect(got.quorumMet).toBe(true);
  });
});

describe('ratio and meets', () => {
  it('floors the display percentage and compares exactly', () => {
    expect(ratio(2n, 3n).percent).toBe('66.66');
    expect(ratio(1n, 1n).percent).toBe('100.00');
    expect(ratio(0n, 0n).percent).toBe('0.00');
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (n, d) => {
      expect(meets(n, d, 2, 3, false)).toBe(n >= ceilFrac(d, 2n, 3n));
      expect(meets(n, d, 1, 2, true)).toBe(n >= d / 2n + 1n);
      expect(meets(n, d, 3, 4, false)).toBe(n >= ceilFrac(d, 3n, 4n));
    }));
  });
});
