/**
 * Chinese messages of the grid member's call list (staff only: they download with that page, see
 * calls.ts); en's twin is calls-en.ts.
 */
export const callsZh = {
  'calls.title': '电话和上门通知',
  'calls.intro': '这些居民收不到短信和邮件。请打电话或上门，把下面的事告诉他们，然后点“已告知”。',
  'calls.date': '日期（北京时间）',
  'calls.show': '显示这一天的名单',
  'calls.heading': '{date}：{count} 件事要告诉居民',
  'calls.none': '这一天没有要打电话或上门告诉居民的事。',
  'calls.contact': '怎么联系',
  'calls.tell': '要告诉的事',
  'calls.open': '打开相关页面',
  'calls.note': '怎么告知的',
  'calls.noteHint': '例如：电话告知、上门告知',
  'calls.told': '已告知',
  'calls.toldWho': '已告知：{name}',
  'calls.toldBy': '✓ {who} 已在 {time} 告知',
  'calls.pending': '还没有告知',
} as const;

export type CallsKey = keyof typeof callsZh;
export type CallsMessages = Record<CallsKey, string>;
