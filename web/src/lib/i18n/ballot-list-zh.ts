/**
 * Chinese messages of the ballots list (and the matters, which the rule box and the new-ballot
 * page name too). They download with the list (ballot-list.ts), its English twin fetched only by
 * English readers. Twin: ballot-list-en.ts.
 */
export const ballotListZh = {
  'ballots.list.title': '业主表决',
  'ballots.list.lead': '各小区业主大会的表决。按《民法典》第二百七十八条，面积和人数都要算。',
  'ballots.list.create': '发起一次表决',
  'ballots.list.none': '现在还没有表决。',
  'ballots.list.open': '正在投票',
  'ballots.list.upcoming': '即将开始',
  'ballots.list.closed': '已经结束',

  'ballots.matter.procedure-rules': '制定和修改业主大会议事规则',
  'ballots.matter.management-rules': '制定和修改管理规约',
  'ballots.matter.committee': '选举业主委员会或者更换委员',
  'ballots.matter.property-company': '选聘和解聘物业服务企业或者其他管理人',
  'ballots.matter.use-maintenance-fund': '使用建筑物及其附属设施的维修资金',
  'ballots.matter.raise-maintenance-fund': '筹集建筑物及其附属设施的维修资金',
  'ballots.matter.rebuild': '改建、重建建筑物及其附属设施',
  'ballots.matter.common-use-change': '改变共有部分的用途或者利用共有部分经营',
  'ballots.matter.other': '有关共有和共同管理权利的其他重大事项',

  'ballots.rule.ordinary': '一般事项',
  'ballots.rule.major': '重大事项',
} as const;

export type BallotListKey = keyof typeof ballotListZh;
export type BallotListMessages = Record<BallotListKey, string>;
