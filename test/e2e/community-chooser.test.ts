/**
 * A deployment that serves several communities: a visitor with nothing remembered is asked to
 * choose one in the header; the choice is named in the address (a shared link opens the same
 * community) and remembered on the device; each community's lists are its own. In Chinese and in
 * English, axe-clean. A deployment with one community only names it (the other journeys).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlatformAdmin } from '../support/admin.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, switchLanguage } from './support/steps.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
  await makePlatformAdmin('admin1');
  const session = await (await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'admin1' }),
  })).json() as { token: string };
  const made = await fetch(`${site.url}/api/communities`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ id: 'yihe', name: '颐和社区', nameEn: 'Yihe Community' }),
  });
  expect(made.status).toBe(201);
});
afterAll(async () => { await site?.close(); });

describe('choosing the community', () => {
  it('asks a first-time visitor, then names the choice in the address and remembers it (Chinese)', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals');
    await ready(page);
    const header = page.locator('header');
    const pick = header.getByLabel('请选择您的社区');
    await pick.waitFor();
    expect(await pick.locator('option').allInnerTexts()).toEqual(['—', '茶亭社区', '颐和社区']);
    // The list waits for the choice and says so, instead of failing.
    await page.getByText('请先在页面上方选择您的社区。').waitFor();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'community-chooser-zh');

    await pick.selectOption({ label: '颐和社区' });
    await header.getByRole('button', { name: '切换', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('community') === 'yihe');
    await ready(page);
    await expect.poll(() => header.getByLabel('社区', { exact: true }).inputValue()).toBe('yihe');
    // The new community has no proposals yet; the demo community's are not shown here.
    await page.getByText('共显示 0 条提议').waitFor();
    await page.getByText('没有符合条件的提议。').waitFor();

    // Remembered on this device: the next visit without the address opens the same community.
    await page.goto('/ledger');
    await ready(page);
    await expect.poll(() => header.getByLabel('社区', { exact: true }).inputValue()).toBe('yihe');
    await context.close();
  });

  it('opens the community a shared link names, in English', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/proposals?community=chating');
    await ready(page);
    await switchLanguage(page, 'en');
    const pick = page.locator('header').getByLabel('Community', { exact: true });
    await expect.poll(() => pick.inputValue()).toBe('chating');
    expect(await pick.locator('option').allInnerTexts()).toEqual(['Cha-Ting Community', 'Yihe Community']);
    // The demo community's proposals, as the link asked.
    await page.getByText(/^Showing [1-9]\d* proposals$/).waitFor();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'community-chooser-en');
    await context.close();
  });
});
