/**
 * Chinese messages of the notice period: objections and their form (Objections). They download
 * with that part when a reader scrolls near it (both languages, ballot-objections.ts). Twin:
 * ballot-objections-en.ts.
 */
export const ballotObjectionsZh = {
  'ballots.objection.title': '公示和异议',
  'ballots.objection.noticeUntil': '公示期到 {time}',
  'ballots.objection.open': '公示期内，名册上的业主可以对结果提出异议，业主委员会会逐条答复。',
  'ballots.objection.waiting': '还有 {count} 条异议等待业主委员会答复。',
  'ballots.objection.final': '公示期已经结束，异议都已答复，结果已经生效。',
  'ballots.objection.none': '目前没有异议。',
  'ballots.objection.by': '{name} 的异议',
  'ballots.objection.responseBy': '{name} 代表业主委员会答复',
  'ballots.objection.unanswered': '等待答复',
  'ballots.objection.formTitle': '提出异议',
  'ballots.objection.intro': '如果你认为计票有问题，请写明理由。',
  'ballots.objection.signIn': '登录后提出异议',
  'ballots.objection.text': '异议的理由',
  'ballots.objection.hint': '5 到 2000 个字，会公开显示。',
  'ballots.objection.tooShort': '请至少写 5 个字。',
  'ballots.objection.submit': '提交异议',
  'ballots.objection.sent': '异议已提交，业主委员会会公开答复。',
  'ballots.objection.notOwner': '只有名册上的业主可以提出异议。',
  'ballots.objection.closed': '现在不能提出异议：公示期已经结束。',
} as const;

export type BallotObjectionsKey = keyof typeof ballotObjectionsZh;
export type BallotObjectionsMessages = Record<BallotObjectionsKey, string>;
