/**
 * Chinese messages of the account pages (sign-in, the sign-in callback, my bookings and my
 * calendar link). They download with those pages only (see account.ts); en's twin is account-en.ts.
 */
export const accountZh = {
  'signin.title': '登录',
  'signin.devIntro': '这是本地演示环境。请选择一位演示用户登录：',
  'signin.group.staff': '社区工作人员（网格员）',
  'signin.group.committee': '物业管理委员会成员',
  'signin.group.owner': '业主',
  'signin.group.resident': '居民（租户、家属）',
  'signin.group.other': '未核实住户的用户（例如捐赠人）',
  'signin.showMore': '显示其余 {count} 位',
  'signin.cognitoIntro': '用手机号或电子邮箱登录共治。',
  'signin.cognitoButton': '前往登录',
  'signin.already': '你已经以“{name}”的身份登录。',
  'callback.working': '正在完成登录…',
  'callback.failed': '登录没有完成，请再试一次。',
  'bookings.title': '我的预约',
  'bookings.signIn': '登录后可以看到你预约的活动。',
  'bookings.none': '你还没有预约任何活动。',
  'bookings.find': '去看看口袋公园活动',
  'calendar.title': '我的日历链接',
  'calendar.lead': '把你预约的活动放进手机日历。这个链接是你私人的，请不要发给别人；换新链接后旧链接就失效了。',
  'calendar.linkLabel': '日历链接',
  'calendar.copy': '复制链接',
  'calendar.subscribe': '在日历中订阅',
  'calendar.rotate': '换一个新链接',
  'calendar.revoke': '停用链接',
  'calendar.create': '生成日历链接',
  'calendar.copied': '链接已复制。',
  'calendar.revoked': '链接已停用。',
} as const;

export type AccountKey = keyof typeof accountZh;
export type AccountMessages = Record<AccountKey, string>;
