/**
 * Joining a household in Chinese, through the browser: staff1 makes the join letters for building 1
 * of 茶亭东苑 and prints them (one A4 page per household); a person who is in no seed (newcomer7)
 * scans a letter's QR code (read back from its pixels), is asked to sign in first and comes back
 * with the code filled in, reads the personal-information notice, joins as a family member, and
 * downloads what the platform keeps about them. A second newcomer asks staff to confirm them
 * instead. Every page is checked with axe; screenshots go to test/e2e/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeQrPng } from './support/qr.js';
import { screenshotDir, startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, qrDrawn } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const NEWCOMER = 'newcomer7';
let joinUrl = '';
let printedCode = '';
let letters = 0;
/** The estate's codes before the letters are made (the demo's residents joined with letters too). */
let before = { total: 0, issued: 0, redeemed: 0, revoked: 0, expired: 0 };
const summary = (c: typeof before) => `共 ${c.total} 个：未使用 ${c.issued}，已使用 ${c.redeemed}，已作废 ${c.revoked}，已过期 ${c.expired}`;

async function countsIn(page: Page): Promise<typeof before> {
  const list = page.getByRole('region', { name: /加入码使用情况/ });
  await list.getByText(/^共 \d+ 个|还没有生成过加入码/).first().waitFor();
  const m = /共 (\d+) 个：未使用 (\d+)，已使用 (\d+)，已作废 (\d+)，已过期 (\d+)/.exec(await list.innerText());
  return m ? { total: Number(m[1]), issued: Number(m[2]), redeemed: Number(m[3]), revoked: Number(m[4]), expired: Number(m[5]) } : before;
}

async function expectAxeClean(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** Signs in someone the dev sign-in page does not list, as Cognito would after a sign-up. */
async function signInNewPerson(page: Page, userId: string): Promise<void> {
  const res = await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  const session = JSON.stringify({ ...(await res.json() as object), provider: 'dev' });
  await page.evaluate((s) => localStorage.setItem('gongzhi.session', s), session);
}

describe('joining a household with the letter’s code (Chinese)', () => {
  it('staff1 makes and prints the letters for building 1', async () => {
    const { context, page } = await site.newPage({ width: 1024, height: 900 });
    await signInAs(page, 'staff1', '/staff/codes');
    await ready(page);
    await page.getByRole('heading', { level: 1, name: '住户加入码和信件' }).waitFor();
    await page.getByLabel('小区').selectOption({ label: '茶亭东苑' });
    before = await countsIn(page);
    await page.getByLabel('楼栋').selectOption({ label: '1 栋' });
    await page.getByRole('button', { name: '生成加入码' }).click();
    const made = page.getByText(/^已生成 \d+ 封信/);
    await made.waitFor();
    letters = Number(/已生成 (\d+) 封信/.exec(await made.innerText())![1]);
    expect(letters).toBeGreaterThan(0);

    const letter = page.getByRole('article').first();
    await letter.getByText('茶亭社区 · 茶亭东苑').waitFor();
    await letter.getByText(/^致 茶亭东苑 1 栋 \d+ 室 住户：$/).waitFor();
    printedCode = await letter.locator('.code').innerText();
    expect(printedCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await letter.getByText(/^有效期至 \d{4}年\d{1,2}月\d{1,2}日$/).waitFor();
    const qr = letter.getByRole('img', { name: /^二维码/ });
    await qrDrawn(qr);
    joinUrl = decodeQrPng(await qr.screenshot());
    expect(joinUrl).toBe(`${site.url}/join?code=${printedCode.replace(/-/g, '')}`);
    await expectAxeClean(page);
    await screenshot(page, 'join-codes-zh');

    // On paper: only the letters, one A4 page per household.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'join-letters-print-zh');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: resolve(screenshotDir, 'join-letters-zh.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(letters);
    await page.emulateMedia({ media: 'screen' });

    // The list shows every code's state, never the code.
    const list = page.getByRole('region', { name: /加入码使用情况/ });
    await list.getByText(summary({ ...before, total: before.total + letters, issued: before.issued + letters })).waitFor();
    expect(await list.innerText()).not.toContain(printedCode);
    await context.close();
  });

  it('a new person opens the QR code’s address, signs in first and joins as family', async () => {
    const { context, page } = await site.newPage();
    await page.goto(joinUrl);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: '加入您的家庭户' }).waitFor();
    await page.getByText('请先登录。登录后会回到这一页').waitFor();
    const signIn = page.getByRole('link', { name: '先去登录' });
    expect(await signIn.getAttribute('href')).toBe(`/signin?next=${encodeURIComponent(new URL(joinUrl).pathname + new URL(joinUrl).search)}`);
    await expectAxeClean(page);
    await screenshot(page, 'join-signed-out-zh');

    // Signing up is Cognito's; locally the dev sign-in signs any id. Then back to where the link said.
    await signIn.click();
    await page.waitForURL((u) => u.pathname === '/signin');
    const next = new URL(page.url()).searchParams.get('next')!;
    await signInNewPerson(page, NEWCOMER);
    await page.goto(next);
    await ready(page);
    const code = page.getByLabel(/^加入码/);
    await expect.poll(() => code.inputValue()).toBe(printedCode.replace(/-/g, ''));
    const notice = page.getByRole('region', { name: '您的个人信息怎么用' });
    await notice.getByText(/^出生年份是敏感个人信息/).waitFor();
    await notice.getByText('告知书版本：2026-12').waitFor();
    await expectAxeClean(page);

    const way = page.getByRole('region', { name: '方法一：用信上的加入码' });
    // Not agreeing first: the notice says so and takes the focus.
    await way.getByRole('radio', { name: /^家人/ }).check();
    await way.getByLabel(/^您的名字/).fill('新邻居小陈');
    await way.getByRole('button', { name: '加入这一户' }).click();
    await notice.getByText('要加入，请先勾选同意上面的说明。').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await notice.getByRole('checkbox', { name: /^我读过上面的说明/ }).check();
    await way.getByRole('button', { name: '加入这一户' }).click();
    // Joined: said at the top, with where to go next; the ways in fold away.
    await page.getByText(/^已加入：茶亭东苑 1 栋 \d+ 室。现在您可以支持提议、预约活动了。$/).waitFor();
    await page.getByRole('link', { name: '看看平台保存了我的哪些信息' }).waitFor();
    expect(await way.isVisible()).toBe(false);
    await expectAxeClean(page);
    await screenshot(page, 'join-joined-zh');
    await context.close();
  });

  it('the same code does not work twice', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await signInNewPerson(page, 'newcomer17');
    await page.goto(joinUrl);
    await ready(page);
    const notice = page.getByRole('region', { name: '您的个人信息怎么用' });
    await notice.getByRole('checkbox', { name: /^我读过上面的说明/ }).check();
    const way = page.getByRole('region', { name: '方法一：用信上的加入码' });
    await way.getByRole('radio', { name: /^租户/ }).check();
    await way.getByLabel(/^您的名字/).fill('后来的人');
    await way.getByRole('button', { name: '加入这一户' }).click();
    await way.getByText(/^这个加入码已经用过了/).waitFor();
    await context.close();
  });

  it('the newcomer sees and downloads what the platform keeps about them', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await signInNewPerson(page, NEWCOMER);
    await page.goto('/me/data');
    await ready(page);
    await page.getByRole('heading', { level: 1, name: '我的信息' }).waitFor();
    const homes = page.getByRole('region', { name: '我所在的住户' });
    await homes.getByText(/^茶亭东苑 1 栋 \d+ 室 · 家人$/).waitFor();
    await page.getByText('住户和身份').click();
    await expectAxeClean(page);
    await screenshot(page, 'my-data-zh');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载我的信息（JSON 文件）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^gongzhi-my-data-${NEWCOMER}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const saved = resolve(screenshotDir, 'my-data-zh.json');
    await download.saveAs(saved);
    const data = JSON.parse(readFileSync(saved, 'utf8')) as { userId: string; community: unknown[] };
    expect(data.userId).toBe(NEWCOMER);
    expect(JSON.stringify(data.community)).toContain('新邻居小陈');
    await context.close();
  });

  it('someone without a letter asks staff to confirm them', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await signInNewPerson(page, 'newcomer9');
    await page.goto('/join');
    await ready(page);
    await page.getByRole('region', { name: '您的个人信息怎么用' }).getByRole('checkbox', { name: /^我读过上面的说明/ }).check();
    const way = page.getByRole('region', { name: '方法二：没收到信？请工作人员帮您确认' });
    await way.getByLabel('小区').selectOption({ label: '茶亭东苑' });
    await way.getByLabel('楼栋').selectOption({ label: '2 栋' });
    await way.getByLabel(/^房号/).fill('999');
    await way.getByRole('radio', { name: /^租户/ }).check();
    await way.getByLabel(/^您的名字/).fill('租客小王');
    await way.getByLabel(/^给工作人员的话/).fill('租房合同在手机上，可以给您看。');
    await way.getByRole('button', { name: '提交申请' }).click();
    // No such flat: the room field says so.
    await way.getByText('小区登记里没有这个房号，请检查楼栋和房号。').waitFor();
    await way.getByLabel(/^房号/).fill('101');
    await way.getByRole('button', { name: '提交申请' }).click();
    await way.getByText('申请已提交。工作人员确认后，下面会显示结果。').waitFor();
    const mine = page.getByRole('region', { name: '我的申请' });
    await mine.getByText('2 栋 101 室 · 租户').waitFor();
    await mine.getByText('等待工作人员确认').waitFor();
    await expectAxeClean(page);
    await screenshot(page, 'join-requested-zh');
    await context.close();
  });

  it('staff see the code used, and withdraw another one', async () => {
    const { context, page } = await site.newPage({ width: 1024, height: 900 });
    await signInAs(page, 'staff1', '/staff/codes');
    await ready(page);
    await page.getByLabel('小区').selectOption({ label: '茶亭东苑' });
    const list = page.getByRole('region', { name: /加入码使用情况/ });
    const made = { total: before.total + letters, issued: before.issued + letters };
    await list.getByText(summary({ ...before, ...made, issued: made.issued - 1, redeemed: before.redeemed + 1 })).waitFor();
    const withdraw = list.getByRole('button', { name: /^作废 .* 的加入码$/ }).first();
    const label = (await withdraw.getAttribute('aria-label'))!;
    await withdraw.click();
    await list.getByText(`已作废 ${/^作废 (.*) 的加入码$/.exec(label)![1]} 的加入码。`).waitFor();
    await list.getByText(summary({ ...before, ...made, issued: made.issued - 2, redeemed: before.redeemed + 1, revoked: before.revoked + 1 })).waitFor();
    await expectAxeClean(page);
    await context.close();
  });
});
