/**
 * axe-core finds no violations on the ledger's pages, in Chinese and in English: the public ledger,
 * an entry with its receipt, the donate form (for a visitor, and with its errors shown), the staff
 * screens; each works with the keyboard, and every visible string changes with the language.
 * Screenshots go to test/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LedgerPage } from '../../functions/contracts/ledger.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage, revealLazyParts, qrDrawn } from './support/steps.js';

let site: Site;
let giftPath = '';
let expensePath = '';
beforeAll(async () => {
  site = await startSite();
  const page = LedgerPage.parse(await (await fetch(`${site.url}/api/ledger?community=chating&kind=money_gift&limit=5`)).json());
  const gift = page.items[0];
  if (!gift) throw new Error('the demo community should hold at least one money gift');
  giftPath = `/ledger/entries/${gift.id}`;
  const expenses = LedgerPage.parse(await (await fetch(`${site.url}/api/ledger?community=chating&kind=expense&limit=1`)).json());
  if (!expenses.items[0]) throw new Error('the demo community should hold at least one expense');
  expensePath = `/ledger/entries/${expenses.items[0].id}`;
});
afterAll(async () => { await site?.close(); });

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Nothing is wider than the phone: no sideways scrolling (a long English label once did that). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'page width').toBeLessThanOrEqual(width!);
}

/** No message key shows through in place of a message (a part of the catalogue not loaded). */
async function expectNoRawKeys(page: Page): Promise<void> {
  // (The page names the file ledger.json on purpose.)
  expect(await page.locator('main').innerText()).not.toMatch(/\bledger\.(?!json\b)[a-zA-Z]/);
}

const langs = [
  {
    lang: 'zh-CN' as const, tag: 'zh', ledger: '公开账本', totals: '资金来源合计', chart: '各来源筹集的资金（元）', receipt: '捐赠收据',
    details: '记录详情', donate: '我要捐赠', submit: '登记这笔捐赠', fix: '有几项还没填好', manage: '记账', more: '加载更多记录', verified: '核对通过',
  },
  {
    lang: 'en' as const, tag: 'en', ledger: 'Public ledger', totals: 'Totals by source', chart: 'Money raised by source (yuan)',
    receipt: 'Donation receipt', details: 'Entry details', donate: 'Make a donation', submit: 'Record this gift', fix: 'Some answers need fixing', manage: 'Keep the ledger',
    more: 'Show more entries', verified: 'Check passed',
  },
];

describe.each(langs)('ledger pages in $lang', (l) => {
  async function open(path: string, as?: string): Promise<{ page: Page; done: () => Promise<void> }> {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    if (l.lang === 'en') await switchLanguage(page, 'en');
    if (as) await signInAs(page, as, path);
    else await page.goto(path);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.lang);
    return { page, done: () => context.close() };
  }

  it('the public ledger, its filters and paging by keyboard', async () => {
    const { page, done } = await open('/ledger');
    await page.getByRole('heading', { level: 1, name: l.ledger }).waitFor();
    await revealLazyParts(page);
    await page.getByRole('table', { name: l.chart }).waitFor();
    await page.getByRole('status').getByText(l.verified).waitFor();
    await page.locator('#entries article').first().waitFor();
    await expectAccessible(page, 'ledger');
    await expectNoRawKeys(page);
    await expectNoSideScroll(page);
    await screenshot(page, `ledger-${l.tag === 'zh' ? 'a11y-zh' : 'en'}`);

    // The kind filter and "show more" work from the keyboard alone.
    const before = await page.locator('#entries article').count();
    await page.locator('#f-kind').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#f-kind').inputValue()).toBe('project');
    await page.locator('#entries article').first().waitFor();
    await page.locator('#f-kind').selectOption('');
    await expect.poll(() => page.locator('#entries article').count()).toBe(before);
    const more = page.getByRole('button', { name: l.more });
    if (await more.count()) {
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#entries article').count()).toBeGreaterThan(before);
      // Focus moves to the first new entry, not back to the top.
      expect(await page.evaluate(() => document.activeElement?.closest('article') !== null)).toBe(true);
    }
    await done();
  });

  it('an entry with its receipt', async () => {
    const { page, done } = await open(giftPath);
    await qrDrawn(page.getByRole('region', { name: l.receipt }).getByRole('img'));
    await expectAccessible(page, 'entry and receipt');
    await expectNoRawKeys(page);
    await expectNoSideScroll(page);
    // An entry that is not a gift has no receipt, only its details.
    await page.goto(expensePath);
    await ready(page);
    await page.getByRole('heading', { level: 2, name: l.details }).waitFor();
    expect(await page.getByRole('region', { name: l.receipt }).count()).toBe(0);
    await expectAccessible(page, 'expense entry');
    await expectNoRawKeys(page);
    await done();
  });

  it('the donate page for a visitor, and its form with errors', async () => {
    const visitor = await open('/donate');
    await visitor.page.getByRole('heading', { level: 1, name: l.donate }).waitFor();
    await visitor.page.locator('main a.button').waitFor();
    await expectAccessible(visitor.page, 'donate (visitor)');
    await visitor.done();

    const { page, done } = await open('/donate', 'resident7');
    const submit = page.getByRole('button', { name: l.submit });
    await submit.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText(l.fix).waitFor();
    await expectAccessible(page, 'donate form with errors');
    await expectNoRawKeys(page);
    await expectNoSideScroll(page);
    await screenshot(page, `donate-errors-${l.tag}`);
    await done();
  });

  it('the staff screens', async () => {
    const { page, done } = await open('/ledger/manage', 'staff1');
    await page.getByRole('heading', { level: 1, name: l.manage }).waitFor();
    await page.locator('#pledges-title').waitFor();
    await page.locator('main form').first().waitFor();
    await expectAccessible(page, 'staff screens');
    await expectNoRawKeys(page);
    await expectNoSideScroll(page);
    await screenshot(page, `ledger-manage-${l.tag}`);
    await done();
  });

  it('the entry page with the staff tools', async () => {
    const { page, done } = await open(giftPath, 'staff1');
    await page.locator('#entry-tools-title').waitFor();
    await expectAccessible(page, 'entry with staff tools');
    await expectNoRawKeys(page);
    await done();
  });
});

describe('ledger pages in elder mode (Chinese)', () => {
  it('the ledger, a receipt and the donate form stay accessible with large type', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    await page.evaluate(() => localStorage.setItem('gongzhi.elder', '1'));
    for (const [path, what] of [['/ledger', 'ledger'], [giftPath, 'receipt']] as const) {
      await page.goto(path);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
      await revealLazyParts(page);
      await (path === '/ledger' ? page.locator('#entries article').first().waitFor() : qrDrawn(page.getByRole('img', { name: /^二维码/ })));
      await expectAccessible(page, `${what} (elder mode)`);
      await expectNoSideScroll(page);
      await screenshot(page, `ledger-${what}-elder-zh`);
    }
    await signInAs(page, 'resident8', '/donate');
    await page.getByRole('button', { name: '登记这笔捐赠' }).click();
    await page.getByRole('alert').getByText('有几项还没填好').waitFor();
    await expectAccessible(page, 'donate form with errors (elder mode)');
    await expectNoSideScroll(page);
    await context.close();
  });
});
