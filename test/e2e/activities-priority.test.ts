/**
 * Priority seats in the browser (Chinese): staff schedule a health check with seats held for
 * residents 65 and over; the page says how many are held and until when; an elderly resident
 * (resident3, born 1939) books and is told it is a priority seat; a younger one (resident45) is
 * booked into a general seat. The page stays axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';
import { nextMonday, plusDays, showBookingBox } from './support/activities.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const TITLE = '老年人优先：中医义诊';
const day = plusDays(nextMonday(), 2);
let path = '';

describe('priority seats (Chinese)', () => {
  it('staff hold seats for residents 65 and over when scheduling', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'staff1', '/activities/new');
    await page.getByRole('radio', { name: '单次活动' }).check();
    await page.getByLabel('口袋公园').selectOption('dynamic-paradise');
    await page.getByLabel('活动名称').fill(TITLE);
    await page.getByRole('radio', { name: '老年人' }).check();
    await page.getByLabel(/^座位数/).fill('4');
    await page.getByLabel('优先座位数').fill('2');
    await page.getByLabel('优先座位保留到（日期）').fill(plusDays(day, -1));
    await page.getByLabel('保留到（时间，北京时间）').fill('18:00');
    await page.getByLabel(/^日期/).fill(day);
    await page.getByLabel('开始时间（北京时间）').fill('14:00');
    await page.getByLabel('结束时间（北京时间）').fill('15:00');
    await page.getByRole('button', { name: '创建活动' }).click();
    await page.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await page.waitForURL(/\/activities\/[0-9A-HJKMNP-TV-Z]{26}$/);
    path = new URL(page.url()).pathname;
    await page.getByText('其中 2 个座位留给65 岁及以上的居民').waitFor();
    await context.close();
  });

  it('gives an elderly resident a priority seat and says so', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident3', path);
    await ready(page);
    await showBookingBox(page);
    await page.getByRole('button', { name: '预约' }).click();
    await page.getByText('你订到的是优先座位。').waitFor();
    await page.reload();
    await page.getByText('其中 1 个座位留给65 岁及以上的居民').waitFor();
    await scrollToEveryPart(page);
    await page.getByText('你订到的是优先座位。').waitFor();
    await screenshot(page, 'activities-priority-zh');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it('books a younger resident into a general seat, without the priority note', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident45', path);
    await ready(page);
    await showBookingBox(page);
    await page.getByRole('button', { name: '预约' }).click();
    await page.getByText(/你已预约成功/).waitFor();
    expect(await page.getByText('你订到的是优先座位。').count()).toBe(0);
    await context.close();
  });
});
