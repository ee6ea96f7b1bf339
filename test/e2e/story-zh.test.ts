/** The whole story of a proposal, in Chinese (see support/story.ts). */
import { storySuite } from './support/story.js';

storySuite({
  lang: 'zh-CN',
  tag: 'zh',
  proposal: {
    title: '把 3 栋旁的角落改成有座椅的小花园',
    description: '3 栋东侧的角落堆着杂物，晚上也没有灯。希望清理后放几张有靠背的长椅，种些好打理的花草。',
    category: '休息座椅', location: '茶亭东苑 3 栋东侧', cost: '18000',
  },
  form: { title: '标题', description: '详细说明', location: '地点', cost: '估计费用（元）', submit: '提交提议' },
  supportRegion: '支持这个提议',
  back: '我支持',
  status: { open: '征集支持中', underReview: '审议中', accepted: '已采纳', inProgress: '实施中', completed: '已完成' },
  stepsNow: (s) => `现在：${s}`,
  toolsRegion: '委员会与工作人员操作',
  behalf: {
    user: '居民的用户编号', evidence: '凭据', submit: '登记支持',
    timeline: (n) => `由工作人员代为录入：${n}`, evidenceLine: (e) => `凭据：${e}`,
  },
  answer: {
    accept: '采纳', cost: '估算费用（元）', funding: ['政府投入', '社会捐赠'], start: '计划开工日期', end: '计划完工日期',
    submit: '发布答复', note: '先清理杂物，再安装长椅和花池。', shownCost: '¥18,000.00', noticeUntil: '公示期至', final: '公示期已结束，答复已经生效。',
  },
  objection: {
    reason: '异议理由', submit: '提交异议', text: '长椅离 3 栋窗户太近，晚上会吵到一楼的住户。',
    waiting: '等待委员会回应', respondLabel: (n) => `回应 ${n} 的异议`, respond: '发布回应',
    response: '长椅会放在离窗户 8 米以外的位置，并在晚上十点后关闭照明。',
  },
  start: { submit: '宣布开工' },
  milestone: {
    name: '进展内容', date: '日期', progress: '完成进度（%）', submit: '记录进展',
    first: '旧杂物已清运', second: '长椅和花池已安装', percent: (n) => `已完成 ${n}%`,
  },
  photo: {
    kind: (k) => (k === 'before' ? '施工前' : '完工后'), file: '选择照片', caption: '照片说明', submit: '上传照片',
    captions: { before: '3 栋东侧角落，清理前', after: '3 栋东侧的小花园，完工后' },
  },
  complete: { outcome: '完成情况', submit: '宣布完工', text: '角落已清理，安装了 4 张带靠背的长椅和 2 个花池。' },
  timelineRegion: '公开记录',
  events: {
    created: '提出了这个提议', backedOnBehalf: '代居民登记了支持', threshold: '支持人数达到 30 人', answered: '作出答复：采纳',
    objected: '提出了异议', responded: '回应了异议', started: '宣布开工', milestone: '记录了施工进展', photo: '上传了照片',
    completed: '宣布完工',
  },
  comments: {
    field: '你的评论', send: '发表评论', reply: '回复', replyField: (n) => `回复 ${n}`, sendReply: '发表回复',
    first: '终于有地方坐了，谢谢委员会！', second: '楼上那位说得对，就是广告太多了，加微信 abc123 买花。',
  },
  report: { button: '举报', reason: '举报原因', submit: '提交举报', thanks: '已收到你的举报', text: '这条回复在打广告。' },
  desk: {
    link: '委员会工作台', heading: '委员会工作台', awaiting: '等待答复', reports: '举报处理', hide: '隐藏',
    reason: '处理理由', submit: '提交处理决定', hideReason: '含有广告和联系方式',
  },
  hiddenNotice: (r) => `已被管理员隐藏：${r}`,
});
