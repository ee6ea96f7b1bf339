/**
 * Chinese messages of proposal cards and forms (categories, who proposed, work progress), wherever
 * proposals are listed, written or detailed; added to `t()` by proposal-card.ts, so pages that show
 * no proposal never download them. en's twin is proposal-card-en.ts.
 */
export const proposalCardZh = {
  'category.greening': '绿化',
  'category.seating': '休息座椅',
  'category.lighting': '照明',
  'category.accessibility': '无障碍',
  'category.play': '儿童游乐',
  'category.sanitation': '环境卫生',
  'category.culture': '文化活动',
  'category.other': '其他',
  'proposal.by': '提议人：{name}',
  'card.progress': '施工进度 {progress}%',
  'card.objections': '{count} 条异议待回应',
} as const;

export type ProposalCardKey = keyof typeof proposalCardZh;
export type ProposalCardMessages = Record<ProposalCardKey, string>;
