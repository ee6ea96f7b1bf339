/**
 * Request overhead: the median `PUT /api/proposals/{id}/support` through the local HTTP adapter
 * (middy, zod, identity read, the conditional write) divided by the median bare conditional write
 * of the same shape on the same engine. Capacity units per action come from ReturnConsumedCapacity
 * on every command the handlers send, summed per HTTP request.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { startPlatform } from '../../functions/local/platform.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { BenchApi } from './client.js';
import { benchBookings } from './bookings.js';
import { inHandler } from './in-handler.js';
import { benchLifecycle } from './lifecycle.js';
import { benchNotifications } from './notifications.js';
import { meter, timed } from './meter.js';
import { median, warmUp } from './stats.js';

export interface CapacityRow { action: string; rcu: number; wcu: number; calls: number; trips: number }
export interface RequestBench {
  throughAdapterMs: number; bareWriteMs: number; overheadRatio: number; inHandlerMs: number; capacity: CapacityRow[];
  lifecycle: { milestoneMs: number; bareMs: number; ratio: number };
  bookings: { pairMs: number; barePairMs: number; ratio: number; bookMs: number; bareBookMs: number; bookRatio: number; inHandlerBookMs: number; bareBothMs: number; bookOverBothRatio: number };
}

export async function benchRequests(samples = 300): Promise<RequestBench> {
  const platform = await startPlatform({ port: 0, dataDir: ':memory:', staticDir: null, quiet: true, notifier: 'manual' });
  try {
    const api = new BenchApi(platform.url);
    const units = meter();
    const token = await api.signIn('resident1');
    const capacity: CapacityRow[] = [];
    const measure = async (action: string, fn: () => Promise<unknown>) => {
      units.take();
      await fn();
      capacity.push({ action, ...units.take() });
    };
    let id = '';
    await measure('POST /api/proposals', async () => {
      id = (await api.call('POST', '/api/proposals', { token, body: { title: '长椅长椅', description: '在花园里放几张长椅，方便老人休息。', category: 'seating' } })).body.id;
    });
    await measure('GET /api/proposals/{id}', () => api.call('GET', `/api/proposals/${id}`));
    await measure('GET /api/proposals (20)', () => api.call('GET', '/api/proposals?community=chating&limit=20'));
    await measure('PUT .../support', () => api.call('PUT', `/api/proposals/${id}/support`, { token }));
    await measure('PUT .../support (again)', () => api.call('PUT', `/api/proposals/${id}/support`, { token }));
    await measure('DELETE .../support', () => api.call('DELETE', `/api/proposals/${id}/support`, { token }));
    await measure('GET /api/me', () => api.call('GET', '/api/me', { token }));

    // Alternate PUT and DELETE so that every sample is a real, successful conditional write; each
    // backing is followed by its bare write, so warming and drift touch both alike (after a warm-up).
    const db = documentClient();
    const table = config().tables.proposals;
    const through: number[] = [];
    const bare: number[] = [];
    for (let i = -warmUp; i < samples; i++) {
      const add = i % 2 === 0;
      const t = await timed(async () => {
        if ((await api.call(add ? 'PUT' : 'DELETE', `/api/proposals/${id}/support`, { token })).status !== 200) throw new Error('backing through the adapter failed');
      });
      const b = await timed(() => db.send(new UpdateCommand({
        TableName: table, Key: { pk: `PROPOSAL#${id}`, sk: 'META' },
        UpdateExpression: add ? 'ADD supporters :u, supportCount :d' : 'DELETE supporters :u ADD supportCount :d',
        ConditionExpression: add ? 'communityId = :c AND #s = :open AND attribute_not_exists(hiddenAt) AND NOT contains(supporters, :id)'
          : 'communityId = :c AND #s = :open AND attribute_not_exists(hiddenAt) AND contains(supporters, :id)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':u': new Set(['bench']), ':id': 'bench', ':c': 'chating', ':open': 'open', ':d': add ? 1 : -1 },
      })));
      if (i >= 0) { through.push(t); bare.push(b); }
    }
    const inHandlerTimes: number[] = [];
    for (let i = 0; i < samples; i++) {
      inHandlerTimes.push(await timed(async () => {
        if (await inHandler(i % 2 ? 'DELETE' : 'PUT', `/api/proposals/${id}/support`, { sub: 'resident1' }) !== 200) throw new Error('support in the handler failed');
      }));
    }
    const throughAdapterMs = median(through);
    const bareWriteMs = median(bare);
    const lifecycle = await benchLifecycle(api, measure, timed);
    const bookings = await benchBookings(api, measure, timed);
    await benchNotifications(api, measure);
    return { throughAdapterMs, bareWriteMs, overheadRatio: throughAdapterMs / bareWriteMs, inHandlerMs: median(inHandlerTimes), capacity, lifecycle, bookings };
  } finally {
    await platform.close();
  }
}
