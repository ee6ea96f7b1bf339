/**
 * The pocket-park journey in Chinese: staff1 creates a weekly series through the scheduling page;
 * staff book resident40 (no phone) for the first occurrence with evidence; other residents fill the
 * remaining seats; resident43 joins the waitlist (position 1); a confirmed resident cancels and
 * resident43 sees on "我的预约" that they are now confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support/site.js';
import { ready, screenshot, signInAs } from './support/steps.js';
import { bookByApi, nextMonday, plusDays, showBookingBox } from './support/activities.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const TITLE = '免费量血压、测血糖';
const from = nextMonday();
let activityPath = '';
/** Every occurrence the series created, soonest first. */
let occurrences: string[] = [];

describe('a weekly activity, booked by staff, filled, with a fair waitlist (Chinese)', () => {
  it('staff create a weekly series through the scheduling page', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/activities/new');
    await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '安排活动' }).waitFor();
    await page.getByRole('radio', { name: '每周重复' }).check();
    await page.getByLabel('口袋公园').selectOption('leisure-garden');
    await page.getByLabel('活动名称').fill(TITLE);
    await page.getByLabel('主办方').fill('社区卫生服务站');
    await page.getByRole('radio', { name: '老年人' }).check();
    await page.getByLabel(/^座位数/).fill('3');
    await page.getByLabel('从哪天开始').fill(from);
    await page.getByLabel('到哪天为止').fill(plusDays(from, 13));
    await page.getByRole('checkbox', { name: '星期二' }).check();
    await page.getByRole('checkbox', { name: '星期四' }).check();
    await page.getByLabel('开始时间（北京时间）').fill('09:00');
    await page.getByLabel('结束时间（北京时间）').fill('10:30');
    await page.getByRole('button', { name: '创建每周活动' }).click();
    await page.getByRole('heading', { name: '已创建 4 场活动' }).waitFor();
    await screenshot(page, 'activities-series-created-zh');
    occurrences = await page.getByRole('link', { name: new RegExp(TITLE) })
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(occurrences).toHaveLength(4);
    await page.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await page.waitForURL(/\/activities\/[0-9A-HJKMNP-TV-Z]{26}$/);
    activityPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByText('星期二').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('staff book resident40 for the first occurrence, with the evidence', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', activityPath);
    const tools = page.getByRole('region', { name: '工作人员：管理这个活动' });
    await tools.getByRole('heading', { name: '代居民预约' }).waitFor();
    await tools.getByLabel('居民的用户编号').fill('resident40');
    await tools.getByLabel('凭据').fill('电话预约，本人同意');
    await tools.getByRole('button', { name: '代为预约' }).click();
    await tools.getByText('已为 resident40 预约成功。').waitFor();
    await tools.getByRole('button', { name: /签到/ }).first().waitFor();
    await page.getByText('还剩 2 个座位').or(page.locator('dd strong', { hasText: '2' })).first().waitFor();
    await screenshot(page, 'activity-staff-zh');
    await context.close();
  });

  it('residents fill it; the next one is waitlisted at position 1', async () => {
    const id = activityPath.split('/').pop()!;
    await bookByApi(site, 'resident41', id);
    await bookByApi(site, 'resident42', id);

    const { context, page } = await site.newPage();
    await signInAs(page, 'resident43', activityPath);
    await showBookingBox(page);
    await page.getByRole('button', { name: '座位已满，排队候补' }).click();
    await page.getByText('你在候补名单第 1 位').waitFor();
    await screenshot(page, 'activity-waitlisted-zh');
    await context.close();
  });

  it('a confirmed resident cancels; the waitlisted one is promoted and sees it', async () => {
    const leaving = await site.newPage();
    await signInAs(leaving.page, 'resident41', activityPath);
    await showBookingBox(leaving.page);
    await leaving.page.getByText('你已预约成功（1 个座位）').waitFor();
    await leaving.page.getByRole('button', { name: '取消我的预约' }).click();
    await leaving.page.getByText('你的预约已取消。').waitFor();
    await leaving.context.close();

    const { context, page } = await site.newPage();
    await signInAs(page, 'resident43', '/me/bookings');
    await page.reload();
    await ready(page);
    const card = page.getByRole('article').filter({ hasText: TITLE });
    await card.getByText('你已预约成功（1 个座位）').waitFor();
    await screenshot(page, 'my-bookings-promoted-zh');

    // The personal calendar link: made absolute, copyable, subscribable, then stopped.
    await page.getByRole('button', { name: '生成日历链接' }).click();
    const link = page.getByLabel('日历链接', { exact: true });
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`^${site.url}/`));
    const href = await page.getByRole('link', { name: '在日历中订阅' }).getAttribute('href');
    expect(href).toMatch(/^webcal:\/\//);
    const feed = await fetch(await link.inputValue());
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: '停用链接' }).click();
    await page.getByText('链接已停用。').waitFor();
    await context.close();
  });

  it('staff cancel one occurrence for everyone; a booked resident sees why', async () => {
    const second = occurrences[1]!;
    await bookByApi(site, 'resident44', second.split('/').pop()!);
    const staff = await site.newPage();
    await signInAs(staff.page, 'staff1', second);
    const tools = staff.page.getByRole('region', { name: '工作人员：管理这个活动' });
    await tools.getByRole('button', { name: '为所有人取消这次活动' }).click();
    await tools.getByText('请写明取消原因（至少 3 个字）').waitFor();
    await tools.getByLabel('取消原因').fill('暴雨预警，改期另行通知');
    await tools.getByRole('button', { name: '为所有人取消这次活动' }).click();
    await staff.page.getByText('这个活动已经取消了。').waitFor();
    await staff.context.close();

    const { context, page } = await site.newPage();
    await signInAs(page, 'resident44', '/me/bookings');
    await page.getByText('原因：暴雨预警，改期另行通知').waitFor();
    await screenshot(page, 'my-bookings-cancelled-zh');
    await context.close();
  });

  it('shows the series in the week view of the space, with seats and the waitlist', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/activities');
    await ready(page);
    await page.getByRole('radio', { name: '休闲花园' }).check();
    // The series starts next week.
    await page.getByRole('button', { name: /下一周/ }).click();
    const link = page.getByRole('link', { name: new RegExp(TITLE) }).first();
    await link.waitFor();
    expect(await page.getByText('已满').count()).toBeGreaterThan(0);
    await screenshot(page, 'activities-week-zh');
    await context.close();
  });
});
