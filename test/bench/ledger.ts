/**
 * Ledger costs: capacity units per donation (warm Lambda: one identity Query, one consistent
 * Query of the chain's tail, one conditional PutItem), per replayed donation, per confirmation and per
 * public read; and the overhead of a donation: median `POST /api/donations` through the local HTTP
 * adapter ÷ median bare conditional PutItem of an entry of the same shape on the same engine.
 * Run alone: `npx tsx test/bench/ledger.ts` (`--json`: one JSON line, as test/bench/run.ts reads it).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startPlatform } from '../../functions/local/platform.js';
import { ledgerKeys } from '../../functions/donations/repository.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { BenchApi } from './client.js';
import { inHandler } from './in-handler.js';
import { meter, timed } from './meter.js';
import { median, warmUp } from './stats.js';

export interface LedgerBench {
  capacity: { action: string; rcu: number; wcu: number; calls: number; trips: number }[];
  donationMs: number;
  barePutMs: number;
  overheadRatio: number;
  /** The gift as Lambda is handed it, without the adapter's HTTP hop and token check. */
  inHandlerMs: number;
  entryBytes: number;
}

export async function benchLedger(samples = 60): Promise<LedgerBench> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const platform = await startPlatform({ port: 0, dataDir: ':memory:', staticDir: null, quiet: true });
  try {
    const api = new BenchApi(platform.url);
    const units = meter('ledgerBenchMeter');
    const [resident, staff] = [await api.signIn('resident1'), await api.signIn('staff1')];
    const body = { type: 'money', amountFen: 10_000, currency: 'CNY', channel: 'wechat_pay', reference: 'WX4200001234', visibility: 'public' };
    const give = (key: string) => api.call<{ id: string }>('POST', '/api/donations', { token: resident, body, headers: { 'idempotency-key': key } });
    await give(randomUUID()); // warm: the Lambda has folded the chain once, as a warm container has

    const capacity: LedgerBench['capacity'] = [];
    const measure = async (action: string, fn: () => Promise<unknown>) => {
      units.take();
      await fn();
      capacity.push({ action, ...units.take() });
    };
    const key = randomUUID();
    let id = '';
    await measure('POST /api/donations', async () => { id = (await give(key)).body.id; });
    await measure('POST /api/donations (replayed key)', () => give(key));
    await measure('POST /api/donations/{id}/confirmation', () => api.call('POST', `/api/donations/${id}/confirmation`, { token: staff, body: {} }));
    await measure('GET /api/ledger (20, warm)', () => api.call('GET', '/api/ledger?community=chating'));
    await measure('GET /api/ledger/summary (warm)', () => api.call('GET', '/api/ledger/summary?community=chating'));
    await measure('GET /api/ledger/verify (whole chain)', () => api.call('GET', '/api/ledger/verify?community=chating'));

    // The same gift as Lambda is handed it (no HTTP hop, no token check: API Gateway's part on AWS).
    const inHandlerGifts: number[] = [];
    for (let i = 0; i < samples; i++) {
      inHandlerGifts.push(await timed(async () => {
        if (await inHandler('POST', '/api/donations', { sub: 'resident1', body, headers: { 'idempotency-key': randomUUID() } }) !== 201) throw new Error('gift in the handler failed');
      }));
    }

    // The bare write: one conditional PutItem of an entry like the ones just written, at a fresh position.
    const chain = (await api.call('GET', '/api/ledger/export.json?community=chating')).body as { entries: { position: number }[] };
    const last = (await api.call('GET', `/api/donations/${id}`, { token: staff })).body;
    const sample = { e: { ...last, status: undefined, reversedBy: undefined, confirmedBy: undefined, hash: undefined }, h: 'f'.repeat(64), p: { salt: 'f'.repeat(32), donorName: '王秀英', donorUserId: 'resident1', idem: { scope: 'resident1', key: randomUUID(), requestHash: 'f'.repeat(64) } } };
    const entryBytes = Buffer.byteLength(JSON.stringify(sample));
    const db = documentClient();
    // Each gift through the adapter is followed by its bare write, after a warm-up of both.
    const through: number[] = [];
    const bare: number[] = [];
    let position = chain.entries.length + 10_000;
    for (let i = -warmUp; i < samples; i++) {
      const t = await timed(async () => { if ((await give(randomUUID())).status !== 201) throw new Error('gift through the adapter failed'); });
      const b = await timed(() => db.send(new PutCommand({
        TableName: config().tables.donations, Item: { pk: ledgerKeys.pk('bench'), sk: ledgerKeys.sk(position++), ...sample },
        ConditionExpression: 'attribute_not_exists(pk)',
      })));
      if (i >= 0) { through.push(t); bare.push(b); }
    }
    const donationMs = median(through);
    const barePutMs = median(bare);
    return { capacity, donationMs, barePutMs, overheadRatio: donationMs / barePutMs, inHandlerMs: median(inHandlerGifts), entryBytes };
  } finally {
    await platform.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLedger();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else console.table([...r.capacity, { action: 'donation ms / bare put ms / ratio', rcu: r.donationMs, wcu: r.barePutMs }]);
}
