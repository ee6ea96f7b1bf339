/**
 * Chinese messages of the proposals list (its filters); added to `t()` by proposal-list.ts, so other pages never download them.
 * en's twin is proposal-list-en.ts.
 */
export const proposalListZh = {
  'list.title': '大家的提议',
  'list.filters': '筛选',
  'list.status': '状态',
  'list.category': '类别',
  'list.all': '全部',
  'list.showing': '共显示 {count} 条提议',
  'list.empty': '没有符合条件的提议。',
  'list.loadMore': '加载更多',
} as const;

export type ProposalListKey = keyof typeof proposalListZh;
export type ProposalListMessages = Record<ProposalListKey, string>;
