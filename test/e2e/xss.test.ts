/**
 * Issue #13 item 7, "web inputs rendered as text": a proposal's title and description, a comment,
 * a donor's public message and staff's confirmation note, each carrying a <script>, an <img onerror>
 * and HTML and markdown javascript: links, are shown as plain text on every page that shows them
 * (home, proposal list, proposal with its comments, ledger, ledger entry, the /screen display), in
 * Chinese and in English: nothing runs (window.__xss stays undefined, also after clicking every link
 * in the page), the literal markup is visible, no element carries an attribute made from the content
 * (no on* handler, no javascript: link), and the production Content-Security-Policy, which the local
 * server now sends from the same source (infra/csp.ts), reports no violation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../infra/csp.js';
import { Api } from '../support/platform.js';
import { startSite, type Site } from './support/site.js';
import { ready, revealLazyParts, switchLanguage } from './support/steps.js';

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const HTML_LINK = '<a href="javascript:window.__xss=1">x</a>';
const MD_LINK = '[x](javascript:window.__xss=1)';
const ALL = `${SCRIPT} ${IMG} ${HTML_LINK} ${MD_LINK}`;

const title = `XSS ${SCRIPT} ${IMG}`;
const description = `Description ${ALL} end.`;
const comment = `Comment ${ALL}`;
const message = `Msg ${SCRIPT} ${IMG} ${HTML_LINK}`.slice(0, 200);
const note = `Note ${SCRIPT} ${IMG} ${MD_LINK}`;

let site: Site;
let api: Api;
let proposalPath = '';
let giftId = '';

beforeAll(async () => {
  site = await startSite();
  api = new Api(site.url);
  const resident = await api.signIn('resident1');
  const created = await api.call<{ id: string }>('POST', '/api/proposals', {
    token: resident, body: { title, description, category: 'seating' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  proposalPath = `/proposals/${created.body.id}`;
  const said = await api.call('POST', `${proposalPath.replace('/proposals', '/api/proposals')}/comments`, { token: resident, body: { body: comment } });
  expect(said.status, JSON.stringify(said.body)).toBe(201);

  const gift = await fetch(`${site.url}/api/donations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${resident}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ type: 'money', amountFen: 1234, currency: 'CNY', channel: 'cash', message }),
  });
  const giftBody = await gift.json() as { id: string };
  expect(gift.status, JSON.stringify(giftBody)).toBe(201);
  giftId = giftBody.id;
  const confirmed = await api.call('POST', `/api/donations/${giftId}/confirmation`, { token: await api.signIn('staff1'), body: { note } });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
}, 300_000);
afterAll(async () => { await site?.close(); });

interface Watch { page: Page; csp: string[]; close: () => Promise<void> }

/** A page that records CSP violations (the DOM event and the console's report) from its first script on. */
async function watchedPage(lang: 'zh-CN' | 'en'): Promise<Watch> {
  const { context, page } = await site.newPage({ width: 1280, height: 900 });
  const csp: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => { if (/content security policy/i.test(m.text())) csp.push(m.text()); });
  await page.goto('/');
  await ready(page);
  if (lang === 'en') await switchLanguage(page, 'en');
  return { page, csp, close: () => context.close() };
}

/** Goes to a page as a reader would and checks the local server sent the production policy. */
async function open(w: Watch, path: string): Promise<void> {
  const res = await w.page.goto(path);
  expect(res?.headers()['content-security-policy'], `CSP header on ${path}`).toBe(contentSecurityPolicy("'self'"));
  await ready(w.page);
}

/** What no page may contain: an attribute or a script built from the content. */
const injected = (page: Page) => page.evaluate(() => {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name) || /__xss/.test(a.value) || /^\s*javascript:/i.test(a.value)) {
        found.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
    if (el.tagName === 'SCRIPT' && /__xss/.test(el.textContent ?? '')) found.push('<script> with the content');
  }
  if (document.querySelector('a[href^="javascript:" i]')) found.push('a[href^=javascript:]');
  if (document.querySelector('img[src="x"]')) found.push('img[src=x]');
  return found;
});

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

async function expectInert(w: Watch, where: string, texts: string[]): Promise<void> {
  const { page } = w;
  for (const text of texts) {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 })
      .catch((e) => { throw new Error(`${where}: "${text}" not visible as text (${(e as Error).message})`); });
  }
  expect(await injected(page), `${where}: elements built from the content`).toEqual([]);
  expect(await xss(page), `${where}: window.__xss`).toBeUndefined();
  // Click every link shown inside the content (an element whose text holds the markup), without
  // leaving the page: a javascript: link would run here.
  const links = page.locator(':is(p, li, dd, div, article, section, blockquote, strong, h1, h2, h3) a')
    .filter({ hasText: /^x$/ });
  for (let i = 0; i < await links.count(); i++) {
    await links.nth(i).click({ trial: false, noWaitAfter: true, modifiers: [] }).catch(() => undefined);
    expect(await xss(page), `${where}: window.__xss after clicking link ${i}`).toBeUndefined();
  }
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect([...violations, ...w.csp], `${where}: CSP violations`).toEqual([]);
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`content with markup is shown as text, in ${lang}`, () => {
    it('home page and the proposal list', async () => {
      const w = await watchedPage(lang);
      await expectInert(w, `/ (${lang})`, [SCRIPT, IMG]);
      await open(w, '/proposals');
      await expectInert(w, `/proposals (${lang})`, [SCRIPT, IMG]);
      await w.close();
    });

    it('the proposal page and its comments', async () => {
      const w = await watchedPage(lang);
      await open(w, proposalPath);
      await w.page.locator('#proposal h1').waitFor();
      await revealLazyParts(w.page);
      await expectInert(w, `${proposalPath} (${lang})`, [SCRIPT, IMG, HTML_LINK, MD_LINK, 'Comment <script>']);
      await w.close();
    });

    it('the ledger and the entry with the donor message', async () => {
      const w = await watchedPage(lang);
      await open(w, '/ledger');
      // The entries load as the reader scrolls; the newest come first, staff's note among them.
      await revealLazyParts(w.page);
      await expectInert(w, `/ledger (${lang})`, [`Note ${SCRIPT}`, MD_LINK]);
      await open(w, `/ledger/entries/${giftId}`);
      await expectInert(w, `/ledger/entries/${giftId} (${lang})`, [`Msg ${SCRIPT}`, HTML_LINK]);
      await w.close();
    });

    it('the /screen display shows the proposal title as text', async () => {
      const w = await watchedPage(lang);
      await open(w, '/screen');
      const next = w.page.getByRole('button', { name: /^(下一[张页个项]|Next)/ });
      for (let i = 0; i < 6 && !(await w.page.locator('section[data-card="proposals"]').count()); i++) await next.click();
      await w.page.locator('section[data-card="proposals"]').waitFor();
      await expectInert(w, `/screen (${lang})`, [`XSS ${SCRIPT}`]);
      await w.close();
    });
  });
}
