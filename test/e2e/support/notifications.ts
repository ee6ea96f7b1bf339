/**
 * The notifications journey (issue #15), the same in Chinese and English: a resident gives a mobile
 * number in her settings (a wrong one first, refused under its field); staff book a resident who
 * has no account onto an activity on her behalf and cancel it for rain, through the activity page;
 * the resident sees the bell's count, opens the inbox (read aloud), follows the notification to the
 * activity and the count is gone; the SMS is in the development outbox, its one-tap link unsubscribes
 * her only when she presses the button; the grid member's call list shows the offline resident and
 * records that she was told. Earlier notifications come by cursor; "mark all read". Every new page is
 * checked with axe; screenshots go to test/e2e/screenshots/notifications-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { NotificationSettings, OutboxList } from '../../../functions/contracts/notifications.js';
import { Api } from '../../support/platform.js';
import { bellEn } from '../../../web/src/lib/i18n/bell-en.js';
import { bellZh } from '../../../web/src/lib/i18n/bell-zh.js';
import { callsEn } from '../../../web/src/lib/i18n/calls-en.js';
import { callsZh } from '../../../web/src/lib/i18n/calls-zh.js';
import { en } from '../../../web/src/lib/i18n/en.js';
import { formsEn } from '../../../web/src/lib/i18n/forms-en.js';
import { formsZh } from '../../../web/src/lib/i18n/forms-zh.js';
import { notificationsEn } from '../../../web/src/lib/i18n/notifications-en.js';
import { notificationsZh } from '../../../web/src/lib/i18n/notifications-zh.js';
import { registryEn } from '../../../web/src/lib/i18n/registry-en.js';
import { registryZh } from '../../../web/src/lib/i18n/registry-zh.js';
import { staffEn } from '../../../web/src/lib/i18n/staff-en.js';
import { staffZh } from '../../../web/src/lib/i18n/staff-zh.js';
import { zh } from '../../../web/src/lib/i18n/zh.js';
import { beijingDate, nextMonday, plusDays } from './activities.js';
import { startSite, type Site } from './site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './steps.js';

export interface NotificationTexts {
  lang: 'zh-CN' | 'en';
  tag: 'zh' | 'en';
  /** The resident who books and is told by SMS; another one whose inbox runs to a second page. */
  resident: string;
  many: string;
  activity: string;
  reason: string;
  offline: { name: string; contact: string };
  /** The notification's own words (functions/notifications/messages.ts). */
  cancelledTitle: string;
  languageChoice: string;
}

type Messages = Record<string, string>;
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');

export function notificationSuite(x: NotificationTexts): void {
  const messages: Messages = x.lang === 'en'
    ? { ...en, ...formsEn, ...staffEn, ...registryEn, ...bellEn, ...notificationsEn, ...callsEn }
    : { ...zh, ...formsZh, ...staffZh, ...registryZh, ...bellZh, ...notificationsZh, ...callsZh };
  /** The page's words for `key`, from the catalogue the page itself uses. */
  const say = (key: string, params: Record<string, string | number> = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  /** A field by the start of its label (it goes on with "required" or "optional"). */
  const label = (key: string) => new RegExp(`^${escape(say(key))}`);

  let site: Site;
  let api: Api;
  let activityPath = '';
  let offlineId = '';
  let staffName = '';
  const contexts: BrowserContext[] = [];

  async function call<T = unknown>(who: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const r = await api.call<T>(method, path, { ...(who ? { token: await api.signIn(who) } : {}), ...(body !== undefined ? { body } : {}) });
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  }
  /** The notifier runs shortly after each write; running it now makes the test deterministic. */
  const runNotifier = () => call(null, 'POST', '/api/dev/notifier', {});
  const settingsOf = async (who: string) => NotificationSettings.parse(await call(who, 'GET', '/api/me/notification-settings'));

  async function activity(title: string, day: string, time = '10:00'): Promise<string> {
    const end = `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}${time.slice(2)}`;
    const made = await call<{ id: string }>('staff1', 'POST', '/api/activities', {
      spaceId: 'dynamic-paradise', title, capacity: 10,
      startsAt: new Date(`${day}T${time}:00+08:00`).toISOString(), endsAt: new Date(`${day}T${end}:00+08:00`).toISOString(),
    });
    return made.id;
  }

  beforeAll(async () => {
    site = await startSite();
    api = new Api(site.url);
    const users = await call<{ items: { id: string; displayName: string }[] }>(null, 'GET', '/api/dev/users');
    staffName = users.items.find((u) => u.id === 'staff1')!.displayName;
    // What the demo data told them already is read first, so the counts below are this test's.
    await runNotifier();
    for (const who of [x.resident, x.many]) await call(who, 'POST', '/api/me/notifications/read', { all: true });
    const id = await activity(x.activity, plusDays(nextMonday(), 2), '18:00');
    activityPath = `/activities/${id}`;
    expect((await api.call('POST', `/api/activities/${id}/bookings`, { token: await api.signIn(x.resident), body: {} })).status).toBe(201);
    // A resident with no account, registered by the grid member in the resident's household.
    const me = await call<{ households: { id: string }[] }>(x.resident, 'GET', '/api/me');
    const person = await call<{ id: string }>('staff1', 'POST', '/api/communities/chating/people', {
      displayName: x.offline.name, householdId: me.households[0]!.id, relation: 'family', contactNote: x.offline.contact, evidence: '网格员上门登记',
    });
    offlineId = person.id;
    expect(offlineId).toMatch(/^p-/);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await site?.close();
  });

  /** A fresh browser in the journey's language, signed in as `userId` (or a visitor), at `path`. */
  async function open(userId: string | null, path: string, opts: { speech?: boolean } = {}): Promise<Page> {
    const { context, page } = await site.newPage();
    contexts.push(context);
    // Headless Chromium has no voices: record what would be spoken.
    if (opts.speech) {
      await context.addInitScript(() => {
        const spoken: { text: string; lang: string }[] = [];
        (window as unknown as { spoken: typeof spoken }).spoken = spoken;
        Object.defineProperty(window, 'speechSynthesis', {
          value: {
            speak: (u: SpeechSynthesisUtterance) => { spoken.push({ text: u.text, lang: u.lang }); },
            cancel: () => undefined, pause: () => undefined, resume: () => undefined, getVoices: () => [],
          },
        });
      });
    }
    await page.goto('/');
    await ready(page);
    if (x.lang === 'en') await switchLanguage(page, 'en');
    if (userId) await signInAs(page, userId, path);
    else await page.goto(path);
    await ready(page);
    return page;
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    const violations = await axeViolations(page);
    expect(violations, `${what} (${x.lang}):\n${describeViolations(violations)}`).toEqual([]);
  }
  const bell = (page: Page) => page.locator('header').getByRole('link', { name: new RegExp(`^${escape(say('bell.word'))}`) });

  describe(`notifications, in ${x.lang}`, () => {
    it('a resident gives her mobile number: a wrong one is refused under its field, the right one saved', async () => {
      const page = await open(x.resident, '/me/notification-settings');
      await page.getByRole('heading', { level: 1, name: say('nset.title') }).waitFor();
      const phone = page.getByLabel(label('nset.phone'));
      await phone.waitFor();
      await page.getByRole('radio', { name: x.languageChoice }).check();
      await phone.fill('12345');
      // SMS at night too: the test must not wait for 08:00 whenever it runs.
      await page.getByRole('checkbox', { name: say('nset.night') }).check();
      await page.getByRole('button', { name: say('nset.save') }).click();
      await page.getByText(say('nset.phoneInvalid')).waitFor();
      await page.getByRole('alert').getByText(say('nset.fix')).waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => phone.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'settings with an error');
      await screenshot(page, `notifications-settings-errors-${x.tag}`);

      await phone.fill('138 0000 1234');
      const group = page.getByRole('group', { name: say('nkind.activity.cancelled') });
      expect(await group.getByRole('checkbox', { name: say('nset.bySms') }).isChecked()).toBe(true);
      await page.getByRole('button', { name: say('nset.save') }).click();
      await page.getByText(say('nset.saved')).waitFor();
      expect(await phone.inputValue()).toBe('+8613800001234');
      expect(await settingsOf(x.resident)).toMatchObject({ phone: '+8613800001234', smsAtNight: true, viaGridMember: false, language: x.tag });
      await expectAccessible(page, 'settings saved');
      await screenshot(page, `notifications-settings-${x.tag}`);
    });

    it('visitors have no bell; staff book the offline resident on her behalf and cancel the activity for rain', async () => {
      const visitor = await open(null, '/');
      await visitor.locator('header').getByRole('link', { name: say('auth.signIn') }).waitFor();
      expect(await bell(visitor).count()).toBe(0);

      const page = await open('staff1', activityPath);
      const tools = page.getByRole('region', { name: say('staffAct.title') });
      await tools.getByRole('heading', { name: say('staffAct.bookForTitle') }).waitFor();
      await tools.getByLabel(label('behalf.userId')).fill(offlineId);
      await tools.getByLabel(label('behalf.evidence')).fill('电话预约，本人同意');
      await tools.getByRole('button', { name: say('staffAct.bookFor') }).click();
      await tools.getByText(say('staffAct.bookedFor', { userId: offlineId })).waitFor();
      await tools.getByLabel(label('staffAct.reason')).fill(x.reason);
      await tools.getByRole('button', { name: say('staffAct.cancelSubmit') }).click();
      await page.getByText(say('activity.cancelledNotice')).first().waitFor();
      await runNotifier();
    });

    it('the resident sees the bell count, opens the inbox (read aloud) and follows the notification', async () => {
      const page = await open(x.resident, '/', { speech: true });
      await bell(page).and(page.getByRole('link', { name: say('bell.unread', { count: 1 }) })).waitFor();
      await expectAccessible(page, 'home with the bell');
      await screenshot(page, `notifications-bell-${x.tag}`);
      await bell(page).click();
      await page.waitForURL((u) => u.pathname === '/me/notifications');
      await page.getByRole('heading', { level: 1, name: say('inbox.title') }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: x.reason });
      await item.getByText(say('inbox.new'), { exact: true }).waitFor();
      await item.getByRole('link', { name: x.cancelledTitle }).waitFor();
      await page.getByText(say('inbox.unread', { count: 1 })).waitFor();
      expect(await bell(page).getAttribute('aria-current')).toBe('page');
      await expectAccessible(page, 'inbox');
      await screenshot(page, `notifications-inbox-${x.tag}`);

      await page.getByRole('button', { name: say('readAloud.start') }).click();
      const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
      await expect.poll(async () => (await spoken()).length).toBeGreaterThan(1);
      const said = await spoken();
      expect(said[0]).toEqual({ text: say('inbox.title'), lang: x.lang === 'en' ? 'en-GB' : 'zh-CN' });
      expect(said.some((s) => s.text.includes(x.reason)), 'the notification is read').toBe(true);
      expect(said.some((s) => s.text.includes(say('inbox.settings'))), 'links marked data-no-read are not').toBe(false);
      await page.getByRole('button', { name: say('readAloud.stop') }).click();

      await item.getByRole('link', { name: x.cancelledTitle }).click();
      await page.waitForURL((u) => u.pathname === activityPath);
      await page.getByText(say('activity.cancelledNotice')).first().waitFor();
      await page.getByRole('link', { name: say('bell.none') }).waitFor();
    });

    it('the SMS is in the development outbox; its link unsubscribes her only when she presses the button', async () => {
      const page = await open(null, '/dev/outbox');
      await page.getByRole('heading', { level: 1, name: say('outbox.title') }).waitFor();
      const sms = page.getByRole('article').filter({ hasText: '+8613800001234' });
      await sms.first().waitFor();
      expect(await sms.count()).toBe(1);
      const text = await sms.innerText();
      expect(text).toContain(x.reason);
      expect(text).toContain(say('outbox.sms'));
      await expectAccessible(page, 'development outbox');
      await screenshot(page, `notifications-outbox-${x.tag}`);
      const outbox = OutboxList.parse(await call(null, 'GET', '/api/dev/outbox')).items.filter((m) => m.to === '+8613800001234');
      expect(outbox).toHaveLength(1);
      const token = /\/unsubscribe\?t=([A-Za-z0-9_-]+)/.exec(outbox[0]!.text)![1]!;

      const tap = await open(null, `/unsubscribe?t=${token}`);
      await tap.getByRole('heading', { level: 1, name: say('unsub.title') }).waitFor();
      const button = tap.getByRole('button', { name: say('unsub.button') });
      await button.waitFor();
      // Opening the link (as a link scanner would) changed nothing.
      expect((await settingsOf(x.resident)).viaGridMember).toBe(false);
      await expectAccessible(tap, 'unsubscribe, before the tap');
      await screenshot(tap, `notifications-unsubscribe-${x.tag}`);
      await button.click();
      await tap.getByRole('status').getByText(say('unsub.done.sms')).waitFor();
      await expectAccessible(tap, 'unsubscribe, done');
      await screenshot(tap, `notifications-unsubscribed-${x.tag}`);
      // No channel reaches her now: her grid member tells her, and her settings page says so.
      expect((await settingsOf(x.resident)).viaGridMember).toBe(true);
      const settings = await open(x.resident, '/me/notification-settings');
      await settings.getByText(say('nset.viaGridMember')).waitFor();
    });

    it('the grid member\'s call list shows the offline resident; staff mark her told', async () => {
      const page = await open('staff1', '/staff');
      await page.getByRole('link', { name: new RegExp(escape(say('reg.hub.calls'))) }).click();
      await page.getByRole('heading', { level: 1, name: say('calls.title') }).waitFor();
      expect(await page.getByLabel(label('calls.date')).inputValue()).toBe(beijingDate(Date.now()));
      const entry = page.getByRole('article', { name: x.offline.name });
      await entry.waitFor();
      await entry.getByText(x.offline.contact).waitFor();
      await entry.getByText(x.cancelledTitle, { exact: true }).waitFor();
      await entry.getByText(new RegExp(escape(x.reason))).waitFor();
      expect(new URL(await entry.getByRole('link', { name: say('calls.open') }).evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(activityPath);
      await expectAccessible(page, 'call list');
      await screenshot(page, `notifications-call-list-${x.tag}`);
      await entry.getByLabel(label('calls.note')).fill('上门告知');
      await entry.getByRole('button', { name: say('calls.toldWho', { name: x.offline.name }) }).click();
      const toldBy = say('calls.toldBy', { who: staffName }).split('{time}')[0]!;
      await entry.getByText(new RegExp(`^${escape(toldBy)}`)).waitFor();
      expect(await entry.getByRole('button').count()).toBe(0);
      await expectAccessible(page, 'call list, told');
      await screenshot(page, `notifications-call-list-told-${x.tag}`);

      // The record stays: after a reload the list still says who told her.
      await page.reload();
      await ready(page);
      await page.getByRole('article', { name: x.offline.name }).getByText(new RegExp(`^${escape(toldBy)}`)).waitFor();
    });

    it('earlier notifications come by cursor, and all can be marked read at once', async () => {
      const start = plusDays(nextMonday(), 7);
      for (let i = 0; i < 21; i++) {
        const id = await activity(`${x.activity} #${i + 1}`, plusDays(start, i), '08:00');
        await call(x.many, 'POST', `/api/activities/${id}/bookings`, {});
        await call('staff1', 'POST', `/api/activities/${id}/cancel`, { reason: x.reason });
      }
      await runNotifier();
      // Besides these 21, what the demo data told them before (already read).
      const all = (await call<{ items: unknown[] }>(x.many, 'GET', '/api/me/notifications?limit=50')).items.length;
      expect(all).toBeGreaterThan(21);
      expect(all).toBeLessThanOrEqual(40);
      const page = await open(x.many, '/me/notifications');
      const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: x.cancelledTitle }) });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(20);
      await page.getByText(say('inbox.unread', { count: 21 })).waitFor();
      await page.getByRole('button', { name: say('inbox.more') }).click();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(all);
      // The keyboard's place moves to the first of the earlier ones.
      expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#inbox li')[20])).toBe(true);
      expect(await page.getByRole('button', { name: say('inbox.more') }).count()).toBe(0);
      await page.getByRole('button', { name: say('inbox.markAll') }).click();
      await page.getByText(say('inbox.markedAll')).waitFor();
      await page.getByText(say('inbox.allRead')).waitFor();
      expect(await page.getByText(say('inbox.new'), { exact: true }).count()).toBe(0);
      await bell(page).and(page.getByRole('link', { name: say('bell.none') })).waitFor();
      await expectAccessible(page, 'inbox, all read');
    });
  });
}
