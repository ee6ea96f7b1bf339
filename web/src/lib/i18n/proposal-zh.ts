/**
 * Chinese messages of a proposal's first screen (its status steps and backing); added to `t()` by proposal.ts, so other pages never download them.
 * en's twin is proposal-en.ts.
 */
export const proposalZh = {
  'proposal.supportTitle': '支持这个提议',
  'proposal.back': '我支持',
  'proposal.withdraw': '撤回我的支持',
  'proposal.youBack': '你已经支持了这个提议。',
  'proposal.signInToBack': '登录后就可以支持',
  'proposal.closed': '这个提议已经结束征集，不能再支持或撤回。',
  'proposal.toReview': '支持满 {threshold} 人，就交给委员会审议；现在还差 {missing} 人。',
  'proposal.reachedReview': '支持人数已经够了，即将交给委员会审议。',
  'steps.title': '提议进行到哪一步了',
  'steps.backing': '征集支持',
  'steps.review': '委员会审议',
  'steps.answer': '答复与公示',
  'steps.work': '施工',
  'steps.done': '完成',
  'steps.stateDone': '已完成',
  'steps.stateTodo': '还没到',
  'steps.stateSkipped': '不再进行',
  'steps.stateNow': '现在：{status}',
  'moderation.hiddenNotice': '已被管理员隐藏：{reason}',
} as const;

export type ProposalKey = keyof typeof proposalZh;
export type ProposalMessages = Record<ProposalKey, string>;
