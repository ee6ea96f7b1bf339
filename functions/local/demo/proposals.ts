/** A few proposals so the demo community is not empty; ids are fixed so re-seeding changes nothing. */
import { encodeTime } from 'ulid';
import type { CreateProposalBody } from '../../contracts/proposals.js';

export interface DemoProposal { id: string; authorId: string; createdAt: string; body: CreateProposalBody; backers: number[] }

const at = (iso: string, n: number) => ({ id: `${encodeTime(Date.parse(iso), 10)}${String(n).padStart(16, '0')}`, createdAt: iso });

export const demoProposals: DemoProposal[] = [
  { ...at('2026-10-08T01:30:00.000Z', 1), authorId: 'resident1', backers: [2, 4, 5, 8, 12, 16, 20, 24, 28, 32, 36, 40],
    body: { title: '把3栋旁的角落改成有座椅的小花园', category: 'seating', location: '茶亭东苑3栋东侧',
      description: '3栋东侧的角落堆着杂物，晚上也没有灯。希望清理后放几张有靠背的长椅，种些好打理的花草，老人散步时可以坐下歇歇脚。',
      estimatedCostFen: 1_800_000 } },
  { ...at('2026-10-15T02:00:00.000Z', 2), authorId: 'resident3', backers: [7, 11, 15, 19, 23, 27],
    body: { title: '文化园加装夜间照明', category: 'lighting', location: '文化园入口到舞台的小路',
      description: '冬天五点多天就黑了，跳广场舞和散步的居民看不清路。建议沿小路装几盏节能路灯，并在台阶处加反光条。',
      estimatedCostFen: 650_000 } },
  { ...at('2026-10-22T06:45:00.000Z', 3), authorId: 'resident6', backers: [10, 14, 18, 22],
    body: { title: '动感乐园增设儿童图书角的遮阳棚', category: 'play', location: '动感乐园图书角',
      description: '夏天图书角晒得很厉害，孩子们只能在傍晚来看书。希望加一个遮阳棚，并放两个防雨书柜。' } },
  { ...at('2026-11-02T03:10:00.000Z', 4), authorId: 'resident2', backers: [1, 9, 13],
    body: { title: '单元门口加装扶手和坡道', category: 'accessibility', location: '茶亭东苑1栋、2栋单元门口',
      description: '单元门口有三级台阶，坐轮椅和推婴儿车都很不方便，几位老人上下楼要人扶。建议加装不锈钢扶手和一段缓坡。',
      estimatedCostFen: 1_200_000 } },
  { ...at('2026-11-20T08:20:00.000Z', 5), authorId: 'resident9', backers: [],
    body: { title: '垃圾亭旁种植绿篱遮挡异味', category: 'greening', location: '南湖三村垃圾分类亭',
      description: '垃圾分类亭建好后很方便，但夏天气味大，旁边就是晾衣服的地方。建议在亭子两侧种一排绿篱，并定期冲洗。' } },
];
