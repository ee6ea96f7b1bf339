/**
 * Ballot costs on a 1,000-unit roll: capacity units and DynamoDB requests (`calls`) per roll import,
 * ballot creation (the roll frozen in), vote (cold container, and warm: one request), vote change,
 * open read (the kept recount, and the read that recounts), close (the tally of 1,000 units and the
 * receipt items) and a page of receipts; the time of the pure tally; and the overhead of a warm vote:
 * median `PUT /api/ballots/{id}/vote` through the local adapter ÷ median bare conditional UpdateItem
 * of the same shape (other units of the same ballot).
 * Run alone: `npx tsx test/bench/ballots.ts` (`--json`: one JSON line, as test/bench/run.ts reads it).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { ruleOf } from '../../functions/ballots/rules.js';
import { tally, type CountedBallot } from '../../functions/ballots/tally.js';
import { startPlatform } from '../../functions/local/platform.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { BenchApi } from './client.js';
import { addResidents } from '../support/residents.js';
import { inHandler } from './in-handler.js';
import { meter, timed } from './meter.js';
import { median, warmUp } from './stats.js';

export interface BallotBench {
  capacity: { action: string; rcu: number; wcu: number; calls: number }[];
  voteMs: number; bareVoteMs: number; overheadRatio: number; inHandlerVoteMs: number; tallyMs: number; units: number;
}


export async function benchBallots(units = 1000, samples = 60): Promise<BallotBench> {
  const platform = await startPlatform({ port: 0, dataDir: ':memory:', staticDir: null, quiet: true });
  try {
    const api = new BenchApi(platform.url);
    const meterUnits = meter('ballotBenchMeter');
    const capacity: BallotBench['capacity'] = [];
    const measure = async <T>(action: string, fn: () => Promise<T>): Promise<T> => {
      meterUnits.take();
      const out = await fn();
      capacity.push({ action, ...meterUnits.take() });
      return out;
    };
    const reps = await addResidents('benchrep', samples);
    const rows: RollRow[] = Array.from({ length: units }, (_, i) => ({
      unitId: `b-${i}`, building: String(1 + (i % 20)), room: String(101 + i), areaCentiM2: 4500 + ((i * 7919) % 6000),
      owners: [`业主${i}`], // 20 unsold developer units are one head; every tenth buyer also owns the next unit (one head, two units).
      head: i >= units - 20 ? 'developer' : i % 10 === 1 ? `h${i - 1}` : `h${i}`,
      representativeId: i < samples ? reps[i]! : `rep${i}`,
    }));
    const staff = await api.signIn('staff1');
    const committee = await api.signIn('committee1');
    await measure(`PUT /api/estates/{id}/roll (${units} units)`, () =>
      api.call('PUT', '/api/estates/chating.dongyuan/roll', { token: staff, body: { csv: rollCsv(rows) } }));
    await measure(`PUT /api/estates/{id}/roll (same file again)`, () =>
      api.call('PUT', '/api/estates/chating.dongyuan/roll', { token: staff, body: { csv: rollCsv(rows) } }));
    const now = Date.now();
    const ballot = await measure(`POST /api/ballots (freezes ${units} units)`, () => api.call('POST', '/api/ballots', { token: committee, body: {
      estateId: 'chating.dongyuan', title: '选聘物业服务企业', matter: 'property-company', options: { kind: 'decision' },
      opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(),
    } }));
    const id = ballot.body.id as string;
    const tokens = await Promise.all(reps.map((r) => api.signIn(r)));
    const path = `/api/ballots/${id}/vote`;
    await measure('PUT /api/ballots/{id}/vote (first vote, cold container: ballot + units read)', () =>
      api.call('PUT', path, { token: tokens[0], body: { choice: 'yes' } }));
    await measure('PUT /api/ballots/{id}/vote (change, warm container)', () => api.call('PUT', path, { token: tokens[0], body: { choice: 'no' } }));
    await api.call('GET', path, { token: tokens[1] }); // the vote page's first read warms the container for this voter
    await measure('PUT /api/ballots/{id}/vote (first vote, warm: after the vote page\'s GET)', () =>
      api.call('PUT', path, { token: tokens[1], body: { choice: 'yes' } }));
    await measure('PUT /api/ballots/{id}/units/{unitId}/vote (paper)', () => api.call('PUT', `/api/ballots/${id}/units/b-${units - 1}/vote`,
      { token: staff, body: { choice: 'yes', via: 'paper', evidence: { formNumber: 'ZB-1' } } }));

    const db = documentClient();
    const table = config().tables.ballots;
    const write = (i: number, choice: string) => db.send(new UpdateCommand({
      TableName: table, Key: { pk: `BALLOT#${id}`, sk: `UNIT#b-${i}` },
      UpdateExpression: 'SET choice = :c, ck = :c, via = :via, votedAt = :now, votedBy = :by, receipt = if_not_exists(receipt, :r), '
        + 'changes = if_not_exists(changes, :zero) + :one, history = list_append(if_not_exists(history, :empty), :entry)',
      ConditionExpression: 'attribute_exists(pk) AND :now >= opensAt AND :now < closesAt AND representativeId = :by',
      ExpressionAttributeValues: { ':c': choice, ':via': 'online', ':now': new Date().toISOString(), ':by': `rep${i}`, ':r': `R${String(i).padStart(9, '0')}`,
        ':zero': 0, ':one': 1, ':empty': [], ':entry': [{ choice, at: new Date().toISOString(), via: 'online', by: `rep${i}` }] },
    }));
    // Overhead: one warm first vote per representative through the adapter, each followed by a bare
    // write of the same shape on another unit. First a warm-up of both: the first voter changing
    // their vote through the adapter, and bare writes on that other unit.
    for (let i = 0; i < warmUp; i++) {
      await api.call('PUT', path, { token: tokens[0], body: { choice: i % 2 ? 'yes' : 'no' } });
      await write(samples, 'yes');
    }
    const through: number[] = [];
    const bare: number[] = [];
    for (let i = 2; i < samples; i++) {
      await api.call('GET', path, { token: tokens[i] });
      through.push(await timed(async () => {
        if ((await api.call('PUT', path, { token: tokens[i], body: { choice: 'yes' } })).status !== 200) throw new Error('vote through the adapter failed');
      }));
      bare.push(await timed(() => write(samples + i - 1, 'yes')));
    }
    // The same representatives change their vote, as Lambda is handed it (no HTTP hop, no token check).
    const inHandlerVotes: number[] = [];
    for (let i = 2; i < samples; i++) {
      inHandlerVotes.push(await timed(async () => {
        if (await inHandler('PUT', path, { sub: reps[i]!, body: { choice: 'no' } }) !== 200) throw new Error('vote in the handler failed');
      }));
    }
    // Fill in most of the roll so the live read, the close and the receipts handle ~900 votes.
    for (let i = 2 * samples - 1; i < Math.floor(units * 0.9); i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, Math.floor(units * 0.9) - i) }, (_, j) => write(i + j, (i + j) % 5 === 0 ? 'no' : 'yes')));
    }
    await measure(`GET /api/ballots/{id} (open, ${units} units, first read: recounts)`, () => api.call('GET', `/api/ballots/${id}`));
    await measure(`GET /api/ballots/{id} (open, ${units} units, recount < 30 s old)`, () => api.call('GET', `/api/ballots/${id}`));
    await api.call('POST', '/api/dev/clock', { body: { advanceDays: 31 / 86_400 } });
    await measure(`GET /api/ballots/{id} (open, ${units} units, recount 31 s old: claims and recounts)`, () => api.call('GET', `/api/ballots/${id}`));
    await api.call('POST', '/api/dev/clock', { body: { advanceDays: 1 / 12 } });
    const closed = await measure(`POST /api/ballots/{id}/close (tally of ${units} units)`, () =>
      api.call('POST', `/api/ballots/${id}/close`, { token: committee }));
    if (closed.status !== 200) throw new Error(`close failed: ${JSON.stringify(closed.body)}`);
    await measure(`GET /api/ballots/{id} (closed)`, () => api.call('GET', `/api/ballots/${id}`));
    await measure('GET /api/ballots/{id}/receipts (first page, 100 receipts)', () => api.call('GET', `/api/ballots/${id}/receipts`));
    const ballots: CountedBallot[] = [];
    let receipts: { status: number; body: any } | undefined;
    await measure(`GET /api/ballots/{id}/receipts (all ${Math.floor(units * 0.9)}, pages of 500)`, async () => {
      for (let cursor: string | null | undefined; cursor !== null;) {
        receipts = await api.call('GET', `/api/ballots/${id}/receipts?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
        ballots.push(...(receipts.body.items as CountedBallot[]));
        cursor = receipts.body.cursor as string | null;
      }
    });
    if (ballots.length !== closed.body.result.participation.units) throw new Error(`receipts: ${ballots.length} pages' items`);
    const input = { rule: ruleOf('ordinary'), optionsKind: 'decision' as const, optionIds: ['yes', 'no', 'abstain'], roll: receipts!.body.frozenRoll, ballots };
    const tallies: number[] = [];
    for (let i = 0; i < 31; i++) tallies.push(await timed(async () => tally(input)));
    return { capacity, voteMs: median(through), bareVoteMs: median(bare), overheadRatio: median(through) / median(bare), inHandlerVoteMs: median(inHandlerVotes), tallyMs: median(tallies), units };
  } finally {
    await platform.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const r = await benchBallots();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r)); // the last line: read by run.ts
  else {
    for (const c of r.capacity) console.log(`capacity ${c.action}: ${c.rcu} RCU / ${c.wcu} WCU / ${c.calls} calls`);
    console.log(`warm vote via adapter ${r.voteMs.toFixed(2)} ms, bare ${r.bareVoteMs.toFixed(2)} ms, overhead ${r.overheadRatio.toFixed(2)}x, `
      + `tally of ${r.units} units ${r.tallyMs.toFixed(2)} ms`);
  }
}
