/**
 * Chinese messages of the new-proposal form (see propose.ts); en's twin is propose-en.ts.
 */
export const proposeZh = {
  'new.title': '提出一个提议',
  'new.intro': '说说你希望小区哪里变得更好。标有“必填”的要填写。',
  'new.mustSignIn': '提出提议前需要先登录。',
  'new.titleLabel': '标题',
  'new.titleHint': '一句话说清楚，4 到 120 个字。',
  'new.descriptionLabel': '详细说明',
  'new.descriptionHint': '现在是什么情况？你希望怎样改？10 到 4000 个字。',
  'new.categoryLabel': '类别',
  'new.locationLabel': '地点',
  'new.locationHint': '例如：3 号楼北侧空地',
  'new.costLabel': '估计费用（元）',
  'new.costHint': '不清楚可以不填。例如 1200 或 1200.50',
  'new.categoryMissing': '请选择一个类别',
  'new.submit': '提交提议',
  'new.submitting': '正在提交…',
  'new.needSignIn': '登录已失效，请重新登录后再提交。',
  'new.notResident': '只有已核实住户的居民才能提出提议。社区工作人员可以帮你核实住户。',
} as const;

export type ProposeKey = keyof typeof proposeZh;
export type ProposeMessages = Record<ProposeKey, string>;
