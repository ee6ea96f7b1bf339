/**
 * Chinese messages of printed notices and QR codes (PrintNotice.svelte, QrCode.svelte), which load
 * after a page is up; see notice.ts. en's twin is notice-en.ts.
 */
export const noticeZh = {
  'qr.label': '二维码：用手机扫一扫，打开 {url}',
  'print.button': '打印公告',
  'print.scan': '用手机扫一扫，看详情和最新进展',
  'print.printed': '打印时间：{time}',
  'print.kindResult': '表决结果公示（公示期至 {until}）',
  'print.kindLedger': '捐赠账目公示',
} as const;

export type NoticeKey = keyof typeof noticeZh;
export type NoticeMessages = Record<NoticeKey, string>;
