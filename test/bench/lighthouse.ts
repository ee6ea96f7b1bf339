/**
 * Lighthouse (mobile preset: simulated slow 4G and a mid-range phone) performance and
 * accessibility of the public pages, against a local platform started here (in-memory database,
 * seeded demo community, the built site) and Debian's Chromium, headless. Budgets: performance
 * ≥ 95, accessibility 100. Its own process (one platform per process): `npx tsx
 * test/bench/lighthouse.ts --json` prints the rows as JSON on its last line (read by run.ts).
 *
 * Two things make the local run stand for the real one:
 * - CloudFront compresses text (`compress: true`); the local platform does not, so a small gzip
 *   proxy sits in front of it here, or Lighthouse would time uncompressed downloads on slow 4G.
 * - The mobile preset's 4x CPU slowdown assumes a fast desktop host (benchmark index ~1500–2000)
 *   emulating a mid-tier phone. A slower or busy host is scaled down (4 × index / 1750, at least
 *   1x), after one calibration run, as Lighthouse's throttling guide advises; both are reported.
 */
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPlatform } from '../../functions/local/platform.js';
import { ensureProductionBuild } from './web.js';

export interface LighthouseRow {
  page: string;
  /** The host's benchmark index and the CPU slowdown used. */
  benchmarkIndex: number;
  cpuSlowdown: number;
  path: string;
  /** Medians over the runs, 0–100. */
  performance: number;
  accessibility: number;
  runs: number;
  /** Median largest contentful paint and total blocking time (simulated), ms. */
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Accessibility audits that failed in any run. */
  failed: string[];
}

const root = resolve(import.meta.dirname, '../..');
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest)|image\/svg)/;

/** A gzip-compressing reverse proxy to `upstream`, like CloudFront in front of the site and API. */
export async function gzipProxy(upstream: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers)
        .filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'accept-encoding', 'content-length'].includes(k))) as Record<string, string>;
      const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
      fetch(`${upstream}${req.url}`, { method: req.method, headers, body, redirect: 'manual' }).then(async (up) => {
        let data = Buffer.from(await up.arrayBuffer());
        const out: Record<string, string> = {};
        up.headers.forEach((v, k) => { if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v; });
        if (COMPRESSIBLE.test(up.headers.get('content-type') ?? '') && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && data.length > 0) {
          data = gzipSync(data);
          out['content-encoding'] = 'gzip';
          out.vary = 'accept-encoding';
        }
        out['content-length'] = String(data.length);
        res.writeHead(up.status, out).end(data);
      }, () => res.writeHead(502).end());
    });
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return server;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function firstId(base: string, path: string, pick: (items: { id: string; status?: string }[]) => { id: string } | undefined): Promise<string | null> {
  const res = await fetch(`${base}${path}`).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json()) as { items?: { id: string; status?: string }[] };
  return pick(body.items ?? [])?.id ?? null;
}

export async function benchLighthouse(runs = Number(process.env.LH_RUNS ?? 3), prefix = ''): Promise<LighthouseRow[]> {
  const staticDir = resolve(root, 'web/build');
  ensureProductionBuild(staticDir);
  // Never 3000 (someone's npm start may be there): ports in 4100–4199.
  const port = 4100 + Math.floor(Math.random() * 99);
  const platform = await startPlatform({ port, dataDir: ':memory:', staticDir, quiet: true });
  // The proxy takes any free port (it is not the platform).
  const proxy = await gzipProxy(platform.url, 0);
  const address = proxy.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const result = await firstId(base, '/api/ballots?community=chating&limit=20',
      (items) => items.find((b) => b.status === 'notice' || b.status === 'final') ?? items[0]);
    const pages: [string, string | null][] = [
      ['/ (home)', '/'],
      ['/proposals', '/proposals'],
      ['/activities', '/activities'],
      ['/ledger', '/ledger'],
      ['/ballots/{id} (result)', result && `/ballots/${result}`],
    ];
    const run = (path: string, cpuSlowdownMultiplier?: number) => lighthouse(`${base}${path}`, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
      ...(cpuSlowdownMultiplier && { throttling: { rttMs: 150, throughputKbps: 1638.4, requestLatencyMs: 562.5,
        downloadThroughputKbps: 1474.56, uploadThroughputKbps: 675, cpuSlowdownMultiplier } }),
    });
    // Calibration: one run (discarded) reads the host's benchmark index.
    const benchmarkIndex = Math.round((await run('/'))?.lhr.environment.benchmarkIndex ?? 1750);
    const cpuSlowdown = Math.min(4, Math.max(1, Math.round((4 * benchmarkIndex / 1750) * 10) / 10));
    const rows: LighthouseRow[] = [];
    for (const [page, path] of pages) {
      if (path && !path.startsWith(prefix)) continue;
      if (!path) {
        rows.push({ page, path: '', benchmarkIndex, cpuSlowdown, performance: 0, accessibility: 0, runs: 0, lcpMs: 0, tbtMs: 0, cls: 0, failed: ['no example in the demo data'] });
        continue;
      }
      const perf: number[] = [], a11y: number[] = [], lcp: number[] = [], tbt: number[] = [], cls: number[] = [];
      const failed = new Set<string>();
      for (let i = 0; i < runs; i++) {
        // A busy machine occasionally makes Chromium give up on a load: one more try, then fail.
        let out = await run(path, cpuSlowdown);
        if (out?.lhr.runtimeError) out = await run(path, cpuSlowdown);
        const lhr = out?.lhr;
        if (!lhr) throw new Error(`lighthouse gave no result for ${path}`);
        if (lhr.runtimeError) throw new Error(`lighthouse on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        perf.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        a11y.push(Math.round((lhr.categories.accessibility?.score ?? 0) * 100));
        lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? 0);
        tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? 0);
        cls.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? 0);
        for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failed.add(ref.id);
        }
      }
      rows.push({
        page, path, benchmarkIndex, cpuSlowdown, runs, performance: median(perf), accessibility: median(a11y),
        lcpMs: Math.round(median(lcp)), tbtMs: Math.round(median(tbt)), cls: Math.round(median(cls) * 1000) / 1000,
        failed: [...failed],
      });
    }
    return rows;
  } finally {
    chrome.kill();
    await new Promise((ok) => proxy.close(ok));
    await platform.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // A path prefix (`/ledger`) measures only the pages under it.
  const rows = await benchLighthouse(undefined, process.argv.slice(2).find((a) => a.startsWith('/')) ?? '');
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows)); // the last line: read by run.ts
  else console.table(rows);
  process.exit(0);
}
