/**
 * A resident records the birth years behind priority seats on "my bookings" (Chinese and
 * English): a mistyped year is named next to its field with focus on it, nothing is saved; a
 * good one is saved and the page says which held seats now apply. Axe-clean in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const beijingYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const me = async (token: string) => (await (await fetch(`${site.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
  priority: { birthYear: number | null; childBirthYears: number[] };
};
const tokenOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('gongzhi.session') ?? '{}') as { token: string }).token);

describe('priority seats: my birth years', () => {
  it('a parent records a child\'s year (Chinese); a mistyped year is refused first', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident45', '/me/bookings');
    const section = page.getByRole('region', { name: '优先座位' });
    await section.waitFor();
    await section.getByLabel('你照看的孩子的出生年份').fill('2O19');
    await section.getByRole('button', { name: '保存' }).click();
    const field = section.getByLabel('你照看的孩子的出生年份');
    await section.getByText('请写四位数的年份，用逗号隔开，例如 2018, 2021。').waitFor();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const before = (await me(await tokenOf(page))).priority;
    expect(before.childBirthYears).toEqual([]);
    // The year already on record is in its field.
    expect(await section.getByLabel('你的出生年份').inputValue()).toBe(before.birthYear === null ? '' : String(before.birthYear));

    await field.fill(`${beijingYear - 5}，${beijingYear - 15}`);
    await section.getByRole('button', { name: '保存' }).click();
    await section.getByText('你可以使用为带孩子的家庭预留的座位。').waitFor();
    expect((await me(await tokenOf(page))).priority).toEqual({ birthYear: before.birthYear, childBirthYears: [beijingYear - 5, beijingYear - 15] });
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'priority-profile-zh');
    await context.close();
  });

  it('an older resident records her year (English), and sees it again on her next visit', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    await switchLanguage(page, 'en');
    await signInAs(page, 'resident46', '/me/bookings');
    const section = page.getByRole('region', { name: 'Priority seats' });
    await section.getByLabel('Your year of birth').fill(String(beijingYear + 3));
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('That year has not come yet.').waitFor();
    await section.getByLabel('Your year of birth').fill('1955');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('You can take seats held for older residents.').waitFor();
    await page.reload();
    await ready(page);
    await expect.poll(() => page.getByRole('region', { name: 'Priority seats' }).getByLabel('Your year of birth').inputValue()).toBe('1955');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it('an activity holding seats links to the form', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 21 * 86_400_000).toISOString();
    const list = await (await fetch(`${site.url}/api/activities?community=chating&from=${from}&to=${to}&limit=50`)).json() as { items: { id: string }[] };
    let held: { id: string } | undefined;
    for (const { id } of list.items) {
      const a = await (await fetch(`${site.url}/api/activities/${id}`)).json() as { id: string; prioritySeatsLeft: number; priorityUntil: string | null };
      if (a.prioritySeatsLeft > 0 && a.priorityUntil && Date.parse(a.priorityUntil) > Date.now()) { held = a; break; }
    }
    if (!held) throw new Error('the demo month should hold an activity with priority seats');
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident47', `/activities/${held.id}`);
    await page.getByRole('link', { name: '在“我的预约”里登记出生年份' }).click();
    await page.waitForURL((u) => u.pathname === '/me/bookings' && u.hash === '#priority');
    await page.getByRole('region', { name: '优先座位' }).getByLabel('你的出生年份').waitFor();
    await context.close();
  });
});
