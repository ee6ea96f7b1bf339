/**
 * axe-core finds no violations on any page, in Chinese or English, and screenshots of the main
 * pages are saved to test/e2e/screenshots/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ProposalPage } from '../../functions/contracts/proposals.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './support/steps.js';
import { scrollToEveryPart } from './support/lazy.js';

let site: Site;
let proposalPath = '';
beforeAll(async () => {
  site = await startSite();
  const page = ProposalPage.parse(await (await fetch(`${site.url}/api/proposals?community=chating&limit=50`)).json());
  const detailed = page.items.find((p) => p.estimatedCostFen !== null && p.location !== null);
  if (!detailed) throw new Error('the demo community should hold a proposal with a place and a cost');
  proposalPath = `/proposals/${detailed.id}`;
});
afterAll(async () => { await site?.close(); });

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

const langs = [
  { lang: 'zh-CN' as const, tag: 'zh', list: '大家的提议', form: '提出一个提议', signin: '登录', submit: '提交提议', backers: /人支持/ },
  { lang: 'en' as const, tag: 'en', list: 'Proposals', form: 'Make a proposal', signin: 'Sign in', submit: 'Submit the proposal', backers: /backers?$/ },
];

describe.each(langs)('pages in $lang', (l) => {
  async function open(path: string): Promise<{ page: Page; done: () => Promise<void> }> {
    const { context, page } = await site.newPage();
    if (l.lang === 'en') {
      await page.goto('/');
      await ready(page);
      await switchLanguage(page, 'en');
    }
    await page.goto(path);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.lang);
    return { page, done: () => context.close() };
  }

  it('home', async () => {
    const { page, done } = await open('/');
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'home');
    await screenshot(page, `home-${l.tag}`);
    await done();
  });

  it('proposal list', async () => {
    const { page, done } = await open('/proposals');
    await page.getByRole('heading', { level: 1, name: l.list }).waitFor();
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'proposal list');
    await screenshot(page, `proposals-${l.tag}`);
    await done();
  });

  it('proposal page, for a visitor and for a signed-in resident', async () => {
    const { page, done } = await open(proposalPath);
    await page.getByText(l.backers).first().waitFor();
    // Every part, those that load when scrolled near included, is checked.
    await scrollToEveryPart(page);
    await expectAccessible(page, 'proposal page (visitor)');
    await screenshot(page, `proposal-${l.tag}`);
    await signInAs(page, 'resident5', proposalPath);
    await page.locator('main button').first().waitFor();
    await scrollToEveryPart(page);
    await expectAccessible(page, 'proposal page (signed in)');
    await screenshot(page, `proposal-signed-in-${l.tag}`);
    await done();
  });

  it('new-proposal form, empty and with errors', async () => {
    const { page, done } = await open('/proposals/new');
    await page.getByRole('heading', { level: 1, name: l.form }).waitFor();
    await expectAccessible(page, 'new-proposal form');
    await page.getByRole('button', { name: l.submit }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'new-proposal form with errors');
    await screenshot(page, `new-proposal-errors-${l.tag}`);
    await done();
  });

  it('sign-in', async () => {
    const { page, done } = await open('/signin');
    await page.getByRole('heading', { level: 1, name: l.signin }).waitFor();
    await page.getByRole('button', { name: /resident1(\s|$)/ }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, `signin-${l.tag}`);
    await done();
  });

  it('the home page on a wide screen', async () => {
    const { context, page } = await site.newPage({ width: 1280, height: 900 });
    if (l.lang === 'en') {
      await page.goto('/');
      await ready(page);
      await switchLanguage(page, 'en');
    }
    await page.goto('/proposals');
    await ready(page);
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page, 'wide proposal list');
    await screenshot(page, `proposals-wide-${l.tag}`);
    await context.close();
  });
});
