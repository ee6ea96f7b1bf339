/** `npm run bench`: sizes, cold start, request overhead and capacity units; prints a table, writes results.json. */
import './quiet.js';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBundles } from './bundles.js';
import { monthlyCost, monthOf3000Households, pricesUsd } from './cost.js';
import type { BallotBench } from './ballots.js';
import type { LedgerBench } from './ledger.js';
import { NOTIFICATION_GSI_WRITES } from './notifications.js';
import { benchRequests } from './requests.js';
import { round, warmUp } from './stats.js';
import type { LighthouseRow } from './lighthouse.js';
import type { PageRow } from './web.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const rows: { metric: string; value: string; note: string }[] = [];
const add = (metric: string, value: string, note = '') => rows.push({ metric, value, note });
const kib = (b: number) => `${round(b / 1024, 1)} KiB`;
/** Units of one action; `trips` (round trips waited for) when the bench module measured them. */
const unitsText = (c: { rcu: number; wcu: number; calls: number; trips?: number }) =>
  `${c.rcu} RCU / ${c.wcu} WCU / ${c.calls} calls${c.trips === undefined ? '' : ` / ${c.trips} trips`}`;

const bundles = await benchBundles(join(tmpdir(), 'gongzhi-bench-bundles'));
for (const b of bundles) {
  add(`bundle ${b.context}`, `${kib(b.rawBytes)} raw / ${kib(b.gzipBytes)} gzip`, 'esbuild ESM minified, SDK inside');
  add(`cold import ${b.context}`, `${round(b.coldImportMs, 1)} ms`, 'median of 9 fresh node processes, the bundles taking turns');
}
const floor = bundles.find((b) => b.context === 'floor')!;
for (const b of bundles.filter((x) => x.context === 'notifier')) {
  // Off the request path (woken by the stream and the schedules), and the one bundle with the SES and SMS clients.
  add(`vs floor ${b.context}`, `${round(b.rawBytes / 1024, 1)} KiB / ${round(b.coldImportMs / floor.coldImportMs, 2)}x cold import`,
    'no budget: no request waits for its cold start');
}
for (const b of bundles.filter((x) => x.context !== 'floor' && x.context !== 'notifier')) {
  add(`vs floor ${b.context}`, `${round(b.rawBytes / 1024, 1)} KiB (budget 350) / ${round(b.coldImportMs / floor.coldImportMs, 2)}x cold import`,
    `budget ≤ 350 KiB raw and ≤ 1.5x the floor's cold import${b.rawBytes > 350 * 1024 || b.coldImportMs > 1.5 * floor.coldImportMs ? ' — OVER' : ''}`);
}

const req = await benchRequests();
add('PUT support via local HTTP adapter', `${round(req.throughAdapterMs, 2)} ms`, `median of 300, each followed by its bare write, after ${warmUp} warm-up rounds; node:http keep-alive client (test/bench/client.ts)`);
add('bare conditional UpdateItem', `${round(req.bareWriteMs, 2)} ms`, 'median of 300, same engine, interleaved with the above');
const budget2x = (ratio: number) => `adapter ÷ bare write; budget ≤ 2x${ratio > 2 ? ' — OVER' : ''}`;
add('request overhead ratio', `${round(req.overheadRatio, 2)}x`, `backing: ${budget2x(req.overheadRatio)}`);
/** The same action handed straight to the handler, as Lambda runs it (API Gateway does the HTTP and the token check on AWS). */
const inLambda = (what: string, ms: number, bare: number) =>
  add(`${what} in the handler (no adapter)`, `${round(ms, 2)} ms / ${round(ms / bare, 2)}x`, 'median, the event API Gateway sends; ÷ the same bare write');
inLambda('backing', req.inHandlerMs, req.bareWriteMs);
add('POST milestones via local HTTP adapter', `${round(req.lifecycle.milestoneMs, 2)} ms`, 'median of 60 (timeline growing)');
add('bare conditional UpdateItem of META', `${round(req.lifecycle.bareMs, 2)} ms`, 'median of 60, same item');
add('lifecycle step overhead ratio', `${round(req.lifecycle.ratio, 2)}x`, 'adapter ÷ bare write');
add('book + cancel via local HTTP adapter', `${round(req.bookings.pairMs, 2)} ms`, `median of 60 pairs, each followed by its bare pair, after ${warmUp} warm-up rounds`);
add('bare conditional book + cancel writes', `${round(req.bookings.barePairMs, 2)} ms`, 'median of 60 pairs, same item, interleaved with the above');
add('book + cancel overhead ratio', `${round(req.bookings.ratio, 2)}x`, 'adapter ÷ bare writes (a cancel is two round trips: the booking, then the list entry)');
add('POST .../bookings via local HTTP adapter', `${round(req.bookings.bookMs, 2)} ms`, 'median of 60, warm, within the pairs above');
add('bare conditional booking write', `${round(req.bookings.bareBookMs, 2)} ms`, 'median of 60, same item, within the bare pairs');
add('booking overhead ratio', `${round(req.bookings.bookRatio, 2)}x`, budget2x(req.bookings.bookRatio));
add('bare booking writes side by side (seat + list entry)', `${round(req.bookings.bareBothMs, 2)} ms`, 'median of 60, what a warm booking sends, interleaved with the above');
add('booking ÷ its own two writes side by side', `${round(req.bookings.bookOverBothRatio, 2)}x`,
  'no budget: the budget row is ÷ one write, above; on DynamoDB two writes side by side wait about one round trip, dynalite here does the work of both on the server\'s one thread');
inLambda('booking', req.bookings.inHandlerBookMs, req.bookings.bareBookMs);
for (const c of req.capacity) add(`capacity ${c.action}`, unitsText(c), 'table units (dynalite omits GSI writes); calls = DynamoDB requests, trips = round trips waited for (side-by-side requests are one), warm container');

{
  const by = Object.fromEntries(req.capacity.map((c) => [c.action, c]));
  const [none, five, run] = [by['POST .../cancel (nobody booked)'], by['POST .../cancel (5 booked: 5 notifications)'], by['notifier run (routes 5, sends 2 SMS)']];
  if (none && five && run) {
    const perWrite = (five.wcu - none.wcu) / 5;
    add('per notification: written by the change', `${round((five.calls - none.calls) / 5, 2)} calls / ${round(perWrite, 2)} WCU (+${NOTIFICATION_GSI_WRITES} GSI on AWS)`,
      'cancel with 5 booked minus cancel with none, ÷ 5; conditional put, so a replay costs a failed put and writes nothing');
    add('per notification: the notifier', `${round(run.calls / 5, 2)} calls / ${round(run.rcu / 5, 2)} RCU / ${round(run.wcu / 5, 2)} WCU`,
      'one run routing 5 and sending 2 SMS, ÷ 5 (settings read, route, take, the dev outbox item and unsubscribe token for the SMS)');
  }
}

// Its own process: one local platform per process, and benchRequests has had this one.
const ballots = JSON.parse(execSync('npx tsx test/bench/ballots.ts --json', { encoding: 'utf8' }).trim().split('\n').at(-1)!) as BallotBench;
for (const c of ballots.capacity) add(`capacity ${c.action}`, unitsText(c), 'ballots; table units (a vote never writes a GSI)');
add('PUT ballot vote via local HTTP adapter', `${round(ballots.voteMs, 2)} ms`, `median of 58 warm first votes, each followed by its bare write, after ${warmUp} warm-up rounds`);
add('bare conditional UpdateItem of a unit', `${round(ballots.bareVoteMs, 2)} ms`, 'median of 58, same shape, interleaved with the above');
add('ballot vote overhead ratio', `${round(ballots.overheadRatio, 2)}x`, budget2x(ballots.overheadRatio));
inLambda('vote (a change)', ballots.inHandlerVoteMs, ballots.bareVoteMs);
add(`tally of ${ballots.units} units (pure)`, `${round(ballots.tallyMs, 2)} ms`, 'median of 31, BigInt');

// The ledger in its own process too (one local platform per process).
const ledger = JSON.parse(execSync('npx tsx test/bench/ledger.ts --json', { encoding: 'utf8' }).trim().split('\n').at(-1)!) as LedgerBench;
for (const c of ledger.capacity) add(`capacity ${c.action}`, unitsText(c), 'ledger; table units (no GSI)');
add('POST /api/donations via local HTTP adapter', `${round(ledger.donationMs, 2)} ms`, `median of 60, warm (who you are and the tail kept: the conditional put alone), each followed by its bare write, after ${warmUp} warm-up rounds`);
add('bare conditional PutItem of a ledger entry', `${round(ledger.barePutMs, 2)} ms`, `median of 60, same shape (${ledger.entryBytes} B), interleaved with the above`);
add('donation overhead ratio', `${round(ledger.overheadRatio, 2)}x`, budget2x(ledger.overheadRatio));
inLambda('gift', ledger.inHandlerMs, ledger.barePutMs);

// The month of a 3,000-household community, from the units measured above.
const unitsByRow = Object.fromEntries([...req.capacity, ...ballots.capacity, ...ledger.capacity].map((c) => [c.action, c]));
const cost = monthlyCost(unitsByRow);
for (const l of cost.lines) add(`cost/month ${l.item}`, `US$${l.usd.toFixed(4)}`, '');
add('cost/month 3,000 households', `US$${cost.totalUsd.toFixed(2)}`, `${monthOf3000Households.actions.length} actions at stated counts (test/bench/cost.ts); ${pricesUsd.asOf}; budget < US$1${cost.totalUsd >= 1 ? ' — OVER' : ''}${cost.missing.length ? `; no units for: ${cost.missing.join(', ')}` : ''}`);

// JS on first load, measured in Chromium (its own process: one platform per process).
const pages = JSON.parse(execSync('npx tsx test/bench/web.ts --json', { encoding: 'utf8' }).trim().split('\n').at(-1)!) as Omit<PageRow, 'files'>[];
for (const p of pages) {
  add(`JS first load ${p.page}`, `${kib(p.jsGzipBytes)} gzip`, `${p.jsFiles} files, Chromium 390×844, until the network is quiet; budget 50 KiB${p.jsGzipBytes > 50 * 1024 ? ' — OVER' : ''}`);
}
// Lighthouse in its own process (one platform per process); mobile preset, median of 3 runs.
const lighthouse = JSON.parse(execSync('npx tsx test/bench/lighthouse.ts --json', { encoding: 'utf8' }).trim().split('\n').at(-1)!) as LighthouseRow[];
for (const r of lighthouse) {
  add(`Lighthouse ${r.page}`, `perf ${r.performance} / a11y ${r.accessibility}`,
    `mobile, median of ${r.runs}, host index ${r.benchmarkIndex} → CPU ×${r.cpuSlowdown}, gzip; LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}; budget ≥ 95 / 100${r.failed.length ? `; failed: ${r.failed.join(', ')}` : ''}`);
}

const width = Math.max(...rows.map((r) => r.metric.length));
const vwidth = Math.max(...rows.map((r) => r.value.length));
console.log(`\n| ${'metric'.padEnd(width)} | ${'value'.padEnd(vwidth)} | note |\n|${'-'.repeat(width + 2)}|${'-'.repeat(vwidth + 2)}|------|`);
for (const r of rows) console.log(`| ${r.metric.padEnd(width)} | ${r.value.padEnd(vwidth)} | ${r.note} |`);
writeFileSync('test/bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, bundles, requests: req, rows }, null, 2)}\n`);
console.log('\nwrote test/bench/results.json');
