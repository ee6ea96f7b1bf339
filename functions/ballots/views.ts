/** Stored items → the shapes of the contracts. */
import type { Ballot, BallotResult, BallotSummary, Choice, Participation } from '../contracts/ballots.js';
import type { Item } from './repository.js';
import { ruleOf, statusAt } from './rules.js';

const stateOf = (m: Item) => ({
  status: m.status as 'open' | 'closed', opensAt: String(m.opensAt), closesAt: String(m.closesAt),
  noticeEndsAt: m.noticeEndsAt as string | undefined, openObjections: Number(m.openObjections ?? 0),
});

export function toSummary(m: Item, participation: Participation, now: string): BallotSummary {
  return {
    id: String(m.id), communityId: String(m.communityId), estateId: String(m.estateId), estateName: String(m.estateName),
    title: String(m.title), matter: m.matter as BallotSummary['matter'], ruleKind: m.ruleKind as BallotSummary['ruleKind'],
    optionsKind: m.optionsKind as BallotSummary['optionsKind'], opensAt: String(m.opensAt), closesAt: String(m.closesAt),
    status: statusAt(stateOf(m), now), outcome: (m.result as BallotResult | undefined)?.outcome ?? null, createdAt: String(m.createdAt),
    frozenRoll: m.frozen as BallotSummary['frozenRoll'], participation,
  };
}

export function toBallot(m: Item, participation: Participation, now: string): Ballot {
  return {
    ...toSummary(m, participation, now),
    description: String(m.description ?? ''),
    options: m.options as Ballot['options'],
    rule: ruleOf(m.ruleKind as Ballot['ruleKind']),
    result: (m.result as BallotResult | undefined) ?? null,
    objections: ((m.objections ?? []) as Ballot['objections']).map((o) => ({ ...o, response: o.response ?? null })),
    openObjections: Number(m.openObjections ?? 0),
    createdBy: String(m.createdBy),
  };
}

/** Participation from the units' own items: units holding a vote, their area, their distinct heads. */
export function participationOf(units: Item[]): Participation {
  const voted = units.filter((u) => u.ck !== undefined);
  return {
    units: voted.length,
    areaCentiM2: voted.reduce((s, u) => s + Number(u.areaCentiM2), 0),
    heads: new Set(voted.map((u) => String(u.headKey))).size,
  };
}

export const choiceOf = (u: Item): Choice | null => (u.choice === undefined ? null : (u.choice as Choice));
