/**
 * What each kind of notification says, in Chinese and English, from the facts of the change. One
 * place for the inbox, the SMS, the email and the call list: the grid member reads out what the
 * resident would have read. Times are shown in Beijing time. Pure: no I/O.
 */
import type { Bilingual, NotificationKind } from '../contracts/notifications.js';

export type Params = Readonly<Record<string, string | number>>;
export interface Rendered { title: Bilingual; body: Bilingual }

const pad = (n: number) => String(n).padStart(2, '0');
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO time as Beijing wall-clock: `12月8日 07:30` and `8 Dec 07:30`. */
export function beijing(iso: string | number | undefined): Bilingual {
  const t = new Date(typeof iso === 'number' ? iso : String(iso ?? ''));
  if (Number.isNaN(t.getTime())) return { zh: '', en: '' };
  const b = new Date(t.getTime() + 8 * 3_600_000);
  const hm = `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
  return { zh: `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hm}`, en: `${b.getUTCDate()} ${monthsEn[b.getUTCMonth()]} ${hm}` };
}

const s = (p: Params, k: string) => String(p[k] ?? '');
const both = (zh: string, en: string): Bilingual => ({ zh, en });

const decisionWords: Record<string, Bilingual> = {
  accepted: both('已采纳', 'accepted'), rejected: both('未采纳', 'not taken up'), reviewing: both('正在评估', 'under review'),
  started: both('已开工', 'work has started'), completed: both('已完成', 'completed'), milestone: both('有新进展', 'has news'),
};
const word = (table: Record<string, Bilingual>, key: string): Bilingual => table[key] ?? both(key, key);

type Template = (p: Params) => Rendered;

const templates: Record<NotificationKind, Template> = {
  'booking.promoted': (p) => {
    const at = beijing(p.startsAt);
    return { title: both('候补转为正式：您有位置了', 'Off the waitlist: you have a place'),
      body: both(`「${s(p, 'title')}」${at.zh} 为您留了位置，请准时到场。不能来请取消，把位置让给别人。`,
        `"${s(p, 'title')}" on ${at.en} has a place for you now. If you cannot come, please cancel so someone else can.`) };
  },
  'activity.cancelled': (p) => {
    const at = beijing(p.startsAt);
    return { title: both('活动取消', 'Activity cancelled'),
      body: both(`「${s(p, 'title')}」${at.zh} 取消了。原因：${s(p, 'reason')}`, `"${s(p, 'title')}" on ${at.en} is cancelled. Reason: ${s(p, 'reason')}`) };
  },
  'activity.moved': (p) => {
    const from = beijing(p.from);
    const to = beijing(p.startsAt);
    return { title: both('活动改时间', 'Activity moved'),
      body: both(`「${s(p, 'title')}」从 ${from.zh} 改到 ${to.zh}，您的预约保留。`, `"${s(p, 'title')}" moved from ${from.en} to ${to.en}; your booking stays.`) };
  },
  'activity.reminder': (p) => {
    const at = beijing(p.startsAt);
    return { title: both('明天的活动', 'Your activity tomorrow'),
      body: both(`提醒：「${s(p, 'title')}」${at.zh}，地点：${s(p, 'space')}。`, `Reminder: "${s(p, 'title')}" on ${at.en} at ${s(p, 'space')}.`) };
  },
  'proposal.answered': (p) => {
    const d = word(decisionWords, s(p, 'decision'));
    return { title: both(`建议${d.zh}`, `Proposal ${d.en}`),
      body: both(`您发起或支持的建议「${s(p, 'title')}」${d.zh}。${s(p, 'note')}`.trim(), `The proposal "${s(p, 'title')}" you made or backed was ${d.en}. ${s(p, 'note')}`.trim()) };
  },
  'proposal.progress': (p) => {
    const d = word(decisionWords, s(p, 'step'));
    return { title: both(`建议${d.zh}`, `Proposal: ${d.en}`),
      body: both(`「${s(p, 'title')}」${d.zh}：${s(p, 'note')}`, `"${s(p, 'title')}" ${d.en}: ${s(p, 'note')}`) };
  },
  'ballot.opened': (p) => {
    const until = beijing(p.closesAt);
    return { title: both('业主表决开始', 'Owners\' vote open'),
      body: both(`「${s(p, 'title')}」开始表决，${until.zh} 截止。每户一票。`, `"${s(p, 'title')}" is open for voting until ${until.en}. One vote per household.`) };
  },
  'ballot.closing': (p) => {
    const until = beijing(p.closesAt);
    return { title: both('表决明天截止', 'Vote closes tomorrow'),
      body: both(`「${s(p, 'title')}」${until.zh} 截止，您家还没有投票。`, `"${s(p, 'title')}" closes on ${until.en}; your household has not voted yet.`) };
  },
  'ballot.published': (p) => ({ title: both('表决结果公布', 'Vote result published'),
    body: both(`「${s(p, 'title')}」的结果已公布：${s(p, 'passed') === 'yes' ? '通过' : '未通过'}。`,
      `The result of "${s(p, 'title')}" is published: ${s(p, 'passed') === 'yes' ? 'passed' : 'not passed'}.`) }),
  'notice.ending': (p) => {
    const end = beijing(p.endsAt);
    return { title: both('公示明天结束', 'Notice period ends tomorrow'),
      body: both(`「${s(p, 'title')}」的公示期 ${end.zh} 结束，有意见请在此之前提出。`, `The notice period of "${s(p, 'title')}" ends on ${end.en}; object before then if you disagree.`) };
  },
  'gift.confirmed': (p) => ({ title: both('捐赠已确认', 'Gift confirmed'),
    body: both(`您的捐赠「${s(p, 'what')}」已由社区确认，记入公开账本第 ${s(p, 'seq')} 条。谢谢！`,
      `Your gift "${s(p, 'what')}" was confirmed by the community: entry ${s(p, 'seq')} of the public ledger. Thank you!`) }),
  'household.decided': (p) => (s(p, 'decision') === 'accept'
    ? { title: both('已加入您的住户', 'You joined your household'), body: both(`社区已确认您是 ${s(p, 'household')} 的住户。`, `The community confirmed you as a member of ${s(p, 'household')}.`) }
    : { title: both('加入住户的申请未通过', 'Household request not accepted'),
      body: both(`申请加入 ${s(p, 'household')} 未通过：${s(p, 'reason')}`, `Your request to join ${s(p, 'household')} was not accepted: ${s(p, 'reason')}`) }),
};

export const render = (kind: NotificationKind, params: Params): Rendered => templates[kind](params);
