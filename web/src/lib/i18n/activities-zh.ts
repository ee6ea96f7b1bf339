/**
 * Chinese messages of the pocket-park activity pages (the week, an activity and its booking, scheduling); added to `t()` by activities.ts, so other pages never download them.
 * en's twin is activities-en.ts.
 */
export const activitiesZh = {
  'activities.title': '口袋公园活动',
  'activities.lead': '选一个口袋公园，看看这一周的活动。点活动名称可以看详情、预约座位。',
  'activities.chooseSpace': '选择口袋公园',
  'activities.hours': '开放时间 {hours}',
  'activities.spaceCapacity': '可容纳 {count} 人',
  'activities.subscribeSpace': '把这个公园的活动加入手机日历',
  'activities.prevWeek': '上一周',
  'activities.nextWeek': '下一周',
  'activities.weekRange': '{from} 至 {to}',
  'activities.noneThisDay': '这天没有活动',
  'activities.seatsLeft': '还剩 {count} 个座位',
  'activities.full': '已满',
  'activities.waitlist': '{count} 人候补',
  'activities.cancelled': '已取消',
  'audience.elderly': '老年人',
  'audience.children': '儿童',
  'audience.all': '所有人',
  'weekday.1': '星期一',
  'weekday.2': '星期二',
  'weekday.3': '星期三',
  'weekday.4': '星期四',
  'weekday.5': '星期五',
  'weekday.6': '星期六',
  'weekday.7': '星期日',
  'activity.backToList': '返回活动列表',
  'activity.space': '地点',
  'activity.time': '时间（北京时间）',
  'activity.host': '主办',
  'activity.audience': '面向',
  'activity.bookingWindow': '预约时间',
  'activity.bookingOpens': '{time} 开始预约',
  'activity.bookingCloses': '{time} 截止预约',
  'activity.capacity': '座位总数',
  'activity.seatsLeftLabel': '剩余座位',
  'activity.waitlistLabel': '候补人数',
  'activity.priorityLabel': '优先座位',
  'activity.priorityHeld': '其中 {seats} 个座位留给{group}，到 {time} 后向所有人开放',
  'priority.elderly': '65 岁及以上的居民',
  'priority.children': '有 12 岁及以下孩子的家庭',
  'priority.all': '所有居民',
} as const;

export type ActivitiesKey = keyof typeof activitiesZh;
export type ActivitiesMessages = Record<ActivitiesKey, string>;
