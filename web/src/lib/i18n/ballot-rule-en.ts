/**
 * English messages of the rule box (RuleBox): the Article 278 rule in plain words. `satisfies`
 * refuses a missing or an extra key.
 */
import type { BallotRuleMessages } from './ballot-rule-zh.js';

export const ballotRuleEn = {
  'ballots.rule.title': 'What it takes to pass',
  'ballots.rule.matter': 'Matter:',
  'ballots.rule.participationText': 'Owners who take part must hold at least two thirds of all floor area and be at least two thirds of all owners.',
  'ballots.rule.ordinaryText': 'Then, those who agree must hold more than half of the participating area and be more than half of the participating owners.',
  'ballots.rule.majorText': 'Then, those who agree must hold at least three quarters of the participating area and be at least three quarters of the participating owners.',
  'ballots.rule.candidatesText': 'Each candidate is counted on their own and must meet this to be elected.',
  'ballots.rule.heads': 'Owners are counted by person: someone with several flats counts once; the developer\u2019s unsold flats together count as one. Every flat\u2019s area counts.',
  'ballots.rule.law': 'Under Article 278 of the Civil Code of the People\u2019s Republic of China.',
} as const satisfies BallotRuleMessages;
