/**
 * JS a browser downloads when someone opens a public page of the built site and waits: a phone-
 * sized window (390×844), Chinese, no scrolling or tapping, counted until the network has been
 * quiet for half a second. Every script response counts, gzipped (as CloudFront serves it),
 * whether the HTML named it, SvelteKit preloaded it or the page imported it after starting (the
 * result parts of a counted ballot, say), plus the inline bootstrap scripts. Parts that wait
 * until the reader scrolls to them (LazyPart when="visible") or taps something are not counted:
 * no first visit downloads them.
 *
 * Its own process (it starts a local platform with the demo data): `npx tsx test/bench/web.ts
 * [--json] [path prefix] [--files]`; `--files` lists each page's scripts, largest first.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startPlatform } from '../../functions/local/platform.js';

export interface PageRow { page: string; path: string; jsFiles: number; jsGzipBytes: number; files: { name: string; gzipBytes: number }[] }

const root = resolve(import.meta.dirname, '../..');

/**
 * A build made under vitest (NODE_ENV=test, e.g. by a browser test's ensureBuilt) is Svelte's
 * development build: ~12 KiB gzip more per page and slower. Budgets are for what ships, so the
 * bench measures a production build, rebuilding when the one present is not.
 */
export function isProductionBuild(buildDir: string): boolean {
  const chunks = join(buildDir, '_app/immutable/chunks');
  if (!existsSync(join(buildDir, 'index.html')) || !existsSync(chunks)) return false;
  return !readdirSync(chunks).some((f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes('__svelte_meta'));
}

export function ensureProductionBuild(buildDir = 'web/build'): void {
  if (isProductionBuild(buildDir)) return;
  execSync('npm run build:web', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

async function firstId(base: string, path: string, pick: (items: { id: string; status?: string }[]) => { id: string } | undefined): Promise<string | null> {
  const res = await fetch(`${base}${path}`).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json()) as { items?: { id: string; status?: string }[] };
  return pick(body.items ?? [])?.id ?? null;
}

/** Every public page, with an example from the demo data where the address has an id. */
async function publicPages(base: string): Promise<[string, string | null][]> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 21 * 86_400_000).toISOString();
  const proposal = await firstId(base, '/api/proposals?community=chating&limit=50', (items) => items.find((p) => p.status === 'accepted' || p.status === 'in_progress') ?? items[0]);
  const activity = await firstId(base, `/api/activities?community=chating&from=${from}&to=${to}&limit=5`, (items) => items[0]);
  const result = await firstId(base, '/api/ballots?community=chating&limit=20', (items) => items.find((b) => b.status === 'notice' || b.status === 'final') ?? items[0]);
  const open = await firstId(base, '/api/ballots?community=chating&limit=20', (items) => items.find((b) => b.status === 'open'));
  return [
    ['/ (home)', '/'],
    ['/proposals', '/proposals'],
    ['/proposals/{id}', proposal && `/proposals/${proposal}`],
    ['/activities', '/activities'],
    ['/activities/{id}', activity && `/activities/${activity}`],
    ['/ledger', '/ledger'],
    ['/ballots', '/ballots'],
    ['/ballots/{id} (result)', result && `/ballots/${result}`],
    ['/ballots/{id} (open)', open && `/ballots/${open}`],
    ['/screen', '/screen'],
  ];
}

export async function benchFirstLoadJs(prefix = ''): Promise<PageRow[]> {
  const staticDir = resolve(root, 'web/build');
  ensureProductionBuild(staticDir);
  // Never 3000 (someone's npm start may be there): ports in 4200–4299.
  const platform = await startPlatform({ port: 4200 + Math.floor(Math.random() * 99), dataDir: ':memory:', staticDir, quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const rows: PageRow[] = [];
    for (const [page, path] of await publicPages(platform.url)) {
      if (!path) throw new Error(`no example of ${page} in the demo data`);
      if (!path.startsWith(prefix)) continue;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const tab = await context.newPage();
      const bodies: Promise<{ name: string; gzipBytes: number } | null>[] = [];
      tab.on('response', (r) => {
        if (r.request().resourceType() !== 'script') return;
        bodies.push(r.body().then((b) => ({ name: new URL(r.url()).pathname, gzipBytes: gzipSync(b).length }), () => null));
      });
      await tab.goto(`${platform.url}${path}`, { waitUntil: 'networkidle' });
      await tab.waitForTimeout(500);
      await tab.waitForLoadState('networkidle');
      const inline = await tab.evaluate(() => Array.from(document.querySelectorAll('script:not([src])'), (s) => s.textContent ?? ''));
      const files = (await Promise.all(bodies)).filter((f) => f !== null).sort((a, b) => b.gzipBytes - a.gzipBytes);
      const inlineBytes = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
      rows.push({ page, path, jsFiles: files.length, jsGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, inlineBytes), files });
      await context.close();
    }
    return rows;
  } finally {
    await browser.close();
    await platform.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = process.argv.slice(2);
  const rows = await benchFirstLoadJs(args.find((a) => a.startsWith('/')) ?? '');
  if (args.includes('--json')) console.log(JSON.stringify(rows.map(({ files: _files, ...r }) => r))); // the last line: read by run.ts
  else {
    for (const r of rows) {
      console.log(`${r.page.padEnd(26)} ${(r.jsGzipBytes / 1024).toFixed(1).padStart(6)} KiB gzip  ${r.jsFiles} files  ${r.path}`);
      if (args.includes('--files')) for (const f of r.files) console.log(`    ${(f.gzipBytes / 1024).toFixed(2).padStart(6)} ${f.name}`);
    }
  }
  process.exit(0);
}
