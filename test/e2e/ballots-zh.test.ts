/**
 * The owner-vote journey in Chinese: committee1 opens a "hire a property company" ballot through
 * the form; resident1 votes on the vote screen, changes their mind and keeps the receipt code; the
 * other owners vote through the API; staff1 enters two paper ballots (is stopped from overwriting a
 * vote without a reason, then replaces one with its reason); the dev clock passes the closing time; committee1 counts; the result page shows the
 * outcome with the rule, charts and tables; resident1 finds their receipt, objects, committee1
 * answers; after the notice period the result is final.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Ballot, MyVotes, Roll, UnitHistory } from '../../functions/contracts/ballots.js';
import { DevSession } from '../../functions/contracts/me.js';
import { startSite, type Site } from './support/site.js';
import { ready, revealLazyParts, screenshot, signInAs } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const TITLE = '选聘物业服务企业：是否聘请“钟山物业”提供基础物业服务';
let path = '';
let ballotId = '';
let receipt = '';
/** Representatives of 茶亭东苑's units, in roll order, and the unit each one votes for first. */
let reps: { userId: string; unitId: string }[] = [];

async function api(method: string, url: string, userId: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (userId) {
    const res = await fetch(`${site.url}/api/dev/session`, { method: 'POST', headers, body: JSON.stringify({ userId }) });
    headers.authorization = `Bearer ${DevSession.parse(await res.json()).token}`;
  }
  return fetch(`${site.url}/api${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Today + n days in Beijing, YYYY-MM-DD. */
const beijingDay = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Scrolls the ballot page through from the top, once it is shown, so every part that waits until
 * the reader nears it (result tables, objections, receipts, the rule box, the roll) has come.
 */
async function revealBallot(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await revealLazyParts(page);
}

async function open(who: string | null, to: string): Promise<{ page: Page; done: () => Promise<void> }> {
  const { context, page } = await site.newPage();
  if (who) await signInAs(page, who, to);
  else {
    await page.goto(to);
    await ready(page);
  }
  return { page, done: () => context.close() };
}

describe('a property-company ballot from opening to a final result (Chinese)', () => {
  it('the committee opens the ballot through the form', async () => {
    const { page, done } = await open('committee1', '/ballots/new');
    await page.getByRole('heading', { level: 1, name: '发起表决' }).waitFor();
    await page.getByText(/名册：\d+ 套房屋/).waitFor();
    // Sending it empty names every missing field.
    await page.getByRole('button', { name: '发起表决' }).click();
    await page.getByText('请改正上面标出的地方。').waitFor();
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/要表决的问题/).fill(TITLE);
    await page.getByLabel(/详细说明/).fill('保洁、绿化、门卫和小修；0.50 元/平方米·月，合同两年。');
    await page.getByRole('radio', { name: /选聘和解聘物业服务企业/ }).check();
    await page.getByLabel(/截止日期/).fill(beijingDay(2));
    await page.getByRole('button', { name: '发起表决' }).click();
    await page.waitForURL(/\/ballots\/[0-9A-HJKMNP-TV-Z]{26}$/);
    path = new URL(page.url()).pathname;
    ballotId = path.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The rule box comes when the reader scrolls near it.
    await revealBallot(page);
    await page.getByText('一般事项').first().waitFor();
    await page.getByText('需要参与表决的专有面积和人数，都达到全体业主的三分之二。').waitFor();
    await page.getByText('并且，同意的面积和人数都要超过参与表决的一半。').waitFor();
    await done();
  });

  it('an owner votes on the vote screen and is shown a receipt code', async () => {
    const roll = Roll.parse(await (await api('GET', '/estates/chating.dongyuan/roll', 'staff1')).json());
    const seen = new Set<string>();
    reps = roll.units.flatMap((u) => (u.representativeId && !seen.has(u.representativeId) && seen.add(u.representativeId)
      ? [{ userId: u.representativeId, unitId: u.unitId }] : []));
    expect(reps.length).toBeGreaterThan(8);
    // resident1 votes in the browser; the others come after.
    reps = [...reps.filter((r) => r.userId === 'resident1'), ...reps.filter((r) => r.userId !== 'resident1')];
    expect(reps[0]!.userId).toBe('resident1');

    const { page, done } = await open('resident1', path);
    const mine = page.getByRole('region', { name: '我的投票' });
    await mine.getByText('还没有投票').waitFor();
    await mine.getByRole('link', { name: '去投票' }).click();
    await page.getByText('第 1 步，共 2 步').waitFor();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await screenshot(page, 'ballot-vote-zh');
    await page.getByRole('button', { name: '同意' }).click();
    await page.getByRole('heading', { level: 1, name: '请确认' }).waitFor();
    // The heading takes the focus, so a screen reader says where the voter is.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('button', { name: '返回重新选' }).click();
    await page.getByRole('button', { name: '反对' }).click();
    await page.getByText('你选择了：').waitFor();
    await page.locator('.chosen', { hasText: '反对' }).waitFor();
    await page.getByRole('button', { name: '确认投票' }).click();
    await page.getByRole('heading', { level: 1, name: /投票成功/ }).waitFor();
    await page.getByText('你的选择：反对').waitFor();

    // Changing the vote before close: the screen says what counts now, the last vote counts.
    await page.getByRole('link', { name: '返回表决页面' }).click();
    await mine.getByText('已投票：反对').waitFor();
    await mine.getByRole('link', { name: '修改我的投票' }).click();
    await page.getByText('你现在的选择是：反对。可以改。').waitFor();
    await page.getByRole('button', { name: '同意' }).click();
    await page.getByRole('button', { name: '确认投票' }).click();
    await page.getByRole('heading', { level: 1, name: /投票成功/ }).waitFor();
    await page.getByText('你的选择：同意').waitFor();
    await page.getByText('请把回执码抄下来').waitFor();
    receipt = (await page.locator('.receipt').first().innerText()).replace(/\s/g, '');
    expect(receipt).toMatch(/^[0-9A-Z]{10}$/);
    await screenshot(page, 'ballot-vote-done-zh');

    const votes = MyVotes.parse(await (await api('GET', `/ballots/${ballotId}/vote`, 'resident1')).json());
    expect(votes.items.map((i) => i.receipt)).toEqual([receipt]);
    await page.getByRole('link', { name: '返回表决页面' }).click();
    await mine.getByText('已投票：同意').waitFor();
    await done();
  });

  it('the other owners vote online; the page shows turnout but never choices', async () => {
    // All but the last three representatives vote now: two will hand in paper ballots, one never votes.
    const online = reps.slice(1, -3);
    const choices = ['yes', 'yes', 'no', 'yes', 'yes', 'abstain'];
    for (const [i, r] of online.entries()) {
      const res = await api('PUT', `/ballots/${ballotId}/vote`, r.userId, { choice: choices[i % choices.length] });
      expect(res.status, `${r.userId} votes`).toBe(200);
    }
    const b = Ballot.parse(await (await api('GET', `/ballots/${ballotId}`, null)).json());
    const { page, done } = await open(null, path);
    await revealLazyParts(page); // turnout comes when scrolled near
    await page.getByText(`已有 ${b.participation.units} 户参与（共 ${b.frozenRoll.units} 户）`).waitFor();
    await page.getByRole('img', { name: /参与表决的面积和人数占全体的比例/ }).waitFor();
    await page.getByText('为了公平，投票结束前不公布各选项的票数。').waitFor();
    // The rule box comes when the reader scrolls near it; even then, nothing tells the choices.
    await revealBallot(page);
    await page.getByRole('heading', { name: '怎样才算通过' }).waitFor();
    expect(await page.getByRole('heading', { name: '表决结果' }).count(), 'no result while open').toBe(0);
    expect(await page.getByRole('table').count(), 'no tally table while open').toBe(0);
    await screenshot(page, 'ballot-zh');
    await done();
  });

  it('staff enter two paper ballots; a vote is replaced only when asked, with a reason', async () => {
    const { page, done } = await open('staff1', path);
    const tools = page.getByRole('region', { name: '工作人员和业主委员会' });
    await tools.getByRole('heading', { name: '录入纸质票或委托票' }).waitFor();

    await tools.getByLabel('房屋').selectOption(reps[0]!.unitId);
    await tools.getByRole('radio', { name: '反对' }).check();
    await tools.getByLabel(/表决票编号/).fill('ZP-0100');
    await tools.getByRole('button', { name: '录入这张票' }).click();
    await tools.getByText('这户已经投过票。要替换，请勾选并写明原因。').first().waitFor();

    const [paper, proxy] = [reps.at(-3)!, reps.at(-2)!];
    await tools.getByLabel('房屋').selectOption(paper.unitId);
    await tools.getByRole('radio', { name: '同意' }).check();
    await tools.getByLabel(/表决票编号/).fill('ZP-0101');
    await tools.getByLabel(/照片编号/).fill('IMG_2041');
    await tools.getByRole('button', { name: '录入这张票' }).click();
    await tools.getByText(/^已录入 .+：同意。/).waitFor();

    await tools.getByLabel('房屋').selectOption(proxy.unitId);
    await tools.getByRole('radio', { name: '反对' }).check();
    await tools.getByRole('radio', { name: '委托代投' }).check();
    await tools.getByLabel(/表决票编号/).fill('WT-0102');
    await tools.getByLabel(/委托人/).fill('王秀英');
    await tools.getByRole('button', { name: '录入这张票' }).click();
    await tools.getByText(/^已录入 .+：反对。/).waitFor();

    // The owner comes in and changes the proxy's choice: a replacement, with its reason.
    await tools.getByLabel('房屋').selectOption(proxy.unitId);
    await tools.getByText(/这户已经投过票（委托代投/).waitFor();
    await tools.getByRole('radio', { name: '同意' }).check();
    await tools.getByRole('radio', { name: '纸质表决票' }).check();
    await tools.getByLabel(/表决票编号/).fill('ZP-0103');
    await tools.getByRole('checkbox', { name: '用这张票替换原来的投票' }).check();
    await tools.getByLabel(/替换的原因/).fill('业主本人到社区改票');
    await tools.getByRole('button', { name: '录入这张票' }).click();
    await tools.getByText(/^已录入 .+：同意。/).waitFor();
    await screenshot(page, 'ballot-paper-entry-zh');
    await done();

    const history = UnitHistory.parse(await (await api('GET', `/ballots/${ballotId}/units/${proxy.unitId}/history`, 'staff1')).json());
    expect(history.items.at(-2)).toMatchObject({ via: 'proxy', evidence: { formNumber: 'WT-0102' }, onBehalfOf: '王秀英' });
    expect(history.items.at(-1)).toMatchObject({ via: 'paper', evidence: { formNumber: 'ZP-0103' }, reason: '业主本人到社区改票' });
  });

  it('after closing time the committee counts; the result page shows the outcome with its rule', async () => {
    const moved = await fetch(`${site.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceDays: 3 }) });
    expect(moved.status).toBe(200);
    const { page, done } = await open('committee1', path);
    await page.getByText('投票时间已经结束，可以计票并公布结果了。').waitFor();
    await page.getByRole('button', { name: '计票并公布结果' }).click();
    await page.getByRole('button', { name: '确定，计票' }).click();
    await page.getByRole('heading', { level: 2, name: '表决结果' }).waitFor();

    const b = Ballot.parse(await (await api('GET', `/ballots/${ballotId}`, null)).json());
    expect(b.result?.outcome).toBe('passed');
    await page.locator('.outcome').getByText('通过').waitFor();
    await page.getByText('参与达到三分之二，同意的面积和人数都超过了参与表决的一半。').waitFor();
    await revealLazyParts(page); // each option's result comes when scrolled near
    await page.getByRole('img', { name: /各选项的面积和人数占参与表决的比例/ }).waitFor();
    // The tables beside the charts come when the reader scrolls near them (from the top: counting
    // was pressed at the page's foot, and the result appeared above it).
    await revealBallot(page);
    const table = page.getByRole('table', { name: /各选项的面积和人数/ });
    await table.getByRole('rowheader', { name: '同意' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: '同意' }).innerText()).toContain('✓ 达到');
    await screenshot(page, 'ballot-result-zh');
    await done();
  });

  it('the owner finds their receipt in the published list and objects; the committee answers', async () => {
    const voter = await open('resident1', path);
    // The receipts and the objections come when the reader scrolls near them.
    await revealBallot(voter.page);
    await voter.page.getByLabel('查找我的票：输入回执码').fill(receipt.toLowerCase().slice(0, 8));
    await voter.page.getByText('已计入：同意').waitFor();
    await voter.page.getByLabel('异议的理由').fill('2 号楼有几户说没收到纸质表决票，请核对发放记录。');
    await voter.page.getByRole('button', { name: '提交异议' }).click();
    await voter.page.getByText('异议已提交，业主委员会会公开答复。').waitFor();
    await voter.page.getByText('还有 1 条异议等待业主委员会答复。').waitFor();
    await voter.done();

    const committee = await open('committee1', path);
    await revealBallot(committee.page);
    await committee.page.getByLabel(/答复 .+ 的异议/).fill('已核对发放签收单：2 号楼每户都已签收，签收单贴在宣传栏。');
    await committee.page.getByRole('button', { name: '发布答复' }).click();
    await committee.page.getByText(/代表业主委员会答复/).waitFor();
    await committee.page.getByText('已核对发放签收单').waitFor();
    await committee.done();

    await fetch(`${site.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceDays: 8 }) });
    const later = await open(null, path);
    await revealBallot(later.page);
    await later.page.getByText('公示期已经结束，异议都已答复，结果已经生效。').waitFor();
    await later.page.getByText('结果已生效').first().waitFor();
    await later.done();
  });

  it('lists the ballot among its estate\u2019s finished ones', async () => {
    const { page, done } = await open(null, '/ballots');
    const estate = page.getByRole('region', { name: '茶亭东苑' });
    await estate.getByRole('heading', { name: '已经结束' }).waitFor();
    await estate.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'ballots-zh');
    await done();
  });
});
