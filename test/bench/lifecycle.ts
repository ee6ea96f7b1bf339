/**
 * Capacity units for each step of a proposal's life (measured once each, in story order), and the
 * overhead of a lifecycle step: median `POST .../milestones` through the adapter ÷ median bare
 * conditional update of the same item. Every step appends to the timeline on the META item, so
 * the item (and each step's WCU) grows with the proposal's history: the rows show by how much.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import type { Api } from '../support/platform.js';
import { median } from './stats.js';

export interface StepRow { action: string; rcu: number; wcu: number; calls: number; trips: number }
type Measure = (action: string, fn: () => Promise<unknown>) => Promise<void>;

export async function benchLifecycle(api: Api, measure: Measure, timed: (fn: () => Promise<unknown>) => Promise<number>, samples = 60) {
  const as = async (u: string) => api.signIn(u);
  const [author, committee, staff, objector] = await Promise.all(['resident1', 'committee1', 'staff1', 'resident2'].map(as));
  const post = (token: string, path: string, body: unknown = {}) => api.call('POST', path, { token, body });
  const id = (await post(author!, '/api/proposals', { title: '长椅长椅', description: '在花园里放几张长椅，方便老人休息。', category: 'seating' })).body.id as string;
  const p = `/api/proposals/${id}`;
  await measure('POST .../review', () => post(committee!, `${p}/review`));
  await measure('POST .../answer', () => post(committee!, `${p}/answer`, { decision: 'accepted', plan: { costEstimateFen: 100000, fundingSources: ['government'], startDate: '2027-01-01', endDate: '2027-02-01' } }));
  await measure('POST .../objections', () => post(objector!, `${p}/objections`, { reason: '请再比较几家报价' }));
  await measure('POST .../objections/{id}/response', () => post(committee!, `${p}/objections/resident2/response`, { response: '已比较三家报价' }));
  await api.call('POST', '/api/dev/clock', { body: { advanceDays: 8 } });
  await measure('POST .../start', () => post(committee!, `${p}/start`));
  await measure('POST .../milestones (10th event)', () => post(staff!, `${p}/milestones`, { title: '材料进场', date: '2027-01-05', progress: 20 }));
  await measure('POST .../comments', () => post(objector!, `${p}/comments`, { body: '进度很快，谢谢！' }));
  await measure('POST .../reports', () => post(objector!, `${p}/reports`, { reason: '测试举报' }));
  await measure('GET /api/moderation/reports', () => api.call('GET', '/api/moderation/reports', { token: committee! }));
  await measure('GET /api/dashboard/proposals', () => api.call('GET', '/api/dashboard/proposals', { token: committee! }));

  const through: number[] = [];
  for (let i = 0; i < samples; i++) through.push(await timed(() => post(staff!, `${p}/milestones`, { title: `第${i}步`, date: '2027-01-05' })));
  await measure(`POST .../milestones (${samples + 10}th event)`, () => post(staff!, `${p}/milestones`, { title: '再一步', date: '2027-01-06' }));
  const db = documentClient();
  const bare: number[] = [];
  for (let i = 0; i < samples; i++) {
    bare.push(await timed(() => db.send(new UpdateCommand({
      TableName: config().tables.proposals, Key: { pk: `PROPOSAL#${id}`, sk: 'META' },
      UpdateExpression: 'SET updatedAt = :now', ConditionExpression: '#s IN (:a)',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':now': new Date().toISOString(), ':a': 'in_progress' },
    }))));
  }
  return { milestoneMs: median(through), bareMs: median(bare), ratio: median(through) / median(bare) };
}
