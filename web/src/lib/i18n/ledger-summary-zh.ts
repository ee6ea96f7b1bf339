/**
 * Chinese messages of the ledger page's first screen (title, totals by source, open data), the
 * only ones that page downloads before the reader scrolls; the rest of the ledger's shared words
 * are in ledger-zh.ts (registered with these by ledger.ts). en's twin is ledger-summary-en.ts.
 */
export const ledgerSummaryZh = {
  'ledger.title': '公开账本',
  'ledger.lead': '社区收到的每一笔钱、每一件物资、每一小时志愿服务，以及每一笔支出，都记在这里，任何人都可以查看和核对。',
  'ledger.donateCta': '我要捐赠',
  'ledger.manageLink': '记账（工作人员与委员会）',
  'ledger.totalsTitle': '资金来源合计',
  'ledger.source.government': '政府拨款',
  'ledger.source.donations': '社会捐款',
  'ledger.source.inKind': '实物捐赠（估值）',
  'ledger.source.volunteer': '志愿服务时间',
  'ledger.raisedTotal': '合计筹集（含实物估值）',
  'ledger.spent': '已支出',
  'ledger.balance': '资金结余',
  'ledger.pledgedTitle': '已承诺、待确认',
  'ledger.pledgedGoods': '另有物资估值 {value}',
  'ledger.totalsNote': '合计只算工作人员已确认收到的捐赠；已承诺但还没收到的，单独列出。结余 = 政府拨款 + 社会捐款 − 已支出。',
  'ledger.chartCaption': '各来源筹集的资金（元）',
  'ledger.chartSource': '来源',
  'ledger.chartAmount': '金额（占比）',
  'ledger.chartTotal': '合计',
  'ledger.minutesOnly': '{minutes} 分钟',
  'ledger.hoursOnly': '{hours} 小时',
  'ledger.hoursMinutes': '{hours} 小时 {minutes} 分钟',
  'ledger.openDataTitle': '下载账本（开放数据）',
  'ledger.openDataLead': '整本账可以下载，用表格软件打开，或者自己核对。',
  'ledger.exportCsv': '下载表格（CSV）',
  'ledger.exportJson': '下载完整数据（JSON）',
  'ledger.openDataVerify': '懂电脑的朋友可以用 npm run ledger:verify -- ledger.json 离线核对整本账。',
} as const;

export type LedgerSummaryMessages = Record<keyof typeof ledgerSummaryZh, string>;
