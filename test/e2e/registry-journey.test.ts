/**
 * The registry's pages, in Chinese and in English, the way the office and a grid member use them:
 * admin1 opens a community and appoints staff1 (and revokes someone appointed by mistake); staff1
 * adds an estate, imports a household file with a bad row (its error shown at the row, nothing
 * saved), then the corrected file as Excel saves it (GB18030, Chinese header) and the same file
 * again (no change), adds and changes a space, sets the rules, seats a committee member, accepts a
 * request to join, registers a resident without a phone, and reads it all in the audit log. Every
 * page is checked with axe; screenshots go to test/e2e/screenshots/registry-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { householdCsv, makePlatformAdmin } from '../support/admin.js';
import { registryAuditEn } from '../../web/src/lib/i18n/registry-audit-en.js';
import { registryAuditZh } from '../../web/src/lib/i18n/registry-audit-zh.js';
import { registryDeskEn } from '../../web/src/lib/i18n/registry-desk-en.js';
import { registryDeskZh } from '../../web/src/lib/i18n/registry-desk-zh.js';
import { registryEn } from '../../web/src/lib/i18n/registry-en.js';
import { registryZh } from '../../web/src/lib/i18n/registry-zh.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, switchLanguage } from './support/steps.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
  await makePlatformAdmin('admin1');
});
afterAll(async () => { await site?.close(); });

type Key = keyof typeof registryZh | keyof typeof registryDeskZh | keyof typeof registryAuditZh;
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');

/** Text as Excel saves it for a Chinese Windows: GB18030 bytes (built from the decoder, which Node has). */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  const bytes = [...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? []));
  expect(bytes.length).toBeGreaterThan(text.length);
  return Buffer.from(bytes);
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

async function devToken(userId: string): Promise<string> {
  const res = await fetch(`${site.url}/api/dev/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const langs = [
  { lang: 'zh-CN' as const, tag: 'zh', messages: { ...registryZh, ...registryDeskZh, ...registryAuditZh }, community: '试点社区', estate: '试点东区', space: '小花园' },
  { lang: 'en' as const, tag: 'en', messages: { ...registryEn, ...registryDeskEn, ...registryAuditEn }, community: '双语社区', estate: '双语西区', space: '读书角' },
];

describe.each(langs)('the registry pages in $lang', (l) => {
  const id = `pilot-${l.tag}`;
  const estateId = `${id}.east`;
  let context: BrowserContext;
  let page: Page;
  /** The page's words for `key`, from the catalogue the page itself uses. */
  const say = (key: Key, params: Record<string, string | number> = {}) =>
    (l.messages[key] as string).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  /** A field by the start of its label (the label goes on with "required" or "optional"). */
  const label = (key: Key) => new RegExp(`^${escape(say(key))}`);

  /** Signs `userId` in (the dev sign-in, as Cognito would) and opens `path` in this language. */
  async function openAs(userId: string, path: string): Promise<void> {
    await context?.close();
    ({ context, page } = await site.newPage({ width: 1024, height: 900 }));
    await page.goto('/');
    await ready(page);
    if (l.lang === 'en') await switchLanguage(page, 'en');
    const token = await devToken(userId);
    await page.evaluate(([t, u]) => localStorage.setItem('gongzhi.session', JSON.stringify({
      token: t, userId: u, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), provider: 'dev',
    })), [token, userId]);
    await go(path);
  }
  async function go(path: string): Promise<void> {
    await page.goto(path);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.lang);
  }
  afterAll(async () => { await context?.close(); });

  it('admin1 opens a community and appoints staff1', async () => {
    await openAs('admin1', '/admin');
    await page.getByRole('heading', { level: 1, name: say('reg.admin.title') }).waitFor();
    await page.getByRole('heading', { level: 3, name: l.lang === 'en' ? 'Cha-Ting Community' : '茶亭社区', exact: true }).waitFor();
    const create = page.getByRole('region', { name: say('reg.admin.createTitle') });
    // A wrong id is refused here, at the field, before anything is sent.
    await create.getByLabel(label('reg.admin.name')).fill(l.community);
    await create.getByLabel(label('reg.admin.id')).fill('Pilot One');
    await create.getByRole('button', { name: say('reg.admin.createSubmit') }).click();
    await create.getByText(say('reg.slugFormat')).waitFor();
    await expectAxeClean(page, 'admin, a refused form');
    await create.getByLabel(label('reg.admin.id')).fill(id);
    await create.getByLabel(label('reg.admin.district')).fill('莫愁湖街道');
    await create.getByRole('button', { name: say('reg.admin.createSubmit') }).click();
    await create.getByText(say('reg.admin.created', { name: l.community })).waitFor();
    await page.getByRole('link', { name: say('reg.admin.openDesk', { name: l.community }) }).waitFor();

    const staff = page.getByRole('region', { name: say('reg.admin.staffTitle') });
    await expect.poll(() => staff.getByLabel(label('reg.admin.whichCommunity')).inputValue()).toBe(id);
    await staff.getByText(say('reg.admin.noStaff')).waitFor();
    const appoint = async (userId: string, name: string) => {
      const form = staff.getByRole('region', { name: say('reg.admin.appointTitle') });
      await form.getByLabel(label('reg.roles.userId')).fill(userId);
      await form.getByLabel(label('reg.roles.displayName')).fill(name);
      await form.getByLabel(label('reg.evidence.label')).fill('街道办任命文件 2026 年第 12 号');
      await form.getByRole('button', { name: say('reg.admin.appointSubmit'), exact: true }).click();
      await form.getByText(say('reg.roles.granted', { user: name })).waitFor();
    };
    await appoint('staff1', '网格员小周');
    await appoint(`mistake-${l.tag}`, '误任命');
    // The one appointed by mistake is revoked, with the reason.
    const mistake = staff.getByRole('listitem').filter({ hasText: '误任命' });
    await mistake.getByText(say('reg.roles.revoke', { name: '误任命' })).click();
    await mistake.getByLabel(label('reg.roles.reason')).fill('任命对象写错了');
    await mistake.getByRole('button', { name: say('reg.roles.revokeSubmit') }).click();
    await expect.poll(() => staff.getByRole('listitem').filter({ hasText: '误任命' }).count()).toBe(0);
    await staff.getByRole('listitem').filter({ hasText: '网格员小周' }).waitFor();
    await expectAxeClean(page, 'admin');
    await screenshot(page, `registry-admin-${l.tag}`);
  });

  it('staff1 picks the new community on the hub; every desk keeps it', async () => {
    await openAs('staff1', `/staff?community=${id}`);
    await page.getByRole('heading', { level: 1, name: say('reg.hub.title') }).waitFor();
    const picker = page.getByLabel(label('reg.staff.community'));
    await expect.poll(() => picker.inputValue()).toBe(id);
    const codes = page.getByRole('link', { name: new RegExp(say('reg.hub.codes')) });
    expect(await codes.getAttribute('href')).toBe(`/staff/codes?community=${id}`);
    await expectAxeClean(page, 'staff hub');
    await screenshot(page, `registry-hub-${l.tag}`);
    await page.getByRole('link', { name: new RegExp(say('reg.hub.estates')) }).click();
    await page.getByRole('heading', { level: 1, name: say('reg.estates.title') }).waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe(`?community=${id}`);
  });

  it('staff1 adds an estate and imports its households: a bad row first, then the file Excel saved', async () => {
    await page.getByText(say('reg.estates.none')).waitFor();
    const create = page.getByRole('region', { name: say('reg.estates.createTitle') });
    await create.getByLabel(label('reg.estates.name')).fill(l.estate);
    await create.getByLabel(label('reg.estates.slug')).fill('east');
    await create.getByRole('button', { name: say('reg.estates.createSubmit') }).click();
    await create.getByText(say('reg.estates.created', { name: l.estate })).waitFor();
    await page.getByRole('heading', { level: 2, name: l.estate }).waitFor();

    const imports = page.getByRole('region', { name: say('reg.import.title') });
    await imports.getByRole('radio', { name: say('reg.import.fromPaste') }).check();
    await imports.getByLabel(label('reg.import.paste')).fill(householdCsv(40, { bad: 5 }));
    await imports.getByRole('button', { name: say('reg.import.submit') }).click();
    await imports.getByText(say('reg.import.refusedCount', { count: 1 })).waitFor();
    // The bad row, in place: line 7 (the header is line 1), its area cell marked with what is wrong.
    const row = imports.getByRole('listitem').filter({ has: page.getByRole('heading', { name: say('reg.csv.line', { line: 7 }) }) });
    await row.getByText('八十').waitFor();
    await row.locator('.cell.wrong').getByText(say('reg.csv.area')).waitFor();
    expect(await row.locator('.cell.wrong').count()).toBe(1);
    await expectAxeClean(page, 'estates, a refused file');
    await screenshot(page, `registry-import-refused-${l.tag}`);
    const estates = await (await fetch(`${site.url}/api/communities/${id}/estates`)).json() as { items: { households: number }[] };
    expect(estates.items[0]!.households).toBe(0);

    const chinese = householdCsv(40).replace(/^.*\n/, '楼栋,房号,面积,业主,租户,电话尾号\n');
    await imports.getByRole('radio', { name: say('reg.import.fromFile') }).check();
    await imports.getByLabel(label('reg.import.file')).setInputFiles({ name: '住户名单.csv', mimeType: 'text/csv', buffer: gb18030(chinese) });
    await imports.getByText(say('reg.import.chosen', { name: '住户名单.csv' })).waitFor();
    await imports.getByRole('button', { name: say('reg.import.submit') }).click();
    await imports.getByText(say('reg.import.counts', { added: 40, changed: 0, unchanged: 0 })).waitFor();
    expect(await imports.locator('[data-line]').count()).toBe(0);
    await page.getByText(say('reg.estates.summary', { households: 40, buildings: 1 })).waitFor();
    await imports.getByRole('button', { name: say('reg.import.submit') }).click();
    await imports.getByText(say('reg.import.same')).waitFor();
    await imports.getByText(say('reg.import.counts', { added: 0, changed: 0, unchanged: 40 })).waitFor();

    await page.getByText(say('reg.households.title'), { exact: true }).click();
    const table = page.getByRole('region', { name: say('reg.households.title') });
    await table.getByRole('rowheader', { name: say('reg.flat', { building: 1, room: 101 }) }).waitFor();
    await table.getByRole('cell', { name: '业主0;配偶0'.replace(';', '、') }).waitFor();
    await expectAxeClean(page, 'estates, imported');
  });

  it('staff1 seats a committee member with the filing record', async () => {
    const committee = page.getByRole('region', { name: say('reg.committee.title') });
    await committee.getByText(say('reg.committee.none')).waitFor();
    const form = committee.getByRole('region', { name: say('reg.committee.appointTitle') });
    await form.getByRole('button', { name: say('reg.committee.appointSubmit'), exact: true }).click();
    await form.getByLabel(label('reg.roles.userId')).and(page.locator(':focus')).waitFor();
    await form.getByLabel(label('reg.roles.userId')).fill(`chair-${l.tag}`);
    await form.getByLabel(label('reg.roles.displayName')).fill('业委会主任老陈');
    await form.getByLabel(label('reg.evidence.label')).fill('业委会备案表 2026-03 号');
    await form.getByRole('button', { name: say('reg.committee.appointSubmit'), exact: true }).click();
    await committee.getByRole('listitem').getByText('业委会主任老陈', { exact: true }).waitFor();
    await committee.getByText(say('reg.roles.evidenceWas', { evidence: '业委会备案表 2026-03 号' })).waitFor();
    await expectAxeClean(page, 'estates, committee');
    await screenshot(page, `registry-estates-${l.tag}`);
  });

  it('staff1 adds a space and changes its capacity', async () => {
    await go(`/staff/spaces?community=${id}`);
    await page.getByText(say('reg.spaces.none')).waitFor();
    const create = page.getByRole('region', { name: say('reg.spaces.createTitle') });
    await create.getByLabel(label('reg.spaces.id')).fill('garden');
    await create.getByLabel(label('reg.spaces.name')).fill(l.space);
    await create.getByLabel(label('reg.spaces.hours')).fill('8点到20点');
    await create.getByLabel(label('reg.spaces.capacity')).fill('25');
    await create.getByLabel(label('reg.spaces.access')).fill('有坡道，无台阶');
    await create.getByRole('button', { name: say('reg.spaces.createSubmit') }).click();
    await create.getByText(say('reg.spaces.hoursFormat')).waitFor();
    await create.getByLabel(label('reg.spaces.hours')).fill('08:00-20:00');
    await create.getByRole('button', { name: say('reg.spaces.createSubmit') }).click();
    await create.getByText(say('reg.spaces.created', { name: l.space })).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: l.space }) });
    await item.getByText(say('reg.spaces.facts', { hours: '08:00-20:00', capacity: 25 })).waitFor();
    await item.getByText(say('reg.spaces.edit', { name: l.space })).click();
    await item.getByLabel(label('reg.spaces.capacity')).fill('30');
    await item.getByRole('button', { name: say('reg.spaces.save') }).click();
    await item.getByText(say('reg.spaces.facts', { hours: '08:00-20:00', capacity: 30 })).waitFor();
    await expectAxeClean(page, 'spaces');
    await screenshot(page, `registry-spaces-${l.tag}`);
  });

  it('staff1 sets the participation rules', async () => {
    await go(`/staff/settings?community=${id}`);
    const form = page.getByRole('region', { name: say('reg.settings.formTitle') });
    await form.getByLabel(label('reg.settings.threshold')).fill('二十');
    await form.getByRole('button', { name: say('reg.settings.save') }).click();
    await form.getByText(say('reg.settings.range', { range: '1–100000' })).waitFor();
    await form.getByLabel(label('reg.settings.threshold')).fill('25');
    const comments = form.getByRole('group', { name: say('reg.settings.perDayTitle') }).getByLabel(label('reg.settings.commentsPerDay'));
    expect(await comments.inputValue(), 'the daily limit as the community has it').toBe('50');
    await comments.fill('-1');
    await form.getByRole('button', { name: say('reg.settings.save') }).click();
    await form.getByText(say('reg.settings.range', { range: '0–10000' })).waitFor();
    await comments.fill('40');
    await form.getByRole('button', { name: say('reg.settings.save') }).click();
    await form.getByText(say('reg.settings.saved')).waitFor();
    const saved = await fetch(`${site.url}/api/communities`).then((r) => r.json()) as { items: { id: string; settings: Record<string, number> }[] };
    expect(saved.items.find((c) => c.id === id)?.settings).toMatchObject({ supportThreshold: 25, commentsPerDay: 40, proposalsPerDay: 5 });
    await expectAxeClean(page, 'settings');
    await screenshot(page, `registry-settings-${l.tag}`);
  });

  it('staff1 accepts a request to join, with the evidence seen', async () => {
    const asker = `asker-${l.tag}`;
    const res = await fetch(`${site.url}/api/me/household-requests`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(asker)}` },
      body: JSON.stringify({ estateId, building: '1', room: '102', relation: 'tenant', displayName: '租客小林', note: '合同在手机上', consent: { notice: '2026-12' } }),
    });
    expect(res.status).toBe(201);
    await go(`/staff/requests?community=${id}`);
    const waiting = page.getByRole('region', { name: say('reg.requests.pending', { count: 1 }) });
    const form = waiting.getByRole('form', { name: say('reg.requests.decideFor', { name: '租客小林' }) });
    await waiting.getByText(say('reg.requests.note', { note: '合同在手机上' })).waitFor();
    await form.getByRole('button', { name: say('reg.requests.submit') }).click();
    await form.getByText(say('reg.requests.choose')).waitFor();
    await expectAxeClean(page, 'requests, a refused decision');
    await form.getByRole('radio', { name: say('reg.requests.accept'), exact: true }).check();
    await form.getByLabel(label('reg.requests.evidence')).fill('看了租房合同原件');
    await form.getByRole('button', { name: say('reg.requests.submit') }).click();
    const decided = page.getByRole('region', { name: say('reg.requests.decided', { count: 1 }) });
    await decided.getByText(say('reg.requests.status.accepted')).waitFor();
    await page.getByText(say('reg.requests.nonePending')).waitFor();
    await expectAxeClean(page, 'requests');
    await screenshot(page, `registry-requests-${l.tag}`);
  });

  it('staff1 registers a resident without a phone, birth year only with consent', async () => {
    await go(`/staff/people?community=${id}`);
    await page.getByText(say('reg.people.none')).waitFor();
    const form = page.getByRole('region', { name: say('reg.people.registerTitle') });
    await form.getByLabel(label('reg.people.name')).fill('李奶奶');
    await form.getByRole('button', { name: say('reg.people.registerSubmit') }).click();
    await form.getByText(say('reg.people.chooseFlat')).waitFor();
    await form.getByText(say('reg.people.chooseRelation')).waitFor();
    expect(await form.getByLabel(label('reg.people.birthYear')).count()).toBe(0);
    await form.getByLabel(label('reg.people.flat')).selectOption({ label: say('reg.flat', { building: 1, room: 103 }) });
    await form.getByRole('radio', { name: say('reg.relation.family') }).check();
    await form.getByRole('checkbox').check();
    await form.getByLabel(label('reg.people.birthYear')).fill('1945');
    await form.getByLabel(label('reg.evidence.label')).fill('本人到服务站登记，签了纸质同意书第 12 号（含出生年份）');
    await form.getByRole('button', { name: say('reg.people.registerSubmit') }).click();
    await form.getByText(say('reg.people.registeredDone', { name: '李奶奶' })).waitFor();
    const person = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '李奶奶' }) });
    await person.getByText(say('reg.people.birthYearIs', { year: 1945 })).waitFor();
    await expectAxeClean(page, 'people');
    await screenshot(page, `registry-people-${l.tag}`);
  });

  it('the audit log shows who did what, when and on what evidence, page by page', async () => {
    // Ten more changes of the rules, so the log runs to a second page.
    const token = await devToken('staff1');
    for (let days = 1; days <= 10; days++) {
      const res = await fetch(`${site.url}/api/communities/${id}/settings`, {
        method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ supportThreshold: 25, supportLimit: 0, noticePeriodDays: days }),
      });
      expect(res.status).toBe(200);
    }
    await go(`/staff/audit?community=${id}`);
    const log = page.getByRole('list', { name: say('reg.audit.listLabel') });
    await log.getByRole('listitem').nth(19).waitFor();
    expect(await log.getByRole('listitem').count()).toBe(20);
    await expectAxeClean(page, 'audit, first page');
    await page.getByRole('button', { name: say('reg.audit.more') }).click();
    await page.getByText(say('reg.audit.end')).waitFor();
    for (const key of ['reg.audit.a.communityCreate', 'reg.audit.a.staffGrant', 'reg.audit.a.staffRevoke', 'reg.audit.a.estateCreate',
      'reg.audit.a.householdsImport', 'reg.audit.a.committeeGrant', 'reg.audit.a.spaceCreate', 'reg.audit.a.spaceChange',
      'reg.audit.a.settingsChange', 'reg.audit.a.householdAccept', 'reg.audit.a.personRegister'] as const) {
      await log.getByRole('heading', { name: label(key) }).first().waitFor();
    }
    await log.getByText(say('reg.audit.evidence', { evidence: '任命对象写错了' })).waitFor();
    await log.getByText(/(操作人：admin1|by admin1)$/).first().waitFor();
    expect(await log.getByRole('listitem').count()).toBeGreaterThan(20);
    await expectAxeClean(page, 'audit');
    await screenshot(page, `registry-audit-${l.tag}`);
  });

  it('every page reads on a phone in elder mode, and stays accessible', async () => {
    await openAs('staff1', `/staff?community=${id}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: l.lang === 'en' ? 'Elder mode' : '长辈模式' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    const pages = [['hub', '/staff', 'reg.hub.title'], ['estates', '/staff/estates', 'reg.estates.title'], ['spaces', '/staff/spaces', 'reg.spaces.title'],
      ['settings', '/staff/settings', 'reg.settings.title'], ['requests', '/staff/requests', 'reg.requests.title'],
      ['people', '/staff/people', 'reg.people.title'], ['audit', '/staff/audit', 'reg.audit.title']] as const;
    for (const [name, path, title] of pages) {
      await go(`${path}?community=${id}`);
      await page.getByRole('heading', { level: 1, name: say(title) }).waitFor();
      await page.getByText(say('reg.staff.community')).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits the phone's width`).toBeLessThanOrEqual(390);
      await expectAxeClean(page, `${name} on a phone`);
      await screenshot(page, `registry-phone-${name}-${l.tag}`);
    }
  });

  it('a resident is told the desks are not theirs', async () => {
    await openAs('resident1', `/staff/estates?community=${id}`);
    await page.getByText(say('reg.staff.notStaff')).waitFor();
    await go('/admin');
    await page.getByText(say('reg.admin.notAllowed')).waitFor();
    await expectAxeClean(page, 'admin, refused');
  });
});
