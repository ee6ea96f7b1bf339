/**
 * axe-core finds no violations on the ballot pages, in Chinese and English: the list, an open
 * ballot (as a voter and with the staff tools), each step of the vote screen, the committee's
 * new-ballot form with its errors, and a counted ballot's result with the receipt search and an
 * objection. Uses the demo community's ballots (an open one and a final one in 茶亭东苑).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BallotPage } from '../../functions/contracts/ballots.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, revealLazyParts, screenshot, signInAs, switchLanguage } from './support/steps.js';

let site: Site;
let openPath = '';
let finalPath = '';
beforeAll(async () => {
  site = await startSite();
  const list = BallotPage.parse(await (await fetch(`${site.url}/api/ballots?community=chating&estateId=chating.dongyuan&limit=50`)).json());
  const open = list.items.find((b) => b.status === 'open');
  const final = list.items.find((b) => b.status === 'final');
  if (!open || !final) throw new Error('the demo community should hold an open and a final ballot in 茶亭东苑');
  openPath = `/ballots/${open.id}`;
  finalPath = `/ballots/${final.id}`;
});
afterAll(async () => { await site?.close(); });

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

const langs = [
  {
    lang: 'zh-CN' as const, tag: 'zh', list: '业主表决', estate: '茶亭东苑', mine: '我的投票', vote: /去投票|修改我的投票/, yes: '同意', confirm: '请确认',
    cast: '确认投票', done: /投票成功/, staff: '录入纸质票或委托票', form: '发起表决', submit: '发起表决', fix: '请改正上面标出的地方。', result: '表决结果',
    search: '查找我的票：输入回执码', notFound: '没有找到这个回执码', all: /查看全部 \d+ 张票/,
  },
  {
    lang: 'en' as const, tag: 'en', list: 'Owner votes', estate: '茶亭东苑', mine: 'My vote', vote: /Vote now|Change my vote/, yes: 'Yes', confirm: 'Is this right?',
    cast: 'Cast my vote', done: /Your vote is in/, staff: 'Enter a paper or proxy ballot', form: 'Open a vote', submit: 'Open the vote', fix: 'Please correct the marked fields above.',
    result: 'The result', search: 'Find my vote: type the receipt code', notFound: 'No vote has this receipt code', all: /See all \d+ votes/,
  },
];

describe.each(langs)('ballot pages in $lang', (l) => {
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

  it('the list of ballots', async () => {
    const { page, done } = await open('/ballots');
    await page.getByRole('heading', { level: 1, name: l.list }).waitFor();
    await page.getByRole('region', { name: l.estate }).getByRole('article').first().waitFor();
    await expectAccessible(page, 'ballot list');
    await screenshot(page, `ballots-list-${l.tag}`);
    await done();
  });

  it('an open ballot as a voter, and each step of the vote screen', async () => {
    const { page, done } = await open(openPath, 'resident1');
    const mine = page.getByRole('region', { name: l.mine });
    await mine.getByRole('link', { name: l.vote }).waitFor();
    // Every part, the ones that wait until the reader scrolls near them included (the rule box, turnout).
    await revealLazyParts(page);
    await page.getByRole('img').first().waitFor();
    await page.locator('#rule-title').waitFor();
    await expectAccessible(page, 'open ballot');
    await screenshot(page, `ballot-open-${l.tag}`);

    await mine.getByRole('link', { name: l.vote }).click();
    await page.getByRole('button', { name: l.yes }).waitFor();
    await expectAccessible(page, 'vote screen: choose');
    await page.getByRole('button', { name: l.yes }).click();
    await page.getByRole('heading', { level: 1, name: l.confirm }).waitFor();
    await expectAccessible(page, 'vote screen: confirm');
    await page.getByRole('button', { name: l.cast }).click();
    await page.getByRole('heading', { level: 1, name: l.done }).waitFor();
    await expectAccessible(page, 'vote screen: receipt');
    await screenshot(page, `ballot-receipt-${l.tag}`);
    await done();
  });

  it('an open ballot with the staff paper-entry tools', async () => {
    const { page, done } = await open(openPath, 'staff1');
    await page.getByRole('heading', { name: l.staff }).waitFor();
    await page.locator('#paper-unit option').nth(1).waitFor({ state: 'attached' });
    await expectAccessible(page, 'staff tools');
    await done();
  });

  it('the committee\u2019s new-ballot form, empty and with its errors', async () => {
    const { page, done } = await open('/ballots/new', 'committee1');
    await page.getByRole('heading', { level: 1, name: l.form }).waitFor();
    await expectAccessible(page, 'new ballot');
    await page.getByRole('button', { name: l.submit }).click();
    await page.getByText(l.fix).waitFor();
    await expectAccessible(page, 'new ballot with errors');
    await screenshot(page, `ballot-new-errors-${l.tag}`);
    await done();
  });

  it('a counted ballot: result, charts, receipt search and the whole list', async () => {
    const { page, done } = await open(finalPath, 'resident1');
    await page.getByRole('heading', { level: 2, name: l.result }).waitFor();
    // The tables, objections, receipts, rule, roll and print notice come as the reader scrolls.
    await revealLazyParts(page);
    expect(await page.locator('.lazy-slot').count(), 'every part has arrived').toBe(0);
    await page.getByLabel(l.search).fill('ZZZZZZ');
    await page.getByText(l.notFound).waitFor();
    await page.getByText(l.all).click();
    await page.locator('details[open] table').waitFor();
    await expectAccessible(page, 'result page');
    await screenshot(page, `ballot-final-${l.tag}`);
    await done();
  });
});
