/**
 * Chinese messages of the two-step vote page. They download with that page (ballot-vote.ts), its
 * English twin fetched only by English readers. Twin: ballot-vote-en.ts.
 */
export const ballotVoteZh = {
  'ballots.vote.pageTitle': '投票',
  'ballots.vote.back': '返回表决页面',
  'ballots.vote.step': '第 {n} 步，共 2 步',
  'ballots.vote.forUnits': '为这些房屋投票：{units}',
  'ballots.vote.current': '你现在的选择是：{choice}。可以改。',
  'ballots.vote.chooseOne': '请选一项：',
  'ballots.vote.tickCandidates': '请勾选你同意的候选人（可以选多位，也可以一位都不选）',
  'ballots.vote.next': '下一步',
  'ballots.vote.confirmTitle': '请确认',
  'ballots.vote.youChose': '你选择了：',
  'ballots.vote.question': '表决事项：{title}',
  'ballots.vote.confirm': '确认投票',
  'ballots.vote.again': '返回重新选',
  'ballots.vote.doneTitle': '投票成功',
  'ballots.vote.doneChoice': '你的选择：{choice}',
  'ballots.vote.writeDown': '请把回执码抄下来。结果公布后，可以用它查到你的票。',
  'ballots.vote.closed': '投票已经结束，不能再投了。',
  'ballots.vote.notRepresentative': '你不是这户的投票人，不能投票。',
} as const;

export type BallotVoteKey = keyof typeof ballotVoteZh;
export type BallotVoteMessages = Record<BallotVoteKey, string>;
