/**
 * Chinese messages of the home page (see home.ts); en's twin is home-en.ts.
 */
export const homeZh = {
  'home.title': '共治：一起把小区变得更好',
  'home.lead': '小区哪里需要改善？在这里提出建议，支持邻居的好想法，看看社区怎样回应。',
  'home.howTitle': '怎么参与',
  'home.how1': '看看邻居们提了哪些建议。',
  'home.how2': '觉得好的建议，点“我支持”。',
  'home.how3': '有自己的想法，就提出来。',
  'home.browse': '看大家的提议',
  'home.propose': '我也来提一个',
  'home.latestTitle': '最新在征集支持的提议',
  'home.none': '现在还没有在征集支持的提议。',
  'home.seeAll': '查看全部提议',
  'home.activitiesTitle': '口袋公园活动',
  'home.activitiesLead': '量血压、测血糖、儿童读书角……看看这周口袋公园里有什么活动，在手机上就能预约座位。',
  'home.activitiesLink': '看看有什么活动',
} as const;

export type HomeKey = keyof typeof homeZh;
export type HomeMessages = Record<HomeKey, string>;
