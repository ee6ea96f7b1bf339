/**
 * Chinese messages of the caller’s own part (MyStatus), the frozen roll and live turnout
 * (Turnout), shared with the vote page. They download with those parts (open.ts), its English twin
 * fetched only by English readers. Twin: ballot-open-en.ts.
 */
export const ballotOpenZh = {
  'ballots.roll.title': '业主名册',
  'ballots.roll.frozen': '名册在发起表决时已经锁定，之后不会再变。',
  'ballots.roll.units': '房屋',
  'ballots.roll.area': '专有面积合计',
  'ballots.roll.heads': '业主人数',

  'ballots.turnout.title': '目前的参与情况',
  'ballots.turnout.units': '已有 {units} 户参与（共 {total} 户）',
  'ballots.turnout.area': '参与的面积：{area}，占全体的 {share}',
  'ballots.turnout.heads': '参与的人数：{heads} 人，占全体的 {share}',
  'ballots.turnout.chartTitle': '参与表决的面积和人数占全体的比例，虚线是三分之二',
  'ballots.turnout.secret': '为了公平，投票结束前不公布各选项的票数。',

  'ballots.mine.title': '我的投票',
  'ballots.mine.signInToVote': '请先登录，再投票。',
  'ballots.mine.signIn': '登录',
  'ballots.mine.signInToSee': '登录后可以看到你家的投票情况。',
  'ballots.mine.notOnRoll': '名册上没有由你投票的房屋，所以不能在网上投票。如有疑问，请联系网格员或业主委员会。',
  'ballots.mine.voted': '已投票：{choice}',
  'ballots.mine.votedOnline': '网上投票，{time}',
  'ballots.mine.votedByStaff': '由工作人员录入，{time}',
  'ballots.mine.notYet': '还没有投票',
  'ballots.mine.vote': '去投票',
  'ballots.mine.change': '修改我的投票',
  'ballots.mine.changeHint': '投票截止前，可以随时修改，以最后一次为准。',
  'ballots.mine.notOpenYet': '投票从 {time} 开始。',
} as const;

export type BallotOpenKey = keyof typeof ballotOpenZh;
export type BallotOpenMessages = Record<BallotOpenKey, string>;
