/**
 * axe-core finds no violations on the activity pages (the week view, an activity as a resident and
 * as staff with their tools, my bookings and the scheduling page), in Chinese and English; screenshots
 * are saved to test/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Activity } from '../../functions/contracts/activities.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';
import { bookByApi, devToken, nextMonday, showBookingBox } from './support/activities.js';

let site: Site;
let activityPath = '';
beforeAll(async () => {
  site = await startSite();
  const day = nextMonday();
  const res = await fetch(`${site.url}/api/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(site, 'staff1')}` },
    body: JSON.stringify({
      spaceId: 'dynamic-paradise', title: '儿童读书角 Children\u2019s book corner', host: '社区图书室', audience: 'children',
      description: '绘本共读，家长可陪同。', capacity: 2, maxSeatsPerBooking: 2,
      startsAt: new Date(`${day}T15:00:00+08:00`).toISOString(), endsAt: new Date(`${day}T16:00:00+08:00`).toISOString(),
    }),
  });
  expect(res.status).toBe(201);
  const activity = Activity.parse(await res.json());
  activityPath = `/activities/${activity.id}`;
  await bookByApi(site, 'resident1', activity.id);
  await bookByApi(site, 'resident2', activity.id);
  await bookByApi(site, 'resident3', activity.id);
});
afterAll(async () => { await site?.close(); });

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

const langs = [
  { lang: 'zh-CN' as const, tag: 'zh', next: /下一周/, space: '动感乐园', waiting: '你在候补名单第 1 位', mine: '我的预约', tools: '签到名单', schedule: '安排活动' },
  { lang: 'en' as const, tag: 'en', next: /Next week/, space: 'Dynamic Paradise', waiting: 'You are number 1 on the waitlist', mine: 'My bookings', tools: 'Attendance', schedule: 'Schedule activities' },
];

describe.each(langs)('activity pages in $lang', (l) => {
  async function open(path: string, who?: string): Promise<{ page: Page; done: () => Promise<void> }> {
    const { context, page } = await site.newPage();
    if (who) await signInAs(page, who);
    else await page.goto('/');
    await ready(page);
    if (l.lang === 'en') await switchLanguage(page, 'en');
    await page.goto(path);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.lang);
    return { page, done: () => context.close() };
  }

  it('the week view', async () => {
    const { page, done } = await open('/activities');
    await page.getByRole('radio', { name: l.space }).check();
    await page.getByRole('button', { name: l.next }).click();
    await page.getByRole('link', { name: /Children/ }).waitFor();
    await expectAccessible(page, 'week view');
    await screenshot(page, `activities-${l.tag}`);
    await done();
  });

  it('an activity, as a waitlisted resident', async () => {
    const { page, done } = await open(activityPath, 'resident3');
    await showBookingBox(page);
    await page.getByText(l.waiting).waitFor();
    await scrollToEveryPart(page);
    await expectAccessible(page, 'activity page');
    await screenshot(page, `activity-${l.tag}`);
    await done();
  });

  it('an activity, as staff with their tools', async () => {
    const { page, done } = await open(activityPath, 'staff1');
    await page.getByRole('heading', { name: l.tools }).waitFor();
    await page.getByText('resident2').first().waitFor();
    await scrollToEveryPart(page);
    await expectAccessible(page, 'activity page with staff tools');
    await done();
  });

  it('my bookings', async () => {
    const { page, done } = await open('/me/bookings', 'resident3');
    await page.getByRole('heading', { level: 1, name: l.mine }).waitFor();
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'my bookings');
    await screenshot(page, `my-bookings-${l.tag}`);
    await done();
  });

  it('the scheduling page', async () => {
    const { page, done } = await open('/activities/new', 'staff1');
    await page.getByRole('heading', { level: 1, name: l.schedule }).waitFor();
    await expectAccessible(page, 'scheduling page');
    await screenshot(page, `schedule-${l.tag}`);
    await done();
  });
});
