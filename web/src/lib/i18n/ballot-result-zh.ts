/**
 * Chinese messages of the published result of a counted ballot (ResultSection): the verdict, its
 * charts and tables. They download with the result view (result.ts), its English twin fetched only
 * by English readers. Twin: ballot-result-en.ts.
 */
export const ballotResultZh = {
  'ballots.chart.half': '1/2',
  'ballots.chart.threeQuarters': '3/4',

  'ballots.result.title': '表决结果',
  'ballots.result.whyNoQuorum': '参与表决的面积或人数不到全体的三分之二，所以没有通过。',
  'ballots.result.whyPassedOrdinary': '参与达到三分之二，同意的面积和人数都超过了参与表决的一半。',
  'ballots.result.whyPassedMajor': '参与达到三分之二，同意的面积和人数都达到了参与表决的四分之三。',
  'ballots.result.whyFailedOrdinary': '同意的面积或人数没有超过参与表决的一半。',
  'ballots.result.whyFailedMajor': '同意的面积或人数没有达到参与表决的四分之三。',
  'ballots.result.elected': '当选：{names}',
  'ballots.result.noneElected': '没有候选人当选。',
  'ballots.result.closed': '{time} 计票',
  'ballots.result.participationTitle': '参与情况',
  'ballots.result.participationChart': '参与表决的面积和人数占全体的比例，虚线是三分之二',
  'ballots.result.optionsTitle': '各选项的面积和人数',
  'ballots.result.needOrdinary': '通过要求：同意的面积和人数都要超过参与表决的一半（虚线）。',
  'ballots.result.needMajor': '通过要求：同意的面积和人数都要达到参与表决的四分之三（虚线）。',
  'ballots.result.optionsChart': '各选项的面积和人数占参与表决的比例，虚线是通过要求',
  'ballots.result.splitHeads': '有 {count} 位业主的几套房投了不同的票：他们算参与，但不算入任何选项的人数。',
} as const;

export type BallotResultKey = keyof typeof ballotResultZh;
export type BallotResultMessages = Record<BallotResultKey, string>;
