/**
 * Every page of the site (the list is read from web/src/routes, so a new page is covered the day
 * it lands), in Chinese, in English and in elder mode: axe-core (WCAG 2.0–2.2 A/AA and best
 * practice) finds nothing; in English no Chinese interface text remains, in Chinese no English
 * interface text; elder mode really is large (base type ≥ 20 px, targets ≥ 44 px). Screenshots of
 * home, a proposal, an activity and /screen in elder mode and Chinese land in test/e2e/screenshots/.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { root, startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, revealLazyParts, screenshot } from './support/steps.js';

/** Route ids ("/proposals/[id]") of every page in web/src/routes. */
function routeIds(dir = resolve(root, 'web/src/routes')): string[] {
  const base = resolve(root, 'web/src/routes');
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routeIds(p);
    return name === '+page.svelte' ? [`/${relative(base, dir)}`.replace(/\/$/, '') || '/'] : [];
  }).sort();
}

/** Who opens the page: pages for staff and the committee need them signed in. */
const who: Record<string, string | undefined> = {
  '/committee': 'committee1', '/activities/new': 'staff1', '/ballots/new': 'committee1', '/ledger/manage': 'staff1',
  '/me/bookings': 'resident1', '/ballots/[id]/vote': 'resident1', '/donate': 'donor1',
  '/me/notifications': 'resident1', '/me/notification-settings': 'resident1', '/staff/call-list': 'staff1',
};

let site: Site;
/** Route id → a concrete path to open. */
const paths: Record<string, string> = {};
const tokens = new Map<string, { token: string; userId: string; expiresAt: string }>();

async function json<T>(path: string): Promise<T> {
  const res = await fetch(`${site.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  site = await startSite();
  const proposals = await json<{ items: { id: string; status: string }[] }>('/api/proposals?community=chating&limit=50');
  const answered = proposals.items.find((p) => p.status === 'accepted' || p.status === 'in_progress') ?? proposals.items[0]!;
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 21 * 86_400_000).toISOString();
  const activities = await json<{ items: { id: string }[] }>(`/api/activities?community=chating&from=${from}&to=${to}&limit=5`);
  const ballots = await json<{ items: { id: string; status: string }[] }>('/api/ballots?community=chating&limit=20').catch(() => ({ items: [] }));
  const result = ballots.items.find((b) => b.status === 'notice' || b.status === 'final') ?? ballots.items[0];
  const open = ballots.items.find((b) => b.status === 'open') ?? ballots.items[0];
  const ledger = await json<{ items: { id: string }[] }>('/api/ledger?community=chating&limit=1').catch(() => ({ items: [] }));
  const examples: Record<string, string | undefined> = {
    '/proposals/[id]': answered && `/proposals/${answered.id}`,
    '/activities/[id]': activities.items[0] && `/activities/${activities.items[0].id}`,
    '/ballots/[id]': result && `/ballots/${result.id}`,
    '/ballots/[id]/vote': open && `/ballots/${open.id}/vote`,
    '/ledger/entries/[id]': ledger.items[0] && `/ledger/entries/${ledger.items[0].id}`,
  };
  for (const id of routeIds()) paths[id] = id.includes('[') ? examples[id] ?? '' : id;
  for (const user of new Set(Object.values(who))) {
    if (!user) continue;
    const res = await fetch(`${site.url}/api/dev/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user }),
    });
    tokens.set(user, (await res.json()) as { token: string; userId: string; expiresAt: string });
  }
});
afterAll(async () => { await site?.close(); });

it('knows an example address for every page with a parameter', () => {
  expect(Object.entries(paths).filter(([, p]) => !p).map(([id]) => id), 'routes without an example').toEqual([]);
  expect(Object.keys(paths).length).toBeGreaterThanOrEqual(15);
});

/**
 * Interface text of a catalogue: the fixed parts of each message, long enough not to be data. A
 * message without placeholders must match a whole piece of text on the page (so a proposal titled
 * "口袋公园活动物资" is not taken for the menu's "口袋公园活动"); the fixed part of a message with
 * placeholders may sit inside a longer piece.
 */
interface Fragment { text: string; whole: boolean }
function fragments(catalogue: Record<string, string>, test: (s: string) => boolean): Fragment[] {
  const seen = new Map<string, Fragment>();
  for (const message of Object.values(catalogue)) {
    const parts = message.split(/\{\w+\}/).map((s) => s.trim()).filter(test);
    for (const text of parts) if (!seen.has(text) || message.includes('{')) seen.set(text, { text, whole: !message.includes('{') });
  }
  return [...seen.values()];
}
/** Every catalogue of each language merged: zh.ts / en.ts and each area's <name>-zh.ts / <name>-en.ts. */
async function allMessages(suffix: 'zh' | 'en'): Promise<Record<string, string>> {
  const dir = resolve(root, 'web/src/lib/i18n');
  const files = [`${suffix}.ts`, ...readdirSync(dir).filter((f) => f.endsWith(`-${suffix}.ts`))];
  const merged: Record<string, string> = {};
  for (const f of files) {
    for (const v of Object.values(await import(join(dir, f)) as Record<string, unknown>)) {
      if (typeof v === 'object' && v !== null) Object.assign(merged, v);
    }
  }
  return merged;
}
const zh = await allMessages('zh');
const en = await allMessages('en');
const zhFragments = fragments(zh, (s) => (s.match(/[\u3400-\u9fff]/g) ?? []).length >= 4);
const enFragments = fragments(en, (s) => s.length >= 14 && /^[A-Za-z]/.test(s) && /\s/.test(s));
const found = (pieces: string[], list: Fragment[]) =>
  list.filter((f) => pieces.some((p) => (f.whole ? p === f.text : p.includes(f.text)))).map((f) => f.text);

const modes = [
  { name: 'Chinese', tag: 'zh', lang: 'zh-CN', elder: false },
  { name: 'English', tag: 'en', lang: 'en', elder: false },
  { name: 'elder mode, Chinese', tag: 'elder-zh', lang: 'zh-CN', elder: true },
] as const;

/** A browser context with the language, elder mode and (optionally) a session already remembered. */
async function contextFor(mode: (typeof modes)[number], user?: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await site.newPage();
  const session = user ? { ...tokens.get(user)!, provider: 'dev' } : null;
  await context.addInitScript(([lang, elder, stored]) => {
    localStorage.setItem('gongzhi.lang', lang as string);
    if (elder) localStorage.setItem('gongzhi.elder', '1');
    if (stored) localStorage.setItem('gongzhi.session', stored as string);
  }, [mode.lang, mode.elder, session ? JSON.stringify(session) : null] as const);
  return { context, page };
}

/**
 * Opens a page and waits until it has hydrated, fetched what it shows and stopped loading, with
 * every part that loads on scrolling loaded (so axe and the language check see the whole page).
 */
async function openAndSettle(page: Page, path: string, lang: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction((l) => document.documentElement.hasAttribute('data-hydrated') && document.documentElement.lang === l, lang);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !/正在加载|Loading…/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await revealLazyParts(page);
}

describe.each(modes)('every page in $name', (mode) => {
  it.each(routeIds())('%s', async (id) => {
    const path = paths[id];
    if (!path) throw new Error(`no example address for ${id}`);
    const user = who[id];
    const { context, page } = await contextFor(mode, user);
    try {
      await openAndSettle(page, path, mode.lang);
      const violations = await axeViolations(page);
      expect(violations, `${id} (${mode.name}):\n${describeViolations(violations)}`).toEqual([]);

      // Every piece of text a reader can see (each text node, trimmed).
      const pieces = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim();
          if (text && n.parentElement?.checkVisibility() && !n.parentElement.closest('script, style')) out.push(text);
        }
        return out;
      });
      if (mode.lang === 'en') {
        expect(found(pieces, zhFragments), `${id}: Chinese interface text left in English`).toEqual([]);
      } else {
        expect(found(pieces, enFragments), `${id}: English interface text in Chinese`).toEqual([]);
      }

      if (mode.elder) {
        const sizes = await page.evaluate(() => ({
          base: parseFloat(getComputedStyle(document.documentElement).fontSize),
          elder: document.documentElement.classList.contains('elder'),
          small: Array.from(document.querySelectorAll('main button, main a.button, header button, header a.button'))
            .filter((el) => (el as HTMLElement).offsetParent !== null)
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.height < 44 || r.width < 44).length,
        }));
        expect(sizes.elder).toBe(true);
        expect(sizes.base).toBeGreaterThanOrEqual(20);
        expect(sizes.small, `${id}: buttons smaller than 44 px in elder mode`).toBe(0);
        const shot = { '/': 'home', '/proposals/[id]': 'proposal', '/activities/[id]': 'activity', '/screen': 'screen' }[id];
        if (shot) await screenshot(page, `elder-zh-${shot}`);
      }
    } finally {
      await context.close();
    }
  });
});
