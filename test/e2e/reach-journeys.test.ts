/**
 * Reaching everyone, as people do it: elder mode is switched on and remembered before the page
 * paints; a resident backs a proposal and books a seat with the keyboard alone, seeing where the
 * focus is at every step; "read aloud" speaks the page in the reader's language; the display
 * screen keeps showing its last data when the network drops; a proposal prints as an A4 notice
 * with a QR code back to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Activity } from '../../functions/contracts/activities.js';
import { startSite, type Site } from './support/site.js';
import { ready, screenshot, revealLazyParts, qrDrawn } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';
import { devToken, nextMonday } from './support/activities.js';
import { decodeQrPng } from './support/qr.js';

let site: Site;
let openProposal = '';
let activityPath = '';

async function session(userId: string): Promise<string> {
  const res = await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  return JSON.stringify({ ...(await res.json()), provider: 'dev' });
}

/** A fresh browser with this user signed in (remembered session), Chinese. */
async function as(userId: string | null): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await site.newPage();
  if (userId) {
    const stored = await session(userId);
    await context.addInitScript((s) => { localStorage.setItem('gongzhi.session', s); }, stored);
  }
  return { context, page };
}

beforeAll(async () => {
  site = await startSite();
  const list = await (await fetch(`${site.url}/api/proposals?community=chating&status=open&limit=50`)).json() as { items: { id: string; supportCount: number; supportThreshold: number }[] };
  const p = list.items.find((x) => x.supportCount + 1 < x.supportThreshold);
  if (!p) throw new Error('the demo community should hold an open proposal below its threshold');
  openProposal = `/proposals/${p.id}`;
  const day = nextMonday();
  const res = await fetch(`${site.url}/api/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(site, 'staff1')}` },
    body: JSON.stringify({
      spaceId: 'leisure-garden', title: '太极拳晨练', host: '社区老年协会', audience: 'all',
      description: '跟着老师慢慢练，初学者欢迎。', capacity: 10, maxSeatsPerBooking: 1,
      startsAt: new Date(`${day}T08:00:00+08:00`).toISOString(), endsAt: new Date(`${day}T09:00:00+08:00`).toISOString(),
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  activityPath = `/activities/${Activity.parse(await res.json()).id}`;
});
afterAll(async () => { await site?.close(); });

/** Presses Tab until the focused element is the button named `name`; every stop must show its focus. */
async function tabTo(page: Page, name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      return { text: (el.innerText || el.getAttribute('aria-label') || '').trim(), visible: outline || s.boxShadow !== 'none', tag: el.tagName };
    });
    if (!focused) continue;
    expect(focused.visible, `focus is not visible on <${focused.tag}> "${focused.text}"`).toBe(true);
    if (focused.text === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

describe('elder mode', () => {
  it('is switched on from the header, remembered, and applied before the page is interactive', async () => {
    const { context, page } = await as(null);
    await page.goto('/');
    await ready(page);
    const toggle = page.getByRole('button', { name: '长辈模式' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(before).toBeGreaterThanOrEqual(20);
    expect(after).toBeGreaterThanOrEqual(24);

    // On the next page load the class is there when the HTML has been parsed, before the app wakes up.
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { elderAtParse: boolean }).elderAtParse = document.documentElement.classList.contains('elder');
      });
    });
    await page.goto(activityPath);
    await ready(page);
    expect(await page.evaluate(() => (window as unknown as { elderAtParse: boolean }).elderAtParse)).toBe(true);
    expect(await page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true');
    // Fewer words: the booking window, capacity and calendar link are left out.
    await expect.poll(() => page.getByText('把这个公园的活动加入手机日历').isVisible().catch(() => false)).toBe(false);

    await page.getByRole('button', { name: '长辈模式' }).click();
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('a resident backs a proposal', async () => {
    const { context, page } = await as('resident7');
    await page.goto(openProposal);
    await ready(page);
    await page.getByRole('button', { name: '我支持' }).waitFor();
    await tabTo(page, '我支持');
    await page.keyboard.press('Enter');
    await page.getByText('你已经支持了这个提议。').waitFor();
    await context.close();
  });

  it('a resident books a seat', async () => {
    const { context, page } = await as('resident8');
    await page.goto(activityPath);
    await ready(page);
    // The booking box is below a phone's first screen: it comes at the first key pressed.
    await page.locator('#activity h1').waitFor();
    await tabTo(page, '预约');
    await page.keyboard.press('Enter');
    await page.getByText(/你已预约成功/).waitFor();
    await context.close();
  });
});

describe('read aloud', () => {
  it('reads the proposal in Chinese, and in English once the reader switches', async () => {
    const { context, page } = await as(null);
    // Headless Chromium has no voices: record what would be spoken.
    await context.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          speak: (u: SpeechSynthesisUtterance) => { spoken.push({ text: u.text, lang: u.lang }); },
          cancel: () => undefined, pause: () => undefined, resume: () => undefined, getVoices: () => [],
        },
      });
    });
    await page.goto(openProposal);
    await ready(page);
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    // Pressed at the top of the page, before scrolling: the parts further down are read too.
    expect(await page.locator('.lazy-slot').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '朗读本页' }).click();
    await page.getByRole('button', { name: '停止朗读' }).waitFor();
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(0);
    const zhSpoken = await spoken();
    expect(zhSpoken[0]).toEqual({ text: title, lang: 'zh-CN' });
    expect(zhSpoken.some((s) => s.text === '公开记录'), 'the public record, loaded for the reading').toBe(true);
    expect(zhSpoken.some((s) => s.text.includes('我支持'))).toBe(false); // buttons are not read
    // The controls take the start button's place, focus included.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('暂停');
    await page.getByRole('button', { name: '停止朗读' }).click();
    await page.getByRole('button', { name: '朗读本页' }).waitFor();

    await page.getByRole('button', { name: /English$/ }).click();
    const before = (await spoken()).length;
    await page.getByRole('button', { name: 'Read this page aloud' }).click();
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(before);
    const enSpoken = await spoken();
    expect(enSpoken.at(-1)!.lang).toMatch(/^en/);
    await context.close();
  });
});

describe('the display screen', () => {
  it('shows large cards, and keeps the last data with its time when the network drops', async () => {
    // The soonest activity of the coming week is on the first card, whatever the day of the week.
    const now = Date.now();
    const week = await (await fetch(`${site.url}/api/activities?community=chating&from=${new Date(now).toISOString()}&to=${new Date(now + 7 * 86_400_000).toISOString()}&limit=50`)).json() as {
      items: { title: string; status: string }[];
    };
    const soonest = week.items.find((a) => a.status === 'scheduled')?.title;
    if (!soonest) throw new Error('the demo community should hold an activity in the coming week');
    const { context, page } = await site.newPage({ width: 1920, height: 1080 });
    const ballotCalls: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/ballots')) ballotCalls.push(new URL(r.url()).pathname); });
    await page.goto('/screen');
    await ready(page);
    await page.getByText(/更新于 \d\d:\d\d/).waitFor();
    // Open ballots' participation and the counted ones' outcomes come with the one list request.
    expect(ballotCalls).toEqual(['/api/ballots']);
    await page.getByRole('heading', { level: 2, name: '口袋公园近期活动' }).waitFor();
    await page.getByText(soonest).first().waitFor();
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.card li strong')!).fontSize));
    expect(size, 'card titles readable from 3 m').toBeGreaterThanOrEqual(40);
    await screenshot(page, 'screen-tv-zh');

    // Rotate by hand to the proposals card.
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByRole('heading', { level: 2, name: '正在征集支持的提议' }).waitFor();

    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await ready(page);
    await page.getByText(/网络暂时断开，显示的是 \d\d:\d\d 的信息/).waitFor();
    await page.getByText(soonest).first().waitFor();
    await context.close();
  });
});

describe('printing', () => {
  it('prints a proposal as an A4 notice with a QR code back to it', async () => {
    const { context, page } = await as(null);
    await page.goto(openProposal);
    await ready(page);
    await page.locator('#proposal h1').waitFor();
    await scrollToEveryPart(page); // the print notice comes when its place nears the screen
    await page.getByRole('button', { name: '打印公告' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const qr = page.getByRole('img', { name: new RegExp(`二维码.*${openProposal}`) });
    await qrDrawn(qr);
    // Scanned from the paper's pixels, it opens the proposal.
    expect(decodeQrPng(await qr.screenshot())).toBe(`${site.url}${openProposal}`);
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印公告' }).isVisible()).toBe(false);
    await screenshot(page, 'print-proposal-zh');
    await page.pdf({ path: 'test/e2e/screenshots/print-proposal-zh.pdf', preferCSSPageSize: true });
    await context.close();
  });

  it('prints a ballot result (with its notice period) and the ledger summary, each with its QR code', async () => {
    const ballots = await (await fetch(`${site.url}/api/ballots?community=chating&limit=20`)).json() as { items: { id: string; status: string }[] };
    const counted = ballots.items.find((b) => b.status === 'notice' || b.status === 'final');
    if (!counted) throw new Error('the demo community should hold a counted ballot');
    for (const [path, kind, shot] of [[`/ballots/${counted.id}`, /表决结果公示（公示期至 .+）/, 'print-result-zh'], ['/ledger', /捐赠账目公示/, 'print-ledger-zh']] as const) {
      const { context, page } = await as(null);
      await page.goto(path);
      await ready(page);
      await revealLazyParts(page); // the print notice comes when its place nears the screen
      await page.getByRole('button', { name: '打印公告' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      await page.getByText(kind).waitFor();
      const qr = page.getByRole('img', { name: new RegExp(`二维码.*${path}`) });
      await qrDrawn(qr);
      expect(decodeQrPng(await qr.screenshot())).toBe(`${site.url}${path}`);
      expect(await page.locator('header').isVisible()).toBe(false);
      await screenshot(page, shot);
      await context.close();
    }
  });
});
