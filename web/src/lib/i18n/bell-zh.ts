/**
 * Chinese messages of the header's notification bell, which only signed-in people download (with
 * the bell, see bell.ts); en's twin is bell-en.ts.
 */
export const bellZh = {
  'bell.word': '通知',
  'bell.unread': '通知：{count} 条未读',
  'bell.none': '通知：没有未读',
} as const;

export type BellKey = keyof typeof bellZh;
export type BellMessages = Record<BellKey, string>;
