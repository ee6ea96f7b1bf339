/**
 * The tally, a pure function of the frozen roll totals and the counted ballots (exactly what the
 * receipt list publishes), so anyone can recompute it. Integer arithmetic only (BigInt): every
 * threshold is a cross-multiplication, e.g. area/total ≥ 2/3 ⇔ 3·area ≥ 2·total.
 *
 * Heads: one head per distinct head key among the ballots (one buyer's units, or all the developer's
 * unsold units, share a key). A head counts for an option only if every one of its voting units
 * chose it; a head whose units chose differently participates but counts for no option ("split").
 */
import type { BallotResult, Choice, Ratio, RollTotals, Rule } from '../contracts/ballots.js';

export interface CountedBallot { choice: Choice; areaCentiM2: number; headKey: string }
export interface TallyInput {
  rule: Rule;
  optionsKind: 'decision' | 'candidates';
  optionIds: string[];
  roll: RollTotals;
  ballots: CountedBallot[];
}
export type Tally = Omit<BallotResult, 'closedAt' | 'closedBy' | 'noticeEndsAt'>;

export function ratio(n: bigint, d: bigint): Ratio {
  const hundredths = d === 0n ? 0n : (n * 10_000n) / d;
  const whole = hundredths / 100n;
  const frac = String(hundredths % 100n).padStart(2, '0');
  return { numerator: String(n), denominator: String(d), percent: `${whole}.${frac}` };
}

/** n/d ≥ p/q (or > when strict), without division. d = 0 never meets a threshold. */
export function meets(n: bigint, d: bigint, p: number, q: number, strict: boolean): boolean {
  if (d === 0n) return false;
  const lhs = n * BigInt(q);
  const rhs = d * BigInt(p);
  return strict ? lhs > rhs : lhs >= rhs;
}

const picks = (choice: Choice, option: string): boolean =>
  typeof choice === 'string' ? choice === option : choice.includes(option);

export function tally(input: TallyInput): Tally {
  const { rule, roll, ballots } = input;
  const byHead = new Map<string, CountedBallot[]>();
  let area = 0n;
  for (const b of ballots) {
    area += BigInt(b.areaCentiM2);
    const group = byHead.get(b.headKey);
    if (group) group.push(b);
    else byHead.set(b.headKey, [b]);
  }
  const heads = BigInt(byHead.size);
  const totalArea = BigInt(roll.totalAreaCentiM2);
  const totalHeads = BigInt(roll.heads);
  const { participation: p, approval: a } = rule;
  const quorumMet = meets(area, totalArea, p.numerator, p.denominator, false)
    && meets(heads, totalHeads, p.numerator, p.denominator, false);
  const key = (c: Choice) => (typeof c === 'string' ? c : c.join(','));
  let splitHeads = 0;
  for (const group of byHead.values()) if (new Set(group.map((b) => key(b.choice))).size > 1) splitHeads++;

  const approvable = (id: string) => input.optionsKind === 'candidates' || id === 'yes';
  const options = input.optionIds.map((optionId) => {
    let optArea = 0n;
    for (const b of ballots) if (picks(b.choice, optionId)) optArea += BigInt(b.areaCentiM2);
    let optHeads = 0n;
    for (const group of byHead.values()) if (group.every((b) => picks(b.choice, optionId))) optHeads++;
    const approved = quorumMet && approvable(optionId)
      && meets(optArea, area, a.numerator, a.denominator, a.strict) && meets(optHeads, heads, a.numerator, a.denominator, a.strict);
    return {
      optionId, areaCentiM2: Number(optArea), heads: Number(optHeads),
      areaRatio: ratio(optArea, area), headsRatio: ratio(optHeads, heads), approved,
    };
  });
  const elected = input.optionsKind === 'candidates' ? options.filter((o) => o.approved).map((o) => o.optionId) : [];
  const passed = input.optionsKind === 'candidates' ? elected.length > 0 : options.some((o) => o.optionId === 'yes' && o.approved);
  return {
    outcome: !quorumMet ? 'no-quorum' : passed ? 'passed' : 'failed',
    rule: rule.text,
    participation: { units: ballots.length, areaCentiM2: Number(area), heads: Number(heads) },
    participationAreaRatio: ratio(area, totalArea),
    participationHeadsRatio: ratio(heads, totalHeads),
    quorumMet, options, elected, splitHeads,
  };
}
