/**
 * Chinese messages of the donations ledger: the ledger page and the words every ledger page shares
 * (registered by ledger.ts). Each other page has its own part, in its own file so it is bundled only
 * with that page: ledger-entry-zh.ts, ledger-donate-zh.ts, ledger-staff-zh.ts (registered by the
 * route's messages.ts). en's twin is ledger-en.ts.
 */
import type { LedgerDonateMessages } from './ledger-donate-zh.js';
import type { LedgerEntryMessages } from './ledger-entry-zh.js';
import type { LedgerStaffMessages } from './ledger-staff-zh.js';
import type { ledgerSummaryZh } from './ledger-summary-zh.js';

/** The ledger page and what every ledger page shares (kinds, states, channels, amounts). */
export const ledgerZh = {
  'ledger.projectsTitle': '各项目的资金情况',
  'ledger.generalFund': '社区公共基金',
  'ledger.projectUnknown': '（项目）',
  'ledger.raisedOfBudget': '已筹集 {raised}，预算 {budget}，达到 {percent}%',
  'ledger.raisedNoBudget': '已筹集 {raised}',
  'ledger.stockTitle': '捐赠物资',
  'ledger.stockLine': '{item}：收到 {received}{unit}，已用 {used}{unit}，还剩 {left}{unit}',
  'ledger.seeProposal': '查看这个项目的提议',
  'ledger.entriesTitle': '账目明细',
  'ledger.filters': '筛选',
  'ledger.filterProject': '项目',
  'ledger.filterKind': '类型',
  'ledger.filterStatus': '状态',
  'ledger.all': '全部',
  'ledger.showing': '共显示 {count} 条记录',
  'ledger.empty': '没有符合条件的记录。',
  'ledger.loadMore': '加载更多记录',
  'ledger.entryHeading': '第 {position} 条 · {kind}',
  'ledger.from': '来自：{name}',
  'ledger.paidTo': '付给：{payee}',
  'ledger.reasonShort': '原因：{reason}',
  'ledger.confirmsPosition': '确认第 {position} 条已收到',
  'ledger.reversesPosition': '冲销第 {position} 条',
  'ledger.anonymous': '匿名',
  'ledger.anonymousShownToYou': '{name}（公开显示为匿名）',
  'ledger.goods': '{item} {quantity} {unit}',
  'ledger.goodsWorth': '{item} {quantity} {unit}（估值 {value}）',
  'ledger.volunteerTime': '{time}，{volunteers} 位志愿者',
  'ledger.budgetOf': '预算 {budget}',
  'ledger.kind.project': '新项目',
  'ledger.kind.money_gift': '捐款',
  'ledger.kind.in_kind_gift': '捐赠物资',
  'ledger.kind.confirmation': '确认收到',
  'ledger.kind.government_allocation': '政府拨款',
  'ledger.kind.expense': '支出',
  'ledger.kind.in_kind_use': '物资使用',
  'ledger.kind.volunteer_hours': '志愿服务',
  'ledger.kind.reversal': '更正（冲销）',
  'ledger.status.pledged': '已承诺，待确认',
  'ledger.status.confirmed': '已确认收到',
  'ledger.status.recorded': '已记录',
  'ledger.status.reversed': '已冲销',
  'ledger.channel.cash': '现金',
  'ledger.channel.bank_transfer': '银行转账',
  'ledger.channel.wechat_pay': '微信支付',
  'ledger.verifyTitle': '账本有没有被改过？',
  'ledger.verifyChecking': '正在逐条核对…',
  'ledger.verifyOk': '核对通过：全部 {count} 条记录都没有被改动。',
  'ledger.verifyAt': '核对时间：{time}',
  'ledger.verifyBroken': '注意：第 {position} 条记录核对不通过，账本可能被改动过。',
  'ledger.verifyReason': '原因：{reason}',
  'ledger.verifyFailed': '现在没法核对，请稍后再试。',
  'ledger.verifyHow': '每条记录都带着上一条记录的“指纹”（哈希值），改动任何一条，后面的指纹就对不上了。',
  'ledger.verifyAgain': '再核对一次',
  'ledger.back': '返回公开账本',
} as const;

export type LedgerMessages = Record<keyof typeof ledgerZh, string>;
/** Every ledger message key: the shared part here and each page's part in its own file (bundled only with that page). */
export type LedgerKey = keyof typeof ledgerZh | keyof typeof ledgerSummaryZh | keyof LedgerEntryMessages | keyof LedgerDonateMessages | keyof LedgerStaffMessages;
