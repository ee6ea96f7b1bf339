/**
 * The pocket-park journey in English: staff create a weekly series, book resident50 with evidence,
 * residents fill it, resident53 waits at position 1, a confirmed resident cancels and resident53
 * sees on "My bookings" that they are confirmed; staff move an occurrence and take attendance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from './support/site.js';
import { ready, screenshot, signInAs, switchLanguage } from './support/steps.js';
import { bookByApi, nextMonday, plusDays, showBookingBox } from './support/activities.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const TITLE = 'Publicity session: fire safety';
const from = nextMonday();
let occurrences: string[] = [];

async function openAs(userId: string, path: string): Promise<{ page: Page; done: () => Promise<void> }> {
  const { context, page } = await site.newPage();
  await signInAs(page, userId, path);
  await ready(page);
  await switchLanguage(page, 'en');
  return { page, done: () => context.close() };
}
const staffTools = (page: Page) => page.getByRole('region', { name: 'Staff: manage this activity' });

describe('a weekly activity, booked by staff, filled, with a fair waitlist (English)', () => {
  it('staff create a weekly series', async () => {
    const { page, done } = await openAs('staff1', '/activities/new');
    await page.getByRole('radio', { name: 'Every week' }).check();
    await page.getByLabel('Pocket park').selectOption('cultural-park');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByRole('radio', { name: 'Everyone' }).check();
    await page.getByLabel('Seats', { exact: false }).first().fill('2');
    await page.getByLabel('First day').fill(from);
    await page.getByLabel('Last day').fill(plusDays(from, 6));
    await page.getByRole('checkbox', { name: 'Wednesday' }).check();
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.getByLabel('Starts (Beijing time)').fill('14:00');
    await page.getByLabel('Ends (Beijing time)').fill('15:00');
    await page.getByRole('button', { name: 'Create the weekly activity' }).click();
    await page.getByRole('heading', { name: '2 activities created' }).waitFor();
    occurrences = await page.getByRole('link', { name: new RegExp(TITLE) })
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(occurrences).toHaveLength(2);
    await screenshot(page, 'activities-series-created-en');
    await done();
  });

  it('staff book resident50; residents fill it; resident53 waits at position 1', async () => {
    const first = occurrences[0]!;
    const staff = await openAs('staff1', first);
    await staffTools(staff.page).getByLabel('Resident\u2019s user id').fill('resident50');
    await staffTools(staff.page).getByLabel('Evidence').fill('Paper form #7, signed');
    await staffTools(staff.page).getByRole('button', { name: 'Book for the resident' }).click();
    await staffTools(staff.page).getByText('resident50 is booked.').waitFor();
    await staff.done();

    await bookByApi(site, 'resident51', first.split('/').pop()!);
    const { page, done } = await openAs('resident53', first);
    await showBookingBox(page);
    await page.getByRole('button', { name: 'Full: join the waitlist' }).click();
    await page.getByText('You are number 1 on the waitlist').waitFor();
    await screenshot(page, 'activity-waitlisted-en');
    await done();
  });

  it('a confirmed resident cancels; the waitlisted one sees they are confirmed', async () => {
    const leaving = await openAs('resident51', occurrences[0]!);
    await showBookingBox(leaving.page);
    await leaving.page.getByText('You are booked (seats: 1)').waitFor();
    await leaving.page.getByRole('button', { name: 'Cancel my booking' }).click();
    await leaving.page.getByText('Your booking is cancelled.').waitFor();
    await leaving.done();

    const { page, done } = await openAs('resident53', '/me/bookings');
    await page.reload();
    await ready(page);
    await page.getByRole('article').filter({ hasText: TITLE }).getByText('You are booked (seats: 1)').waitFor();
    await screenshot(page, 'my-bookings-promoted-en');
    await done();
  });

  it('staff take attendance and move an occurrence; the bookings stay', async () => {
    const { page, done } = await openAs('staff1', occurrences[0]!);
    const tools = staffTools(page);
    await tools.getByRole('button', { name: /Check in .*/ }).first().click();
    await tools.getByText('Checked in').waitFor();
    await tools.getByRole('button', { name: /Did not come: / }).last().click();
    await tools.getByText('No-show', { exact: true }).first().waitFor();
    await tools.getByLabel('Starts').fill('16:00');
    await tools.getByLabel('Ends').fill('17:00');
    await tools.getByRole('button', { name: 'Move' }).click();
    await tools.getByText('Moved; the bookings stay.').waitFor();
    await page.getByText(/16:00–17:00/).first().waitFor();
    await screenshot(page, 'activity-staff-en');
    await done();
  });
});
