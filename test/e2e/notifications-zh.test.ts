/** The notifications journey in Chinese (see support/notifications.ts): settings, the bell, the inbox, the outbox, unsubscribing, the call list. */
import { notificationSuite } from './support/notifications.js';

notificationSuite({
  lang: 'zh-CN', tag: 'zh', resident: 'resident9', many: 'resident10',
  activity: '广场舞晚会', reason: '暴雨预警，改期另行通知',
  offline: { name: '孙奶奶', contact: '住1楼，白天在家，电话尾号 5566' },
  cancelledTitle: '活动取消', languageChoice: '中文',
});
