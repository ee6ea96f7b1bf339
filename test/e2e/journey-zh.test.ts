/**
 * The main journey in Chinese: resident1 signs in, gets field errors for an empty form, proposes,
 * backs the proposal (0 → 1); resident2 backs it too (→ 2). donor1, who has no verified household,
 * is told why they cannot propose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from './support/site.js';
import { ready, signInAs } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const supportBox = (page: Page) => page.getByRole('region', { name: '支持这个提议' });

async function fillValidProposal(page: Page, title: string): Promise<void> {
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('详细说明').fill('3 号楼北侧空地没有座椅，老人散步走累了没地方坐。希望加两张带靠背的长椅。');
  await page.getByRole('radio', { name: '休息座椅' }).check();
  await page.getByLabel('地点').fill('3 号楼北侧空地');
  await page.getByLabel('估计费用（元）').fill('1200.50');
}

describe('proposing and backing, in Chinese', () => {
  let proposalPath = '';

  it('shows field errors from the contract when the form is not filled in properly', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident1', '/proposals/new');
    await page.getByRole('heading', { level: 1, name: '提出一个提议' }).waitFor();
    await page.getByLabel('标题').fill('长椅');
    await page.getByLabel('估计费用（元）').fill('一千');
    await page.getByRole('button', { name: '提交提议' }).click();

    const summary = page.getByRole('alert').filter({ hasText: '处需要修改' });
    await expect.poll(() => summary.textContent()).toContain('有 4 处需要修改');
    await expect.poll(() => page.getByLabel('标题').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('太短了：至少要写 4 个字。').count()).toBeGreaterThan(0);
    expect(await page.getByText('太短了：至少要写 10 个字。').count()).toBeGreaterThan(0);
    expect(await page.getByText('请选择一个类别').count()).toBeGreaterThan(0);
    expect(await page.getByText('请填写金额数字').count()).toBeGreaterThan(0);
    // The error is tied to its field for screen readers.
    const describedBy = await page.getByLabel('标题').getAttribute('aria-describedby');
    expect(describedBy).toContain('f-title-error');
    expect(page.url()).toMatch(/\/proposals\/new$/);

    await fillValidProposal(page, '在 3 号楼北侧加两张长椅');
    await page.getByRole('button', { name: '提交提议' }).click();
    await page.waitForURL(/\/proposals\/[0-9A-HJKMNP-TV-Z]{26}$/);
    proposalPath = new URL(page.url()).pathname;

    await page.getByRole('heading', { level: 1, name: '在 3 号楼北侧加两张长椅' }).waitFor();
    await supportBox(page).getByText('0 人支持').waitFor();
    // The details (the cost among them) are below a phone's first screen: the reader scrolls to them.
    await scrollToEveryPart(page);
    expect(await page.getByText('¥1,200.50').count()).toBe(1);
    expect(await page.getByText('征集支持中').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('counts each resident who backs it, once', async () => {
    const first = await site.newPage();
    await signInAs(first.page, 'resident1', proposalPath);
    await supportBox(first.page).getByText('0 人支持').waitFor();
    await first.page.getByRole('button', { name: '我支持' }).click();
    await supportBox(first.page).getByText('1 人支持').waitFor();
    await first.page.getByText('你已经支持了这个提议。').waitFor();
    await first.page.getByRole('button', { name: '撤回我的支持' }).waitFor();
    // Reloading shows the same state: it came from the server, not the page.
    await first.page.reload();
    await supportBox(first.page).getByText('1 人支持').waitFor();
    await first.page.getByRole('button', { name: '撤回我的支持' }).waitFor();
    await first.context.close();

    const second = await site.newPage();
    await signInAs(second.page, 'resident2', proposalPath);
    await supportBox(second.page).getByText('1 人支持').waitFor();
    await second.page.getByRole('button', { name: '我支持' }).click();
    await supportBox(second.page).getByText('2 人支持').waitFor();
    // Withdrawing and backing again leaves the count where it was.
    await second.page.getByRole('button', { name: '撤回我的支持' }).click();
    await supportBox(second.page).getByText('1 人支持').waitFor();
    await second.page.getByRole('button', { name: '我支持' }).click();
    await supportBox(second.page).getByText('2 人支持').waitFor();
    await second.context.close();
  });

  it('lists the proposal with its category, status and backing count', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals?category=seating');
    await ready(page);
    const card = page.getByRole('article').filter({ hasText: '在 3 号楼北侧加两张长椅' });
    await card.waitFor();
    expect(await card.textContent()).toContain('休息座椅');
    expect(await card.textContent()).toContain('征集支持中');
    expect(await card.textContent()).toContain('2 人支持');
    expect(await page.getByLabel('类别').inputValue()).toBe('seating');
    await context.close();
  });

  it('asks a visitor to sign in before backing', async () => {
    const { context, page } = await site.newPage();
    await page.goto(proposalPath);
    await ready(page);
    await supportBox(page).getByRole('link', { name: '登录后就可以支持' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(proposalPath);
    await context.close();
  });

  it('puts 400 issues from the server on the fields they name', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident1', '/proposals/new');
    // The server and the form share one schema, so only a server that changed would disagree.
    await page.route('**/api/proposals', (r) => (r.request().method() !== 'POST' ? r.fallback() : r.fulfill({
      status: 400,
      json: { error: { code: 'invalid_input', message: 'The request body is not valid.', issues: [
        { path: 'body.title', code: 'custom', message: 'This title is already taken.' },
      ] } },
    })));
    await fillValidProposal(page, '在 3 号楼北侧加两张长椅');
    await page.getByRole('button', { name: '提交提议' }).click();
    await page.getByRole('alert').filter({ hasText: '有 1 处需要修改' }).waitFor();
    await expect.poll(() => page.getByLabel('标题').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('服务器没有接受这一项，请检查后再试。').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('详细说明').getAttribute('aria-invalid')).toBeNull();
    await context.close();
  });

  it('explains a 409 when the proposal closed while the page was open', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident5', proposalPath);
    await page.route('**/support', (r) => (r.request().method() !== 'PUT' ? r.fallback() : r.fulfill({
      status: 409, json: { error: { code: 'proposal_closed', message: 'This proposal is no longer open.' } },
    })));
    await page.getByRole('button', { name: '我支持' }).click();
    await page.getByRole('alert').filter({ hasText: '这个提议已经结束征集' }).waitFor();
    expect(await page.getByRole('button', { name: '我支持' }).count()).toBe(0);
    await context.close();
  });

  it('says so when a proposal does not exist', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    await page.getByText('找不到这个提议，可能是链接有误。').waitFor();
    await page.goto('/proposals/not-an-id');
    await page.getByText('找不到这个提议，可能是链接有误。').waitFor();
    await context.close();
  });

  it('tells a signed-in person without a verified household that only residents can propose', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'donor1', '/proposals/new');
    await fillValidProposal(page, '捐赠人也想提个建议');
    await page.getByRole('button', { name: '提交提议' }).click();
    await page.getByRole('alert').filter({ hasText: '只有已核实住户的居民才能提出提议' }).waitFor();
    expect(page.url()).toMatch(/\/proposals\/new$/);
    await context.close();
  });
});
