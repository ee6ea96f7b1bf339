/**
 * Chinese messages of the published receipt list (Receipts). They download with that part when a
 * reader scrolls near it (both languages, ballot-receipts.ts). Twin: ballot-receipts-en.ts.
 */
export const ballotReceiptsZh = {
  'ballots.receipts.title': '公开的投票清单',
  'ballots.receipts.intro': '每张票只公开回执码和选择，不公开是谁投的。任何人都可以用这份清单重新算一遍结果。',
  'ballots.receipts.search': '查找我的票：输入回执码',
  'ballots.receipts.searchHint': '至少输入 4 个字符，空格和大小写不要紧。',
  'ballots.receipts.notFound': '没有找到这个回执码。请核对后再试，或联系业主委员会。',
  'ballots.receipts.foundLine': '已计入：{choice}，面积 {area}',
  'ballots.receipts.all': '查看全部 {count} 张票',
  'ballots.receipts.choice': '选择',
  'ballots.receipts.head': '业主编号',
  'ballots.receipts.tableCaption': '全部票的回执码和选择',
  'ballots.receipts.more': '这里显示前 {shown} 张，共 {count} 张；完整清单请下载。',
  'ballots.receipts.download': '下载完整清单（JSON 文件）',
} as const;

export type BallotReceiptsKey = keyof typeof ballotReceiptsZh;
export type BallotReceiptsMessages = Record<BallotReceiptsKey, string>;
