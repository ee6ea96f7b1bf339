/** The proposal list: filters are applied at once and kept in the address; "load more" follows the cursor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProposalPage } from '../../functions/contracts/proposals.js';
import { startSite, type Site } from './support/site.js';
import { ready } from './support/steps.js';

let site: Site;
let total = 0;
let lighting = 0;
const count = async (query: string) =>
  ProposalPage.parse(await (await fetch(`${site.url}/api/proposals?community=chating&limit=50${query}`)).json()).items.length;

beforeAll(async () => {
  site = await startSite();
  // Twelve more greening proposals, so the list (ten a page) needs a second page.
  for (let n = 20; n < 32; n++) {
    const session = (await (await fetch(`${site.url}/api/dev/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: `resident${n}` }),
    })).json()) as { token: string };
    const res = await fetch(`${site.url}/api/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ title: `第 ${n} 号楼门前补种树木`, description: '门前的树去年枯死了两棵，夏天没有树荫。', category: 'greening' }),
    });
    if (res.status !== 201) throw new Error(`could not create a proposal: ${res.status}`);
  }
  total = await count('');
  lighting = await count('&category=lighting');
  if (total <= 10 || total > 20 || lighting < 1) throw new Error(`unexpected proposal counts: ${total} in all, ${lighting} lighting`);
});
afterAll(async () => { await site?.close(); });

describe('the proposal list', () => {
  it('loads more with the cursor until the last page', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals');
    await ready(page);
    const cards = page.getByRole('article');
    await expect.poll(() => cards.count()).toBe(10);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => cards.count()).toBe(total);
    await page.getByText(`共显示 ${total} 条提议`).waitFor();
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    // Focus moved to the first proposal that was added.
    const focused = await page.evaluate(() => document.activeElement?.closest('article') !== null);
    expect(focused).toBe(true);
    await context.close();
  });

  it('filters by category and status, keeping the filter in the address', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals');
    await ready(page);
    await page.getByLabel('类别').selectOption('lighting');
    await page.waitForURL((u) => u.searchParams.get('category') === 'lighting');
    await expect.poll(() => page.getByRole('article').count()).toBe(lighting);
    expect(await page.getByRole('article').filter({ hasText: '照明' }).count()).toBe(lighting);

    await page.getByLabel('状态').selectOption('completed');
    await page.getByText('没有符合条件的提议。').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);

    await page.reload();
    await ready(page);
    expect(await page.getByLabel('状态').inputValue()).toBe('completed');
    // Every status of the lifecycle can be picked, after "all".
    expect(await page.getByLabel('状态').locator('option').allTextContents())
      .toEqual(['全部', '征集支持中', '审议中', '已采纳', '未采纳', '实施中', '已完成', '已撤回']);
    expect(await page.getByLabel('类别').inputValue()).toBe('lighting');
    await context.close();
  });
});
