/**
 * Chinese messages of an activity's booking box (booking, waiting, cancelling); they download with
 * the box (booking.ts), which loads when the reader scrolls near it. en's twin is booking-en.ts.
 */
export const bookingZh = {
  'activity.bookingTitle': '我的预约',
  'activity.yourPrioritySeat': '你订到的是优先座位。',
  'activity.youCancelled': '你的预约已取消。',
  'activity.enteredBy': '由 {name} 代为预约（凭据：{evidence}）',
  'activity.signInToBook': '登录后预约',
  'activity.leaveWaitlist': '退出候补',
  'activity.cancelBooking': '取消我的预约',
  'activity.seats': '预约几个座位（最多 {max} 个）',
  'activity.book': '预约',
  'activity.joinWaitlist': '座位已满，排队候补',
  'activity.noHousehold': '只有登记了住户的居民才能预约。如需帮助，请联系社区工作人员。',
  'activity.alreadyBooked': '你已经预约过这个活动了。',
  'activity.bookingClosed': '现在不在预约时间内。',
  'activity.isCancelled': '这个活动已经取消了。',
} as const;

export type BookingKey = keyof typeof bookingZh;
export type BookingMessages = Record<BookingKey, string>;
