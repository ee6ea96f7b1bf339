/**
 * Chinese messages of the result's tables (ResultTables), the numbers beside its charts. They
 * download with the tables when a reader scrolls near them (both languages, ballot-tables.ts).
 * Twin: ballot-tables-en.ts.
 */
export const ballotTablesZh = {
  'ballots.result.participationTable': '参与表决的面积和人数',
  'ballots.result.item': '项目',
  'ballots.result.tookOfAll': '参与 / 全体',
  'ballots.result.needsTwoThirds': '比例（需\u00a0≥\u00a02/3）',
  'ballots.result.met': '达到',
  'ballots.result.notMet': '未达到',
  'ballots.result.optionsTable': '各选项的面积和人数（比例按参与表决的算）',
  'ballots.result.option': '选项',
  'ballots.result.verdict': '达到？',
  'ballots.result.approved': '达到',
  'ballots.result.notApproved': '未达到',
} as const;

export type BallotTablesKey = keyof typeof ballotTablesZh;
export type BallotTablesMessages = Record<BallotTablesKey, string>;
