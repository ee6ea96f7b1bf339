/**
 * The donations ledger in Chinese, through the browser: staff open a project; donor1 gives ¥1,000
 * anonymously (the first answer is lost on the way back, the retry carries the same Idempotency-Key
 * and one gift is recorded); resident5 gives 20 books; staff confirm both and record government
 * money and volunteer hours; the committee records an expense and books put to use. The public
 * ledger then shows the right totals without donor1's name, and the receipt's QR code, read back from
 * its pixels, opens that entry. Screenshots of /ledger and the receipt go to test/e2e/screenshots/.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DevUsers } from '../../functions/contracts/me.js';
import { LedgerPage, LedgerSummary, ProjectList, type Funding } from '../../functions/contracts/ledger.js';
import { decodeQrPng } from './support/qr.js';
import { screenshotDir, startSite, type Site } from './support/site.js';
import { ready, screenshot, signInAs, revealLazyParts, qrDrawn } from './support/steps.js';

let site: Site;
let before: Funding;
let donorName = '';
let residentName = '';
beforeAll(async () => {
  site = await startSite();
  before = LedgerSummary.parse(await (await fetch(`${site.url}/api/ledger/summary?community=chating`)).json()).totals;
  const users = DevUsers.parse(await (await fetch(`${site.url}/api/dev/users`)).json()).items;
  donorName = users.find((u) => u.id === 'donor1')!.displayName;
  residentName = users.find((u) => u.id === 'resident5')!.displayName;
});
afterAll(async () => { await site?.close(); });

const TITLE = '文化公园图书角';
/** Money as the page must show it: 123450 fen → ¥1,234.50. */
const yuan = (fen: number) => `¥${new Intl.NumberFormat('zh-CN').format(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`;
let projectId = '';
let giftId = '';
let giftPosition = 0;
let booksPosition = 0;

const entries = async (query: string) => LedgerPage.parse(await (await fetch(`${site.url}/api/ledger?community=chating&${query}`)).json()).items;
/** Picks the test project in a form's project list. */
const chooseProject = async (within: ReturnType<Page['getByRole']>) => {
  await within.getByLabel('项目', { exact: true }).selectOption({ label: TITLE });
};

describe('a donation ledger anyone can check (Chinese)', () => {
  it('staff open a project with a budget', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/ledger/manage');
    const form = page.getByRole('region', { name: '新建项目' });
    await form.getByLabel('项目名称').fill(TITLE);
    await form.getByLabel('预算（元）').fill('5000');
    await form.getByLabel('项目说明').fill('在文化公园设一个儿童图书角：书架、图书和志愿者管理。');
    await form.getByRole('button', { name: '新建项目' }).click();
    await form.getByText(`项目“${TITLE}”已建立`).waitFor();
    const projects = ProjectList.parse(await (await fetch(`${site.url}/api/projects?community=chating`)).json()).items;
    projectId = projects.find((p) => p.title === TITLE)!.id;
    expect(projectId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    await context.close();
  });

  it('donor1 gives ¥1,000 anonymously; a lost answer is retried with the same key and counted once', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'donor1', '/donate');
    const submit = page.getByRole('button', { name: '登记这笔捐赠' });

    // An empty form says what is missing, next to the field, and in an alert.
    await submit.click();
    await page.getByRole('alert').getByText('有几项还没填好').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('d-amount');
    expect(await page.getByLabel('金额（元）').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('请选择一种方式').waitFor();

    await page.getByLabel('金额（元）').fill('1000');
    await page.getByRole('radio', { name: '微信支付' }).check();
    await page.getByLabel('交易单号').fill('WX4200001234');
    await page.getByLabel('捐给哪个项目').selectOption({ label: TITLE });
    await page.getByRole('radio', { name: '匿名' }).check();

    // The first answer never comes back (the gift reached the server); the second try is a replay.
    const keys: string[] = [];
    const statuses: number[] = [];
    await page.route('**/api/donations', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch();
      statuses.push(response.status());
      if (keys.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await submit.click();
    await page.getByRole('alert').getByText('没有连上服务器').waitFor();
    await submit.click();
    const done = page.getByText(/谢谢！你的捐赠已经登记（账本第 (\d+) 条）/);
    await done.waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(statuses).toEqual([201, 201]);
    const gifts = await entries(`projectId=${projectId}&kind=money_gift`);
    expect(gifts).toHaveLength(1);
    giftId = gifts[0]!.id;
    giftPosition = gifts[0]!.position;
    expect(await done.textContent()).toContain(`账本第 ${giftPosition} 条`);

    // The donor finds it among their own gifts (once, although it was sent twice).
    const mine = page.getByRole('region', { name: '我登记过的捐赠' });
    await expect.poll(() => mine.getByRole('link', { name: `第 ${giftPosition} 条 · ${yuan(100000)}` }).count()).toBe(1);

    // The donor's own receipt names them and says the public sees 匿名.
    await page.getByRole('link', { name: '查看和打印收据' }).click();
    await page.waitForURL((u) => u.pathname === `/ledger/entries/${giftId}` && u.searchParams.get('community') === 'chating');
    const receipt = page.getByRole('region', { name: '捐赠收据' });
    await receipt.getByText(`${donorName}（公开显示为匿名）`).waitFor();
    // The QR code's address names the community, so it opens on a device that last showed another one.
    const printed = (await receipt.locator('.url').textContent())!.trim();
    expect(new URL(printed).search).toBe('?community=chating');
    await context.close();
    const elsewhere = await site.newPage();
    await elsewhere.context.addInitScript(() => localStorage.setItem('gongzhi.community', 'mochou'));
    await elsewhere.page.goto(printed);
    await elsewhere.page.getByRole('heading', { level: 1, name: new RegExp(`第 ${giftPosition} 条记录`) }).waitFor();
    await elsewhere.context.close();
  });

  it('resident5 gives 20 books, shown with their name', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident5', '/donate');
    await page.getByRole('radio', { name: '捐物资' }).check();
    await page.getByLabel('物资名称').fill('儿童图书');
    await page.getByLabel('数量').fill('20');
    await page.getByLabel('单位').fill('本');
    await page.getByLabel('大约值多少钱（元）').fill('600');
    await page.getByLabel('捐给哪个项目').selectOption({ label: TITLE });
    await page.getByLabel('想说的话').fill('给孩子们看');
    await page.getByRole('button', { name: '登记这笔捐赠' }).click();
    await page.getByText(/谢谢！你的捐赠已经登记/).waitFor();
    const books = await entries(`projectId=${projectId}&kind=in_kind_gift`);
    expect(books).toHaveLength(1);
    booksPosition = books[0]!.position;
    await context.close();
  });

  it('staff confirm both gifts, and record government money and volunteer hours', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/ledger/manage');
    const pledges = page.getByRole('region', { name: '待确认的捐赠' });
    for (const position of [giftPosition, booksPosition]) {
      await pledges.getByRole('button', { name: `确认收到：账本第 ${position} 条` }).click();
      await pledges.getByText(`已确认收到账本第 ${position} 条。`).waitFor();
    }
    // Both left the list of gifts awaiting confirmation (the demo's own pledges stay).
    for (const position of [giftPosition, booksPosition]) {
      await expect.poll(() => pledges.getByRole('button', { name: `确认收到：账本第 ${position} 条` }).count()).toBe(0);
    }

    const allocation = page.getByRole('region', { name: '登记政府拨款' });
    await chooseProject(allocation);
    await allocation.getByLabel('金额（元）').fill('2000');
    await allocation.getByLabel('拨款单位').fill('莫愁湖街道办事处');
    await allocation.getByLabel('拨款文件编号').fill('莫街〔2026〕12号');
    await allocation.getByRole('button', { name: '登记拨款' }).click();
    await allocation.getByText('已登记拨款 ¥2,000.00').waitFor();

    const hours = page.getByRole('region', { name: '登记志愿服务时间' });
    await chooseProject(hours);
    await hours.getByLabel('一共多少小时').fill('6');
    await hours.getByLabel('几位志愿者').fill('3');
    await hours.getByLabel('做了什么').fill('整理图书、搭书架');
    await hours.getByRole('button', { name: '登记服务时间' }).click();
    await hours.getByText('已登记志愿服务 6 小时').waitFor();
    await context.close();
  });

  it('the committee records an expense and books put on the shelves', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'committee1', '/ledger/manage');
    const expense = page.getByRole('region', { name: '登记支出' });
    await chooseProject(expense);
    await expense.getByLabel('金额（元）').fill('300');
    await expense.getByLabel('收款方').fill('南京木艺家具厂');
    await expense.getByLabel('用途').fill('购买书架 2 个');
    await expense.getByRole('button', { name: '登记支出' }).click();
    await expense.getByText('请填写发票或收据编号').waitFor();
    // Focus goes to the field that needs fixing, so a screen reader reads its error.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('x-receipt');
    await expense.getByLabel('发票或收据编号').fill('No. 3200261129');
    await expense.getByRole('button', { name: '登记支出' }).click();
    await expense.getByText('已登记支出 ¥300.00').waitFor();

    const use = page.getByRole('region', { name: '登记物资使用' });
    await chooseProject(use);
    await use.getByLabel('哪种物资').selectOption({ label: '儿童图书（还剩 20 本）' });
    await use.getByLabel('数量').fill('5');
    await use.getByLabel('用在哪里').fill('放进图书角书架');
    await use.getByRole('button', { name: '登记使用' }).click();
    await use.getByText('已登记使用 儿童图书 5 本').waitFor();
    await context.close();
  });

  it('the public ledger shows the right totals, and never the anonymous name', async () => {
    const { context, page } = await site.newPage({ width: 1024, height: 900 });
    await page.goto('/ledger');
    await ready(page);
    await revealLazyParts(page);
    const project = page.getByRole('article', { name: TITLE });
    await project.getByText(`已筹集 ${yuan(360000)}，预算 ${yuan(500000)}，达到 72%`).waitFor();
    const card = async (scope: typeof project, label: string) =>
      (await scope.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').first().textContent())?.trim();
    expect(await card(project, '政府拨款')).toBe(yuan(200000));
    expect(await card(project, '社会捐款')).toBe(yuan(100000));
    expect(await card(project, '实物捐赠（估值）')).toBe(yuan(60000));
    expect(await card(project, '志愿服务时间')).toBe('6 小时');
    expect(await card(project, '已支出')).toBe(yuan(30000));
    expect(await card(project, '资金结余')).toBe(yuan(270000));
    await project.getByText('儿童图书：收到 20本，已用 5本，还剩 15本').waitFor();

    // The community's totals: what was there before plus exactly what this journey added.
    const totals = page.getByRole('region', { name: '资金来源合计' });
    expect(await card(totals, '政府拨款')).toBe(yuan(before.governmentFen + 200000));
    expect(await card(totals, '社会捐款')).toBe(yuan(before.donationsFen + 100000));
    expect(await card(totals, '实物捐赠（估值）')).toBe(yuan(before.inKindFen + 60000));
    expect(await card(totals, '已支出')).toBe(yuan(before.spentFen + 30000));
    expect(await card(totals, '资金结余')).toBe(yuan(before.balanceFen + 270000));
    // The chart's table says the same in words.
    const table = totals.getByRole('table', { name: '各来源筹集的资金（元）' });
    await table.getByRole('row', { name: new RegExp(`社会捐款 ${yuan(before.donationsFen + 100000).replace(/[.$]/g, '\\$&')}`) }).waitFor();

    // The project's entries: the anonymous gift says 匿名, the books name resident5.
    await page.getByLabel('项目', { exact: true }).selectOption({ label: TITLE });
    const list = page.locator('#entries');
    const gift = list.getByRole('article').filter({ has: page.getByRole('link', { name: `第 ${giftPosition} 条 · 捐款` }) });
    await gift.getByText('来自：匿名').waitFor();
    await gift.getByText('已确认收到').waitFor();
    await list.getByRole('article').filter({ hasText: `第 ${booksPosition} 条` }).getByText(`来自：${residentName}`).waitFor();
    await page.getByRole('status').getByText('核对通过').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(donorName);
    await screenshot(page, 'ledger-zh');

    // Open data: the links download the ledger through the length the page shows (a file the edge may keep).
    const { length } = LedgerSummary.parse(await (await fetch(`${site.url}/api/ledger/summary?community=chating`)).json());
    const csvHref = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(csvHref).toBe(`/api/ledger/export.csv?community=chating&through=${length}`);
    const csv = await fetch(`${site.url}${csvHref}`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(length + 1);

    // Pledges and confirmed apart: no pledge of this project is left.
    await page.getByLabel('状态', { exact: true }).selectOption({ label: '已承诺，待确认' });
    await page.getByText('没有符合条件的记录。').waitFor();
    await context.close();
  });

  it('staff record a bookshop\'s gift from the counter; a mistake is corrected by a reversal, never an edit', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/ledger/manage');
    const gift = page.getByRole('region', { name: '代捐赠人登记捐赠' });
    await gift.getByLabel('捐赠人姓名或单位名称').fill('茶亭书店');
    await gift.getByRole('radio', { name: '单位' }).check();
    await gift.getByLabel('凭据').fill('收据本第 12 号，店长签字');
    await gift.getByLabel('金额（元）').fill('500');
    await gift.getByRole('radio', { name: '现金' }).check();
    await gift.getByLabel('捐给哪个项目').selectOption({ label: TITLE });
    await gift.getByRole('button', { name: '登记这笔捐赠' }).click();
    await gift.getByText(/已为“茶亭书店”登记这笔捐赠/).waitFor();
    const [shop] = await entries(`projectId=${projectId}&kind=money_gift&status=pledged`);
    expect(shop?.kind === 'money_gift' && shop.donor.name).toBe('茶亭书店');
    const pledges = page.getByRole('region', { name: '待确认的捐赠' });
    await pledges.getByRole('button', { name: `确认收到：账本第 ${shop!.position} 条` }).click();
    await pledges.getByText(`已确认收到账本第 ${shop!.position} 条。`).waitFor();

    // Wrong amount: staff reverse it on its page, with the reason; the entry stays, marked reversed.
    await page.goto(`/ledger/entries/${shop!.id}`);
    await ready(page);
    const tools = page.getByRole('region', { name: '工作人员与委员会操作' });
    await tools.getByRole('button', { name: '冲销这条记录' }).click();
    await tools.getByText('请写明更正原因（至少 3 个字）').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reverse-reason');
    await tools.getByLabel('更正原因').fill('金额记错，应为 50 元，另行登记');
    await tools.getByRole('button', { name: '冲销这条记录' }).click();
    await tools.getByText(/已冲销，更正记录是账本第 \d+ 条。/).waitFor();
    await page.locator('dd', { hasText: /^已冲销$/ }).waitFor();
    await context.close();

    // The public project card counts only the gifts that stand.
    const visitor = await site.newPage({ width: 1024, height: 900 });
    await visitor.page.goto('/ledger');
    await ready(visitor.page);
    await revealLazyParts(visitor.page);
    const project = visitor.page.getByRole('article', { name: TITLE });
    await project.getByText(`已筹集 ${yuan(360000)}`).waitFor();
    await visitor.context.close();
  });

  it('the receipt prints on one A4 page and its QR code opens the entry', async () => {
    const { context, page } = await site.newPage();
    await page.goto(`/ledger/entries/${giftId}`);
    await ready(page);
    const receipt = page.getByRole('region', { name: '捐赠收据' });
    await receipt.getByText(yuan(100000)).waitFor();
    await receipt.locator('dd', { hasText: /^匿名$/ }).waitFor();
    await receipt.getByText('工作人员已确认收到').waitFor();
    await receipt.getByRole('heading', { name: '捐赠收据' }).waitFor();
    const qr = receipt.getByRole('img', { name: /^二维码/ });
    await qrDrawn(qr);

    // Read the code from its pixels, as a phone would.
    const url = decodeQrPng(await qr.screenshot());
    expect(url).toBe(`${site.url}/ledger/entries/${giftId}?community=chating`);
    expect(await page.locator('body').innerText()).not.toContain(donorName);
    await screenshot(page, 'ledger-receipt-zh');

    // On paper (A4: 794 CSS px wide): only the receipt, on one page; the PDF is kept to look at.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'ledger-receipt-print-zh');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: resolve(screenshotDir, 'ledger-receipt-zh.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // Following the code shows the entry.
    await page.goto(url);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: `第 ${giftPosition} 条记录：捐款` }).waitFor();
    await context.close();
  });
});
