/**
 * Demo proposals at different points of their life, made through the real use cases with the
 * clock set to each step's date, so the demo shows open, under-review, answered (with an
 * objection in its notice period), in-progress and completed proposals with honest timelines.
 */
import type { AnswerBody } from '../../contracts/proposal-actions.js';
import type { CreateProposalBody } from '../../contracts/proposals.js';

export type DemoStep =
  | { at: string; by: string; do: 'back'; residents: number[] }
  | { at: string; by: string; do: 'review' }
  | { at: string; by: string; do: 'answer'; answer: AnswerBody }
  | { at: string; by: string; do: 'object' | 'respond'; text: string; objector?: string }
  | { at: string; by: string; do: 'start' }
  | { at: string; by: string; do: 'milestone'; title: string; date: string; progress: number }
  | { at: string; by: string; do: 'complete'; text: string }
  | { at: string; by: string; do: 'comment'; text: string };

export interface DemoProposal { n: number; authorId: string; createdAt: string; body: CreateProposalBody; steps: DemoStep[] }

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const plan = (costEstimateFen: number, startDate: string, endDate: string, fundingSources: ('government' | 'donations' | 'community_fund')[]) =>
  ({ costEstimateFen, fundingSources, startDate, endDate });

export const demoProposals: DemoProposal[] = [
  { n: 6, authorId: 'resident10', createdAt: '2026-07-28T01:00:00.000Z',
    body: { title: '动感乐园铺设软质地垫', category: 'play', location: '动感乐园滑梯周围',
      description: '滑梯下面是水泥地，孩子摔倒容易受伤。建议铺设橡胶软垫，并在边上放两张给家长坐的长椅。', estimatedCostFen: 2_600_000 },
    steps: [
      { at: '2026-08-03T02:00:00.000Z', by: 'committee1', do: 'review' },
      { at: '2026-08-10T02:00:00.000Z', by: 'committee1', do: 'answer', answer: { decision: 'accepted', reason: '街道专项资金和居民捐款共同承担。', plan: plan(2_400_000, '2026-08-25', '2026-09-30', ['government', 'donations']) } },
      { at: '2026-08-26T01:00:00.000Z', by: 'committee1', do: 'start' },
      { at: '2026-09-05T08:00:00.000Z', by: 'staff1', do: 'milestone', title: '旧地面清理完毕', date: '2026-09-05', progress: 40 },
      { at: '2026-09-20T08:00:00.000Z', by: 'staff1', do: 'milestone', title: '软垫铺设完成', date: '2026-09-20', progress: 90 },
      { at: '2026-09-28T08:00:00.000Z', by: 'committee1', do: 'complete', text: '软垫和两张长椅已安装，9月30日起开放。费用23,800元，账目见捐赠公示。' },
    ] },
  { n: 1, authorId: 'resident1', createdAt: '2026-10-08T01:30:00.000Z',
    body: { title: '把3栋旁的角落改成有座椅的小花园', category: 'seating', location: '茶亭东苑3栋东侧', estimatedCostFen: 1_800_000,
      description: '3栋东侧的角落堆着杂物，晚上也没有灯。希望清理后放几张有靠背的长椅，种些好打理的花草，老人散步时可以坐下歇歇脚。' },
    steps: [
      { at: '2026-10-09T03:00:00.000Z', by: 'x', do: 'back', residents: [2, 4, 5, 8, 12, 16, 20, 24, 28, 32, 36, 40] },
      { at: '2026-10-10T03:00:00.000Z', by: 'resident4', do: 'comment', text: '赞成！最好选不怕晒的木椅。' },
    ] },
  { n: 2, authorId: 'resident3', createdAt: '2026-10-15T02:00:00.000Z',
    body: { title: '文化园加装夜间照明', category: 'lighting', location: '文化园入口到舞台的小路', estimatedCostFen: 650_000,
      description: '冬天五点多天就黑了，跳广场舞和散步的居民看不清路。建议沿小路装几盏节能路灯，并在台阶处加反光条。' },
    steps: [
      { at: '2026-10-16T03:00:00.000Z', by: 'x', do: 'back', residents: range(31, 60) },
      { at: '2026-10-28T02:00:00.000Z', by: 'committee1', do: 'answer', answer: { decision: 'accepted', plan: plan(600_000, '2026-11-06', '2026-12-15', ['government']) } },
      { at: '2026-11-06T02:00:00.000Z', by: 'committee1', do: 'start' },
      { at: '2026-11-15T06:00:00.000Z', by: 'staff1', do: 'milestone', title: '路灯已订购，等待安装', date: '2026-11-15', progress: 40 },
    ] },
  { n: 3, authorId: 'resident6', createdAt: '2026-10-22T06:45:00.000Z',
    body: { title: '动感乐园增设儿童图书角的遮阳棚', category: 'play', location: '动感乐园图书角',
      description: '夏天图书角晒得很厉害，孩子们只能在傍晚来看书。希望加一个遮阳棚，并放两个防雨书柜。' },
    steps: [{ at: '2026-10-23T03:00:00.000Z', by: 'x', do: 'back', residents: [10, 14, 18, 22] }] },
  { n: 4, authorId: 'resident2', createdAt: '2026-11-02T03:10:00.000Z',
    body: { title: '单元门口加装扶手和坡道', category: 'accessibility', location: '茶亭东苑1栋、2栋单元门口', estimatedCostFen: 1_200_000,
      description: '单元门口有三级台阶，坐轮椅和推婴儿车都很不方便，几位老人上下楼要人扶。建议加装不锈钢扶手和一段缓坡。' },
    steps: [
      { at: '2026-11-03T03:00:00.000Z', by: 'x', do: 'back', residents: [1, 9, 13] },
      { at: '2026-11-10T02:00:00.000Z', by: 'committee1', do: 'review' },
      { at: '2026-11-25T02:00:00.000Z', by: 'committee1', do: 'answer', answer: { decision: 'accepted', reason: '先做1栋，2栋明年排期。', plan: plan(700_000, '2026-12-10', '2027-01-20', ['community_fund', 'donations']) } },
      { at: '2026-11-26T09:00:00.000Z', by: 'resident5', do: 'object', text: '2栋住的老人更多，应该先做2栋或者两栋一起做。' },
    ] },
  { n: 5, authorId: 'resident9', createdAt: '2026-11-20T08:20:00.000Z',
    body: { title: '垃圾亭旁种植绿篱遮挡异味', category: 'greening', location: '南湖三村垃圾分类亭',
      description: '垃圾分类亭建好后很方便，但夏天气味大，旁边就是晾衣服的地方。建议在亭子两侧种一排绿篱，并定期冲洗。' },
    steps: [] },
];
