/** Steps for the pocket-park activity journeys: dates in Beijing time, and residents booking through the API. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Booking } from '../../../functions/contracts/activities.js';
import { DevSession } from '../../../functions/contracts/me.js';
import type { Site } from './site.js';

const DAY = 86_400_000;
/** Beijing date of an instant, YYYY-MM-DD. */
export const beijingDate = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** The Monday after today (Beijing time), so every occurrence of the series lies in the future. */
export function nextMonday(): string {
  const today = beijingDate(Date.now());
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return beijingDate(Date.parse(`${today}T00:00:00Z`) - 8 * 3600_000 + (8 - weekday) * DAY);
}
export const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function devToken(site: Site, userId: string): Promise<string> {
  const res = await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
  });
  return DevSession.parse(await res.json()).token;
}

/** A resident books a seat through the API (faster than the browser for filling an activity). */
export async function bookByApi(site: Site, userId: string, activityId: string): Promise<Booking> {
  const res = await fetch(`${site.url}/api/activities/${activityId}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(site, userId)}` },
    body: '{}',
  });
  expect(res.status, `${userId} books`).toBe(201);
  return Booking.parse(await res.json());
}

/** Ticks a date input (type=date) the way a keyboard user would fill it in. */
export async function fillDate(page: Page, label: string | RegExp, date: string): Promise<void> {
  await page.getByLabel(label).fill(date);
}

/**
 * An activity page's booking box is below a phone's first screen and loads when the reader scrolls
 * near it (as a person would, the test scrolls to it): returns the box once it is there.
 */
export async function showBookingBox(page: Page): Promise<Locator> {
  await page.locator('#activity .elder-primary').scrollIntoViewIfNeeded();
  const box = page.getByRole('region', { name: /^(我的预约|Your booking)$/ });
  await box.waitFor();
  return box;
}
