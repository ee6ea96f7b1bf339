/**
 * The demo ledger, recorded through the real use cases with the clock set to each step's date:
 * projects for the accepted demo proposals plus a supplies project, a government allocation, public
 * gifts and one anonymous gift, an organisation's gift recorded by staff, books and tents in kind,
 * confirmations, an expense with its receipt, tents used at the gate, volunteer hours, and a gift
 * entered twice by mistake and reversed. Every write carries a fixed Idempotency-Key, so a seed that
 * was interrupted and runs again replays what it already wrote instead of writing it twice.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContextRouteId } from '../../routes.js';
import type { DonationBody } from '../../contracts/ledger.js';
import type { LedgerDeps } from '../../donations/access.js';
import {
  allocationPayload, confirmGift, createProject, expensePayload, recordDonation, recordFact, reverseEntry,
} from '../../donations/use-cases.js';
import { createLedgerDeps } from '../../donations/wire.js';
import { ProposalRepository } from '../../proposals/repository.js';
import { config } from '../../shared/config.js';
import { COMMUNITY } from './community.js';

type Body = DonationBody & { visibility?: 'public' | 'anonymous' };
const key = (k: string) => ({ 'idempotency-key': `demo-ledger-${k}` });

async function proposalIdByTitle(db: DynamoDBDocumentClient, title: string): Promise<string | undefined> {
  const repo = new ProposalRepository(db, config().tables.proposals);
  for (const status of ['completed', 'in_progress', 'accepted'] as const) {
    const hit = (await repo.allInStatus(COMMUNITY.id, status)).find((p) => p.title === title);
    if (hit) return hit.id;
  }
  return undefined;
}

export async function seedDonations(db: DynamoDBDocumentClient): Promise<void> {
  let at = '2026-08-12T02:00:00.000Z';
  const deps: LedgerDeps = createLedgerDeps(db, config(), () => at);
  const when = (t: string) => { at = t; };
  const give = (k: string, who: string, body: Body) => recordDonation(deps, who, key(k), { visibility: 'public', ...body } as never);
  const confirm = (id: string) => confirmGift(deps, 'staff1', key(`confirm-${id}`), id, { note: '已清点入账' });
  const fact = (routeId: ContextRouteId<'donations'>, who: string, projectId: string | null, payload: Parameters<typeof recordFact>[6], k: string) =>
    recordFact(deps, who, key(k), routeId, projectId, routeId === 'allocations.create', payload);

  // 1. Soft mats at Dynamic Paradise: completed, paid by the sub-district and residents.
  const mats = await createProject(deps, 'committee1', key('project-mats'), {
    title: '动感乐园铺设软质地垫', description: '滑梯周围铺设橡胶软垫，并放两张长椅。', budgetFen: 2_400_000,
    proposalId: await proposalIdByTitle(db, '动感乐园铺设软质地垫'),
  });
  when('2026-08-14T02:00:00.000Z');
  await fact('allocations.create', 'staff1', mats.id, allocationPayload({ projectId: mats.id, amountFen: 1_600_000, source: '莫愁湖街道', reference: '莫街〔2026〕31号' }), 'alloc-mats');
  when('2026-08-16T09:00:00.000Z');
  const g1 = await give('g1', 'resident10', { type: 'money', amountFen: 50_000, currency: 'CNY', channel: 'wechat_pay', reference: 'WX4200001234', projectId: mats.id, message: '给孩子们一个安全的乐园' });
  const g2 = await give('g2', 'resident11', { type: 'money', amountFen: 30_000, currency: 'CNY', channel: 'cash', projectId: mats.id });
  const g3 = await give('g3', 'donor1', { type: 'money', amountFen: 500_000, currency: 'CNY', channel: 'bank_transfer', reference: 'ICBC-20260816-88', projectId: mats.id, visibility: 'anonymous' });
  when('2026-08-18T03:00:00.000Z');
  const g4 = await give('g4', 'staff1', { type: 'money', amountFen: 300_000, currency: 'CNY', channel: 'bank_transfer', projectId: mats.id,
    onBehalfOf: { name: '南京橡胶制品厂', donorType: 'organisation', evidence: '捐赠协议 2026-08-18，转账回单' } });
  when('2026-08-20T08:00:00.000Z');
  for (const g of [g1, g2, g3, g4]) await confirm(g.id);
  when('2026-09-05T08:00:00.000Z');
  await fact('volunteerHours.create', 'staff1', mats.id, { kind: 'volunteer_hours', minutes: 960, volunteers: 8, description: '清理滑梯周围的旧地面', workedOn: '2026-09-05' }, 'hours-mats');
  when('2026-09-28T08:00:00.000Z');
  await fact('expenses.create', 'committee1', mats.id, expensePayload({ amountFen: 2_380_000, payee: '南京安康体育设施有限公司', purpose: '橡胶软垫铺设及两张长椅', receiptNumber: 'FP-2026-0917' }), 'expense-mats');

  // 2. Lighting at the Cultural Park: in progress, government money.
  when('2026-11-06T03:00:00.000Z');
  const lights = await createProject(deps, 'committee1', key('project-lights'), {
    title: '文化园加装夜间照明', description: '沿小路安装节能路灯，台阶加反光条。', budgetFen: 600_000,
    proposalId: await proposalIdByTitle(db, '文化园加装夜间照明'),
  });
  await fact('allocations.create', 'staff1', lights.id, allocationPayload({ projectId: lights.id, amountFen: 600_000, source: '莫愁湖街道', reference: '莫街〔2026〕58号' }), 'alloc-lights');
  when('2026-11-15T06:00:00.000Z');
  await fact('expenses.create', 'committee1', lights.id, expensePayload({ amountFen: 280_000, payee: '江苏明光照明器材公司', purpose: '路灯订金（8盏）', receiptNumber: 'FP-2026-1115' }), 'expense-lights');

  // 3. Handrails and ramps: accepted, pledges not yet counted.
  when('2026-11-26T02:00:00.000Z');
  const rails = await createProject(deps, 'committee1', key('project-rails'), {
    title: '单元门口加装扶手和坡道', description: '先做1栋，2栋明年排期。', budgetFen: 700_000,
    proposalId: await proposalIdByTitle(db, '单元门口加装扶手和坡道'),
  });
  when('2026-11-27T10:00:00.000Z');
  await give('g5', 'resident2', { type: 'money', amountFen: 20_000, currency: 'CNY', channel: 'wechat_pay', projectId: rails.id });
  const twice = await give('g6', 'resident12', { type: 'money', amountFen: 10_000, currency: 'CNY', channel: 'cash', projectId: rails.id });
  await give('g7', 'resident12', { type: 'money', amountFen: 10_000, currency: 'CNY', channel: 'cash', projectId: rails.id, message: '希望早日完工' });
  when('2026-11-27T11:00:00.000Z');
  await reverseEntry(deps, 'staff1', key('reverse-g6'), twice.id, '同一笔现金录入了两次，撤销重复的一条');

  // 4. Supplies for the pocket parks' activities: books and tents in kind, tents used at the gate.
  when('2026-11-10T02:00:00.000Z');
  const supplies = await createProject(deps, 'staff1', key('project-supplies'), {
    title: '口袋公园活动物资', description: '图书角的图书、健康检测活动用的帐篷等物资。', budgetFen: 300_000,
  });
  const books = await give('books', 'staff1', { type: 'in_kind', item: '儿童图书', quantity: 50, unit: '本', estimatedValueFen: 150_000, projectId: supplies.id,
    onBehalfOf: { name: '南京新华书店', donorType: 'organisation', evidence: '捐赠函 2026-17' } });
  const books2 = await give('books2', 'resident5', { type: 'in_kind', item: '儿童图书', quantity: 20, unit: '本', estimatedValueFen: 40_000, projectId: supplies.id });
  const tents = await give('tents', 'resident8', { type: 'in_kind', item: '帐篷', quantity: 12, unit: '顶', estimatedValueFen: 240_000, projectId: supplies.id });
  when('2026-11-11T02:00:00.000Z');
  for (const g of [books, books2, tents]) await confirm(g.id);
  when('2026-11-18T01:00:00.000Z');
  await fact('inKindUses.create', 'committee1', supplies.id, { kind: 'in_kind_use', item: '帐篷', quantity: 10, unit: '顶', purpose: '休闲花园大门口健康检测活动使用' }, 'use-tents');
  await fact('volunteerHours.create', 'staff1', supplies.id, { kind: 'volunteer_hours', minutes: 360, volunteers: 3, description: '整理图书角、登记图书', workedOn: '2026-11-18' }, 'hours-books');

  // 5. The general fund: an unrestricted gift.
  when('2026-11-20T04:00:00.000Z');
  await give('g8', 'resident30', { type: 'money', amountFen: 8_800, currency: 'CNY', channel: 'wechat_pay', message: '支持社区建设' });
}
