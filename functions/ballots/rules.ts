/** Pure rules of owner votes (Civil Code Art. 278, see GLOSSARY.md); no I/O. */
import type { BallotOption, BallotStatus, Choice, Matter, Rule, RuleKind } from '../contracts/ballots.js';
import { BadRequestError } from '../shared/errors.js';

/** Raising maintenance funds, rebuilding, changing or commercially using common parts: 3/4. */
const MAJOR: ReadonlySet<Matter> = new Set<Matter>(['raise-maintenance-fund', 'rebuild', 'common-use-change']);
export const ruleKindOf = (matter: Matter): RuleKind => (MAJOR.has(matter) ? 'major' : 'ordinary');

/** Committee may close only this long after closesAt: longer than any vote request can run (Lambda timeout 10 s). */
export const CLOSE_SETTLE_MS = 60_000;
/** A unit's vote may change this many times (its whole history lives on its one item). */
export const MAX_CHANGES = 50;

export function ruleOf(kind: RuleKind): Rule {
  return kind === 'major'
    ? { kind, participation: { numerator: 2, denominator: 3 }, approval: { numerator: 3, denominator: 4, strict: false },
      text: 'Art. 278 major matter: participation ≥ 2/3 of area and of owners by head; approval ≥ 3/4 of participating area and of participating owners' }
    : { kind, participation: { numerator: 2, denominator: 3 }, approval: { numerator: 1, denominator: 2, strict: true },
      text: 'Art. 278 ordinary matter: participation ≥ 2/3 of area and of owners by head; approval > 1/2 of participating area and of participating owners' };
}

export const DECISION_OPTIONS: BallotOption[] = [
  { id: 'yes', label: '同意' }, { id: 'no', label: '反对' }, { id: 'abstain', label: '弃权' },
];

export function optionsOf(input: { kind: 'decision' } | { kind: 'candidates'; candidates: string[] }): BallotOption[] {
  if (input.kind === 'decision') return DECISION_OPTIONS;
  const seen = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (seen.has(c)) throw new BadRequestError('Each candidate once.', [{ path: `body.options.candidates.${i}`, code: 'duplicate', message: 'named twice' }]);
    seen.add(c);
  });
  return input.candidates.map((label, i) => ({ id: `c${i + 1}`, label }));
}

/** The choice in its stored form: one option id (decision) or the approved candidate ids, sorted, each once. */
export function normalizeChoice(kind: 'decision' | 'candidates', options: BallotOption[], choice: Choice, path = 'body.choice'): Choice {
  const ids = new Set(options.map((o) => o.id));
  const bad = (message: string) => new BadRequestError('That is not a choice on this ballot.', [{ path, code: 'invalid_choice', message }]);
  if (kind === 'decision') {
    if (typeof choice !== 'string' || !ids.has(choice)) throw bad('must be one of yes, no, abstain');
    return choice;
  }
  if (!Array.isArray(choice)) throw bad('must be the list of approved candidate ids (may be empty)');
  const picked = [...new Set(choice)];
  if (picked.length !== choice.length) throw bad('each candidate once');
  for (const c of picked) if (!ids.has(c)) throw bad(`no candidate ${c}`);
  return picked.sort();
}

/** One string per choice, so a condition expression can compare choices. */
export const choiceKey = (c: Choice): string => (typeof c === 'string' ? c : `[${c.join(',')}]`);

export interface StoredState { status: 'open' | 'closed'; opensAt: string; closesAt: string; noticeEndsAt?: string; openObjections: number }

/** The status residents see at `now`; `final` is decided here, when read, once the notice period is over. */
export function statusAt(s: StoredState, now: string): BallotStatus {
  if (s.status === 'closed') return now >= s.noticeEndsAt! && s.openObjections === 0 ? 'final' : 'notice';
  if (now < s.opensAt) return 'scheduled';
  return now < s.closesAt ? 'open' : 'counting';
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
