/**
 * Who sees and may do what on a proposal, in Chinese: residents never download the committee's
 * tools; staff enter a proposal from a paper form; the author withdraws; the committee takes a
 * proposal up early and rejects it with a reason (but not one of its own); a reported proposal is
 * hidden from the committee desk and restored from its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { Api } from '../support/platform.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';

let site: Site;
let api: Api;
let names: Map<string, string>;
beforeAll(async () => {
  site = await startSite();
  api = new Api(site.url);
  const users = (await api.call<{ items: { id: string; displayName: string }[] }>('GET', '/api/dev/users')).body.items;
  names = new Map(users.map((u) => [u.id, u.displayName]));
});
afterAll(async () => { await site?.close(); });

const name = (id: string) => names.get(id) ?? id;
const tools = (page: Page) => page.getByRole('region', { name: '委员会与工作人员操作' });
const stepNow = (page: Page, status: string) => page.getByText(`现在：${status}`, { exact: true }).waitFor();
/** A proposal's parts below a phone's first screen load as the reader scrolls near them: read to the end. */
async function readWhole(page: Page): Promise<void> {
  await page.locator('#proposal h1').waitFor();
  await scrollToEveryPart(page);
}

async function propose(userId: string, title: string): Promise<string> {
  const r = await api.call<{ id: string }>('POST', '/api/proposals', {
    token: await api.signIn(userId),
    body: { title, description: '单元门口的台阶太高，老人和推婴儿车的邻居都不方便。', category: 'accessibility' },
  });
  expect(r.status).toBe(201);
  return `/proposals/${r.body.id}`;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Every script the page downloads, as text (call the result once the page has settled). */
function scriptsOf(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on('response', (r: Response) => {
    if (r.url().endsWith('.js')) bodies.push(r.text().catch(() => ''));
  });
  return () => Promise.all(bodies);
}

describe('roles on the proposal page', () => {
  let path = '';

  it('sends the committee tools and English messages only to those who use them', async () => {
    path = await propose('resident11', '2 栋单元门口加一段缓坡');
    const resident = await site.newPage();
    const seen = scriptsOf(resident.page);
    await signInAs(resident.page, 'resident12', path);
    await readWhole(resident.page);
    await resident.page.getByRole('heading', { level: 2, name: /评论/ }).waitFor();
    await resident.page.waitForLoadState('networkidle');
    const scripts = await seen();
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => s.includes('委员会与工作人员操作')), 'staff tools in a resident\u2019s download').toEqual([]);
    expect(scripts.filter((s) => s.includes('Neighbours deciding together')), 'English messages for a Chinese reader').toEqual([]);
    expect(await tools(resident.page).count()).toBe(0);
    await resident.context.close();

    const committee = await site.newPage();
    const theirs = scriptsOf(committee.page);
    await signInAs(committee.page, 'committee1', path);
    await tools(committee.page).waitFor();
    expect((await theirs()).some((s) => s.includes('委员会与工作人员操作'))).toBe(true);
    await committee.context.close();
  });

  it('lets the author withdraw while it is open, and nobody else', async () => {
    const other = await site.newPage();
    await signInAs(other.page, 'resident12', path);
    await readWhole(other.page);
    await other.page.getByRole('heading', { level: 2, name: /评论/ }).waitFor();
    expect(await other.page.getByRole('region', { name: '撤回提议' }).count()).toBe(0);
    await other.context.close();

    const { context, page } = await site.newPage();
    await signInAs(page, 'resident11', path);
    const box = page.getByRole('region', { name: '撤回提议' });
    await box.getByRole('button', { name: '撤回这个提议…' }).click();
    await box.getByLabel('撤回原因').fill('物业说这段台阶明年统一改造。');
    await box.getByRole('button', { name: '确认撤回' }).click();
    await stepNow(page, '已撤回');
    expect(await page.getByText('不再进行').count()).toBe(4);
    await readWhole(page);
    await page.getByRole('region', { name: '公开记录' }).getByText('撤回了提议').waitFor();
    expect(await box.count()).toBe(0);
    await expectAccessible(page, 'withdrawn proposal');
    await context.close();
  });

  it('staff enter a proposal for a resident from a paper form; residents have no such section', async () => {
    const resident = await site.newPage();
    await signInAs(resident.page, 'resident12', '/proposals/new');
    await resident.page.getByRole('heading', { level: 1, name: '提出一个提议' }).waitFor();
    await resident.page.waitForLoadState('networkidle');
    expect(await resident.page.getByRole('group', { name: '代居民录入' }).count()).toBe(0);
    await resident.context.close();

    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/proposals/new');
    const section = page.getByRole('group', { name: '代居民录入' });
    await section.waitFor();
    // staff1 has no flat of their own, so the form starts as an entry for a resident.
    expect(await section.getByRole('checkbox').isChecked()).toBe(true);
    await page.getByLabel('标题').fill('3 栋楼道装声控灯');
    await page.getByLabel('详细说明').fill('楼道晚上一片漆黑，王奶奶上周在二楼摔了一跤。');
    await page.getByRole('radio', { name: '照明' }).check();
    await section.getByLabel('居民的用户编号').fill('resident40');
    await page.getByRole('button', { name: '提交提议' }).click();
    await page.getByRole('alert').filter({ hasText: '处需要修改' }).waitFor();
    expect(await section.getByLabel('凭据').getAttribute('aria-invalid')).toBe('true');
    await section.getByLabel('凭据').fill('纸质表格第 7 号，本人按手印');
    await page.getByRole('button', { name: '提交提议' }).click();
    await page.waitForURL(/\/proposals\/[0-9A-HJKMNP-TV-Z]{26}$/);
    await readWhole(page);
    await page.getByText(`提议人：${name('resident40')}`).waitFor();
    await page.getByText(`由 ${name('staff1')} 根据纸质表格代为录入`).waitFor();
    const created = page.getByRole('region', { name: '公开记录' }).getByRole('listitem').filter({ hasText: '提出了这个提议' });
    await created.getByText(`由工作人员代为录入：${name('resident40')}`).waitFor();
    await created.getByText('凭据：纸质表格第 7 号，本人按手印').waitFor();
    await context.close();
  });

  it('the committee takes a proposal up early and rejects it with a reason, never its own', async () => {
    const own = await propose('committee1', '1 栋门口加装扶手');
    const { context, page } = await site.newPage();
    await signInAs(page, 'committee1', own);
    await tools(page).getByRole('button', { name: '开始审议' }).click();
    await stepNow(page, '审议中');
    await tools(page).getByText('这是你自己提出的提议').waitFor();
    expect(await tools(page).getByRole('button', { name: '发布答复' }).count()).toBe(0);
    await context.close();

    const staff = await site.newPage();
    await signInAs(staff.page, 'staff1', own);
    const panel = tools(staff.page);
    await panel.getByRole('radio', { name: '不采纳' }).check();
    await panel.getByLabel('不采纳的理由').fill('太贵');
    await panel.getByRole('button', { name: '发布答复' }).click();
    await panel.getByText('太短了：至少要写 5 个字。').waitFor();
    expect(await panel.getByLabel('不采纳的理由').getAttribute('aria-invalid')).toBe('true');
    await panel.getByLabel('不采纳的理由').fill('1 栋明年整体改造，扶手会一并安装，现在装会被拆掉。');
    await panel.getByRole('button', { name: '发布答复' }).click();
    await stepNow(staff.page, '未采纳');
    await readWhole(staff.page);
    const answer = staff.page.getByRole('region', { name: '委员会的答复' });
    await answer.getByText('不采纳', { exact: true }).waitFor();
    await answer.getByText('1 栋明年整体改造').waitFor();
    expect(await staff.page.getByText('不再进行').count()).toBe(2);
    await expectAccessible(staff.page, 'rejected proposal, staff view');
    await staff.context.close();
  });

  it('hides a reported proposal from the committee desk and restores it from its page', async () => {
    const reported = await propose('resident14', '免费领鸡蛋，扫码进群');
    const reporter = await site.newPage();
    await signInAs(reporter.page, 'resident15', reported);
    await readWhole(reporter.page);
    await reporter.page.getByRole('button', { name: '举报这个提议' }).click();
    await reporter.page.getByRole('button', { name: '提交举报' }).click();
    await expect.poll(() => reporter.page.getByLabel('举报原因').getAttribute('aria-invalid')).toBe('true');
    await reporter.page.getByLabel('举报原因').fill('这是广告，不是提议。');
    await reporter.page.getByRole('button', { name: '提交举报' }).click();
    await reporter.page.getByText('已收到你的举报').waitFor();
    await reporter.context.close();

    const { context, page } = await site.newPage();
    await signInAs(page, 'committee1', '/committee');
    const item = page.getByRole('article').filter({ hasText: '免费领鸡蛋' });
    await item.getByText('这是广告，不是提议。').waitFor();
    await item.getByRole('button', { name: '提交处理决定' }).click();
    await item.getByText('请选择隐藏或保留').waitFor();
    await item.getByRole('radio', { name: '隐藏', exact: true }).check();
    await item.getByLabel('处理理由').fill('这是广告');
    await item.getByRole('button', { name: '提交处理决定' }).click();
    await item.getByRole('status').getByText('已被管理员隐藏：这是广告').waitFor();
    await context.close();

    const visitor = await site.newPage();
    await visitor.page.goto(reported);
    await ready(visitor.page);
    await visitor.page.getByRole('heading', { level: 1, name: '（内容已隐藏）' }).waitFor();
    await visitor.page.getByText('已被管理员隐藏：这是广告').first().waitFor();
    await readWhole(visitor.page);
    expect(await visitor.page.getByText('免费领鸡蛋').count()).toBe(0);
    await expectAccessible(visitor.page, 'hidden proposal, visitor');
    await screenshot(visitor.page, 'proposal-hidden-zh');
    await visitor.context.close();

    const again = await site.newPage();
    await signInAs(again.page, 'staff1', reported);
    const panel = tools(again.page);
    await panel.getByRole('button', { name: '恢复显示…' }).click();
    await panel.getByLabel('恢复显示的原因').fill('误判，作者已改为正式提议。');
    await panel.getByRole('button', { name: '确认恢复显示' }).click();
    await again.page.getByRole('heading', { level: 1, name: '免费领鸡蛋，扫码进群' }).waitFor();
    await again.page.getByRole('region', { name: '公开记录' }).getByText('恢复显示这个提议').waitFor();
    await again.context.close();
  });
});
