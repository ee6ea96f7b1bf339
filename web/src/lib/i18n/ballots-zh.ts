/**
 * Chinese messages of the ballot pages (property-committee votes) that a ballot's first view needs
 * (the list needs some of them too). They download with those pages only (see ballots.ts); en's
 * twin is ballots-en.ts. Plain words for older readers. The parts a reader reaches later bring their own
 * catalogues (ballot-*-zh.ts), named in `BallotsKey` below so `t()` knows every ballot key.
 */
import type { BallotListKey } from './ballot-list-zh.js';
import type { BallotObjectionsKey } from './ballot-objections-zh.js';
import type { BallotOpenKey } from './ballot-open-zh.js';
import type { BallotReceiptsKey } from './ballot-receipts-zh.js';
import type { BallotResultKey } from './ballot-result-zh.js';
import type { BallotRuleKey } from './ballot-rule-zh.js';
import type { BallotTablesKey } from './ballot-tables-zh.js';
import type { BallotToolsKey } from './ballot-tools-zh.js';
import type { BallotVoteKey } from './ballot-vote-zh.js';

export const ballotsZh = {
  'ballots.when': '投票时间：{from} 至 {to}',
  'ballots.backToList': '全部表决',
  'ballots.listSeparator': '、',
  'ballots.unit': '{building} 栋 {room} 室',
  'ballots.area': '面积',
  'ballots.heads': '人数',

  'ballots.status.scheduled': '即将开始',
  'ballots.status.open': '正在投票',
  'ballots.status.counting': '投票已截止，等待计票',
  'ballots.status.notice': '结果公示中',
  'ballots.status.final': '结果已生效',
  'ballots.outcome.passed': '通过',
  'ballots.outcome.failed': '未通过',
  'ballots.outcome.no-quorum': '未通过（参与不足）',
  'ballots.option.yes': '同意',
  'ballots.option.no': '反对',
  'ballots.option.abstain': '弃权',
  'ballots.choice.none': '一位也没选',

  'ballots.ask.title': '要决定什么',
  'ballots.ask.decision': '每户选一项：',
  'ballots.ask.candidates': '候选人（可以选多位，每位分开计票）：',
  'ballots.counting': '投票时间已经结束。业主委员会计票后会在这里公布结果。',

  'ballots.turnout.chartGroup': '参与表决',
  'ballots.chart.twoThirds': '2/3',

  'ballots.receipt.label': '回执码',
} as const;

export type BallotsMessages = Record<keyof typeof ballotsZh, string>;
/** Every ballot message key (this catalogue's and the parts'), for `MessageKey`. */
export type BallotsKey = keyof typeof ballotsZh | BallotListKey | BallotResultKey | BallotTablesKey | BallotOpenKey | BallotRuleKey
  | BallotVoteKey | BallotReceiptsKey | BallotObjectionsKey | BallotToolsKey;
