/**
 * Joining a household in English, through the browser: staff1 prints the letters for building 2 of
 * Chating East Garden (Chinese first, the English beneath, since the page is read in English); a
 * person in no seed (newcomer8) follows a letter's QR code, signs in, joins as a tenant, downloads
 * their data, and finally leaves the platform, public records keeping only a pseudonym. Every page
 * is checked with axe; screenshots go to test/e2e/screenshots/. The last two render what a deployment
 * answers about the sign-in account (Cognito deleted it, or another provider keeps it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeQrPng } from './support/qr.js';
import { screenshotDir, startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage, qrDrawn } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const NEWCOMER = 'newcomer8';
let joinUrl = '';
let printedCode = '';

async function expectAxeClean(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** Signs in someone the dev sign-in page does not list (as Cognito would after a sign-up), reading English. */
async function signInNewPerson(page: Page, userId: string): Promise<void> {
  const res = await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  const session = JSON.stringify({ ...(await res.json() as object), provider: 'dev' });
  await page.evaluate((s) => {
    localStorage.setItem('gongzhi.session', s);
    localStorage.setItem('gongzhi.lang', 'en');
  }, session);
}

describe('joining a household with the letter’s code (English)', () => {
  it('staff1 prints the letters for building 2, in Chinese with the English beneath', async () => {
    const { context, page } = await site.newPage({ width: 1024, height: 900 });
    await signInAs(page, 'staff1', '/staff/codes');
    await ready(page);
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Household codes and letters' }).waitFor();
    await page.getByLabel('Estate').selectOption({ label: 'Chating East Garden' });
    await page.getByLabel('Building').selectOption({ label: 'Building 2' });
    await page.getByLabel(/^Days the codes work/).fill('14');
    await page.getByRole('button', { name: 'Make the codes' }).click();
    const made = page.getByText(/^\d+ letters? made\./);
    await made.waitFor();
    const letters = Number(/^(\d+) letters?/.exec(await made.innerText())![1]);
    await page.getByRole('button', { name: /^Print the letters? \(\d+ pages?\)$/ }).waitFor();

    const letter = page.getByRole('article').first();
    await letter.getByText(/^致 茶亭东苑 2 栋 \d+ 室 住户：$/).waitFor();
    await letter.getByText(/^To the residents of Building 2, room \d+, Chating East Garden:/).waitFor();
    await letter.getByText(/^Works until [A-Z][a-z]+ \d{1,2}, \d{4}$/, { exact: false }).waitFor();
    printedCode = await letter.locator('.code').innerText();
    const qr = letter.getByRole('img', { name: /^QR code/ });
    await qrDrawn(qr);
    joinUrl = decodeQrPng(await qr.screenshot());
    expect(joinUrl).toBe(`${site.url}/join?code=${printedCode.replace(/-/g, '')}`);
    await expectAxeClean(page);
    await screenshot(page, 'join-codes-en');

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'join-letters-print-en');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: resolve(screenshotDir, 'join-letters-en.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(letters);
    await context.close();
  });

  it('a new person follows the QR code, signs in and joins as a tenant', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('gongzhi.lang', 'en'));
    await page.goto(joinUrl);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Join your household' }).waitFor();
    await page.getByText(/^Please sign in first\. You will come back to this page/).waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'join-signed-out-en');

    await page.getByRole('link', { name: 'Sign in first' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    const next = new URL(page.url()).searchParams.get('next')!;
    expect(next).toBe(new URL(joinUrl).pathname + new URL(joinUrl).search);
    await signInNewPerson(page, NEWCOMER);
    await page.goto(next);
    await ready(page);
    const way = page.getByRole('region', { name: 'Way 1: with the code from your letter' });
    await expect.poll(() => way.getByLabel(/^Code from the letter/).inputValue()).toBe(printedCode.replace(/-/g, ''));
    // Owners must give the name on the property certificate: the server's refusal lands on the name.
    await page.getByRole('region', { name: 'How your personal information is used' })
      .getByRole('checkbox', { name: /^I have read the above/ }).check();
    await way.getByRole('radio', { name: /^Owner/ }).check();
    await way.getByLabel(/^Your name/).fill('Alex Chen');
    await way.getByRole('button', { name: 'Join this household' }).click();
    await way.getByText(/^That name is not among the owners on record/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('join-name');
    await screenshot(page, 'join-not-an-owner-en');

    await way.getByRole('radio', { name: /^Tenant/ }).check();
    await way.getByRole('button', { name: 'Join this household' }).click();
    await page.getByText(/^You have joined Building 2, room \d+, Chating East Garden\./).waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'join-joined-en');
    await context.close();
  });

  it('the newcomer downloads their data, then leaves the platform', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await signInNewPerson(page, NEWCOMER);
    await page.goto('/me/data');
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByRole('region', { name: 'My households' }).getByText(/^Building 2, room \d+, Chating East Garden · Tenant$/).waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'my-data-en');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data (JSON file)' }).click(),
    ]);
    const saved = resolve(screenshotDir, 'my-data-en.json');
    await download.saveAs(saved);
    const data = JSON.parse(readFileSync(saved, 'utf8')) as { userId: string; community: unknown[] };
    expect(data.userId).toBe(NEWCOMER);
    expect(JSON.stringify(data.community)).toContain('Alex Chen');

    const leave = page.getByRole('region', { name: 'Leave Gongzhi' });
    await leave.getByText(/show a pseudonym instead of your name/).waitFor();
    // Not without "I understand", and not without a last confirmation.
    await leave.getByRole('button', { name: 'Leave the platform…' }).click();
    await leave.getByText('Please tick “I understand” first.').waitFor();
    await leave.getByRole('checkbox', { name: 'I understand that leaving cannot be undone' }).check();
    await leave.getByRole('button', { name: 'Leave the platform…' }).click();
    await leave.getByText('Last check: do you really want to leave Gongzhi?').waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'my-data-leave-en');
    await leave.getByRole('button', { name: 'Yes, leave Gongzhi' }).click();
    const done = page.getByText(/^You have left Gongzhi and are signed out\. Public records now show the pseudonym “(.+)”/);
    await done.waitFor();
    expect(await done.innerText()).not.toContain('Alex Chen');
    await page.locator('header').getByRole('link', { name: /Sign in/ }).waitFor();
    await context.close();
  });

  // Locally there is no sign-in account to delete (`none`). What a deployment answers, the real
  // leave's answer with `signInAccount` as Cognito (`deleted`) or another provider (`kept-by-provider`) gives it.
  for (const [who, lang, account, sentence] of [
    ['resident13', 'en', 'deleted', 'The sign-in account with your phone number or email address has been deleted too.'],
    ['resident14', 'zh-CN', 'kept-by-provider', '您的登录账号由您登录时用的身份服务保管，不在共治平台。如要注销它，请到那个服务里注销。'],
  ] as const) {
    it(`says what became of the sign-in account when it was ${account} (${lang})`, async () => {
      const { context, page } = await site.newPage();
      await page.route('**/api/me', async (route) => {
        if (route.request().method() !== 'DELETE') return route.fallback();
        const res = await route.fetch();
        const body = await res.json() as { signInAccount: string };
        expect(body.signInAccount).toBe('none');
        await route.fulfill({ response: res, json: { ...body, signInAccount: account } });
      });
      await signInAs(page, who, '/me/data');
      if (lang === 'en') await switchLanguage(page, 'en');
      await page.getByRole('checkbox', { name: /我明白|I understand/ }).check();
      await page.getByRole('button', { name: /离开平台…|Leave the platform…/ }).click();
      await page.getByRole('button', { name: /是的，离开平台|Yes, leave Gongzhi/ }).click();
      await page.getByRole('status').getByText(sentence).waitFor();
      await expectAxeClean(page);
      await screenshot(page, `my-data-left-${account}-${lang}`);
      await context.close();
    });
  }
});
