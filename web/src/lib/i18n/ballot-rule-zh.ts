/**
 * Chinese messages of the rule box (RuleBox): the Article 278 rule in plain words. They download
 * with the rule box when a reader scrolls near it (both languages, ballot-rule.ts). Twin: ballot-
 * rule-en.ts.
 */
export const ballotRuleZh = {
  'ballots.rule.title': '怎样才算通过',
  'ballots.rule.matter': '事项：',
  'ballots.rule.participationText': '需要参与表决的专有面积和人数，都达到全体业主的三分之二。',
  'ballots.rule.ordinaryText': '并且，同意的面积和人数都要超过参与表决的一半。',
  'ballots.rule.majorText': '并且，同意的面积和人数都要达到参与表决的四分之三。',
  'ballots.rule.candidatesText': '每位候选人分开计算，各自都要达到这个要求才能当选。',
  'ballots.rule.heads': '人数按业主算：一人有几套房只算一人；开发商没卖出的房屋合起来算一人。面积每套都算。',
  'ballots.rule.law': '依据《中华人民共和国民法典》第二百七十八条。',
} as const;

export type BallotRuleKey = keyof typeof ballotRuleZh;
export type BallotRuleMessages = Record<BallotRuleKey, string>;
