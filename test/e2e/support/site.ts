/**
 * One local platform (API + built site, in-memory database) and one headless Chromium per test
 * file. Builds the site first if web/build is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type Platform } from '../../../functions/local/platform.js';

export const root = resolve(import.meta.dirname, '../../..');
export const screenshotDir = resolve(root, 'test/e2e/screenshots');

export interface Site {
  url: string;
  browser: Browser;
  /** A fresh browser context (own localStorage), 390×844 like a phone unless told otherwise. */
  newPage(opts?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Newest modification time of the files the site is built from. */
function newestSource(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory()
      ? newestSource(readdirSync(p).map((name) => join(p, name)))
      : st.mtimeMs);
  }
  return newest;
}

/** Builds the site when it is missing or older than its sources (so tests never run a stale build). */
function ensureBuilt(): void {
  const index = resolve(root, 'web/build/index.html');
  const sources = ['web/src', 'web/static', 'web/svelte.config.js', 'web/vite.config.ts', 'functions/contracts']
    .map((p) => resolve(root, p));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(sources)) return;
  // vitest sets NODE_ENV=test, which would give Svelte's development build; test what is deployed.
  const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (built.status !== 0) throw new Error(`npm run build:web failed (${built.status}):\n${built.stdout}\n${built.stderr}`);
}

export async function startSite(): Promise<Site> {
  ensureBuilt();
  mkdirSync(screenshotDir, { recursive: true });
  const platform: Platform = await startPlatform({ port: 0, dataDir: ':memory:', staticDir: resolve(root, 'web/build'), quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    url: platform.url,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: platform.url,
        viewport: { width: opts.width ?? 390, height: opts.height ?? 844 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      // A page error is a bug: fail loudly rather than time out later.
      page.on('pageerror', (e) => { console.error(`[page error] ${e.message}`); });
      page.on('console', (m) => {
        // HTTP statuses are the tests' to assert (a 404 for /config.json is how the site knows it
        // runs locally, a 403 is what donor1 is meant to get): only other errors are reported.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) console.error(`[console] ${m.text()}`);
      });
      return { context, page };
    },
    async close() {
      await browser.close();
      await platform.close();
    },
  };
}
