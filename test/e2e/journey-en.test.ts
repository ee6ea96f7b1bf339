/**
 * The same journey in English: the language switch changes every string and <html lang>, is
 * remembered after a reload, and the contract's field errors come in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from './support/site.js';
import { ready, signInAs, switchLanguage } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const supportBox = (page: Page) => page.getByRole('region', { name: 'Back this proposal' });
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('proposing and backing, in English', () => {
  let proposalPath = '';

  it('switches to English and remembers it after a reload', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    expect(await htmlLang(page)).toBe('zh-CN');
    await page.getByRole('heading', { level: 1, name: '共治：一起把小区变得更好' }).waitFor();

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Gongzhi: making our neighbourhood better together' }).waitFor();
    await page.getByRole('link', { name: 'See the proposals' }).waitFor();
    expect(await page.title()).toBe('Gongzhi: making our neighbourhood better together');

    await page.reload();
    await ready(page);
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Proposals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await switchLanguage(page, 'zh-CN');
    await page.getByRole('heading', { level: 1, name: '大家的提议' }).waitFor();
    await context.close();
  });

  it('proposes with English field errors, then backs: 0 → 1 → 2 backers', async () => {
    const author = await site.newPage();
    const { page } = author;
    await page.goto('/');
    await ready(page);
    await switchLanguage(page, 'en');
    await signInAs(page, 'resident3', '/proposals/new');
    await page.getByRole('heading', { level: 1, name: 'Make a proposal' }).waitFor();

    await page.getByRole('button', { name: 'Submit the proposal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please fix these (3)' }).waitFor();
    expect(await page.getByText('Too short: write at least 4 characters.').count()).toBeGreaterThan(0);
    expect(await page.getByText('Choose a category').count()).toBeGreaterThan(0);

    await page.getByLabel('Title').fill('Brighter lamps on the east path');
    await page.getByLabel('Details').fill('The path east of building 5 is dark after seven; older neighbours trip on the kerb.');
    await page.getByRole('radio', { name: 'Lighting' }).check();
    await page.getByRole('button', { name: 'Submit the proposal' }).click();
    await page.waitForURL(/\/proposals\/[0-9A-HJKMNP-TV-Z]{26}$/);
    proposalPath = new URL(page.url()).pathname;

    await page.getByRole('heading', { level: 1, name: 'Brighter lamps on the east path' }).waitFor();
    await supportBox(page).getByText('0 backers').waitFor();
    expect(await page.getByText('Seeking backing').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'I back this' }).click();
    await supportBox(page).getByText('1 backer', { exact: true }).waitFor();
    await page.getByText('You back this proposal.').waitFor();
    await author.context.close();

    const neighbour = await site.newPage();
    await neighbour.page.goto('/');
    await ready(neighbour.page);
    await switchLanguage(neighbour.page, 'en');
    await signInAs(neighbour.page, 'resident4', proposalPath);
    await supportBox(neighbour.page).getByText('1 backer', { exact: true }).waitFor();
    await neighbour.page.getByRole('button', { name: 'I back this' }).click();
    await supportBox(neighbour.page).getByText('2 backers').waitFor();
    await neighbour.context.close();
  });

  it('shows the not-a-resident message in English to donor1', async () => {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    await switchLanguage(page, 'en');
    await signInAs(page, 'donor1', '/proposals/new');
    await page.getByLabel('Title').fill('A book corner by the gate');
    await page.getByLabel('Details').fill('A shelf of donated books by the east gate, for children after school.');
    await page.getByRole('radio', { name: 'Culture' }).check();
    await page.getByRole('button', { name: 'Submit the proposal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Only residents of a verified household can make proposals' }).waitFor();
    await context.close();
  });
});
