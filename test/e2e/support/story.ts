/**
 * The whole story of one proposal, told through the browser the way people would do it, in the
 * language the texts are written in: a resident proposes; 28 neighbours back it through the API, a
 * grid member records one more from a paper form and a resident presses the button for the 30th,
 * which sends it to review; the committee accepts it with a plan; a resident objects and the
 * committee responds; the notice period ends (dev clock + 8 days); work starts, two milestones,
 * a before and an after photo, completion; the public record names who did each step. Alongside:
 * a comment and a reply, a report, and a hide from the moderation queue that the public then sees.
 * axe-core runs at each state; screenshots go to test/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Api } from '../../support/platform.js';
import { solidPng } from './png.js';
import { startSite, type Site } from './site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './steps.js';
import { scrollToEveryPart } from './lazy.js';

export interface StoryTexts {
  lang: 'zh-CN' | 'en';
  tag: string;
  proposal: { title: string; description: string; category: string; location: string; cost: string };
  form: { title: string; description: string; location: string; cost: string; submit: string };
  supportRegion: string;
  back: string;
  status: { open: string; underReview: string; accepted: string; inProgress: string; completed: string };
  stepsNow: (status: string) => string;
  toolsRegion: string;
  behalf: { user: string; evidence: string; submit: string; timeline: (name: string) => string; evidenceLine: (e: string) => string };
  answer: {
    accept: string; cost: string; funding: string[]; start: string; end: string; submit: string; note: string;
    shownCost: string; noticeUntil: string; final: string;
  };
  objection: { reason: string; submit: string; text: string; waiting: string; respondLabel: (name: string) => string; respond: string; response: string };
  start: { submit: string };
  milestone: { name: string; date: string; progress: string; submit: string; first: string; second: string; percent: (n: number) => string };
  photo: { kind: (k: 'before' | 'after') => string; file: string; caption: string; submit: string; captions: { before: string; after: string } };
  complete: { outcome: string; submit: string; text: string };
  timelineRegion: string;
  events: {
    created: string; backedOnBehalf: string; threshold: string; answered: string; objected: string; responded: string;
    started: string; milestone: string; photo: string; completed: string;
  };
  comments: { field: string; send: string; reply: string; replyField: (name: string) => string; sendReply: string; first: string; second: string };
  report: { button: string; reason: string; submit: string; thanks: string; text: string };
  desk: { link: string; heading: string; awaiting: string; reports: string; hide: string; reason: string; submit: string; hideReason: string };
  hiddenNotice: (reason: string) => string;
}

interface DevUser { id: string; displayName: string }

export function storySuite(x: StoryTexts): void {
  let site: Site;
  let api: Api;
  let names: Map<string, string>;
  let path = '';
  const name = (id: string) => names.get(id) ?? id;

  beforeAll(async () => {
    site = await startSite();
    api = new Api(site.url);
    const users = (await api.call<{ items: DevUser[] }>('GET', '/api/dev/users')).body.items;
    names = new Map(users.map((u) => [u.id, u.displayName]));
  });
  afterAll(async () => { await site?.close(); });

  /** A fresh browser context in the story's language, signed in as `userId` (or a visitor). */
  async function as(userId: string | null, at = '/'): Promise<{ page: Page; done: () => Promise<void> }> {
    const { context, page } = await site.newPage();
    await page.goto('/');
    await ready(page);
    if (x.lang === 'en') await switchLanguage(page, 'en');
    if (userId) await signInAs(page, userId, at);
    else {
      await page.goto(at);
      await ready(page);
    }
    if (/^\/proposals\/[0-9A-HJKMNP-TV-Z]{26}$/.test(at)) await readWhole(page);
    return { page, done: () => context.close() };
  }

  /**
   * A proposal's parts below a phone's first screen (details, answer, work, record, comments)
   * load as the reader scrolls near them: read the page to its end, as the people in the story do.
   */
  async function readWhole(page: Page): Promise<void> {
    await page.locator('#proposal h1').waitFor();
    await scrollToEveryPart(page);
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    const violations = await axeViolations(page);
    expect(violations, `${what} (${x.lang}):\n${describeViolations(violations)}`).toEqual([]);
  }

  const tools = (page: Page) => page.getByRole('region', { name: x.toolsRegion });
  const timeline = (page: Page) => page.getByRole('region', { name: x.timelineRegion });
  const statusNow = (page: Page, status: string) => page.getByText(x.stepsNow(status), { exact: true }).waitFor();
  /** Waits for the tools' confirmation (role=status) after a step. */
  const confirmed = (page: Page) => tools(page).getByRole('status').locator('.notice').waitFor();

  describe(`the story of a proposal, in ${x.lang}`, () => {
    it('a resident proposes through the form', async () => {
      const { page, done } = await as('resident1', '/proposals/new');
      await page.getByLabel(x.form.title).fill(x.proposal.title);
      await page.getByLabel(x.form.description).fill(x.proposal.description);
      await page.getByRole('radio', { name: x.proposal.category }).check();
      await page.getByLabel(x.form.location).fill(x.proposal.location);
      await page.getByLabel(x.form.cost).fill(x.proposal.cost);
      await page.getByRole('button', { name: x.form.submit }).click();
      await page.waitForURL(/\/proposals\/[0-9A-HJKMNP-TV-Z]{26}$/);
      path = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: x.proposal.title }).waitFor();
      await statusNow(page, x.status.open);
      await readWhole(page);
      // Residents are not sent the committee's tools at all.
      await page.getByRole('region', { name: x.timelineRegion }).waitFor();
      expect(await tools(page).count()).toBe(0);
      await expectAccessible(page, 'proposal page, open, its author');
      await done();
    });

    it('28 neighbours back it, staff record one from paper, and the 30th backing sends it to review', async () => {
      const id = path.split('/').pop()!;
      for (let n = 2; n <= 29; n++) {
        const r = await api.call('PUT', `/api/proposals/${id}/support`, { token: await api.signIn(`resident${n}`) });
        expect(r.status, `resident${n} backs`).toBe(200);
      }
      const staff = await as('staff1', path);
      await tools(staff.page).waitFor();
      await staff.page.getByLabel(x.behalf.user).fill('resident30');
      await staff.page.getByLabel(x.behalf.evidence).fill('纸质表格第 12 号，本人签字');
      await staff.page.getByRole('button', { name: x.behalf.submit }).click();
      await confirmed(staff.page);
      await timeline(staff.page).getByText(x.behalf.timeline(name('resident30'))).waitFor();
      await staff.done();

      const { page, done } = await as('resident31', path);
      const support = page.getByRole('region', { name: x.supportRegion });
      await support.getByText(/^29 /).waitFor();
      await page.getByRole('button', { name: x.back }).click();
      await statusNow(page, x.status.underReview);
      await support.getByText(/^30 /).waitFor();
      await expectAccessible(page, 'proposal page, under review, a resident');
      await done();
    });

    it('the committee accepts it with a plan', async () => {
      const { page, done } = await as('committee1', path);
      const panel = tools(page);
      await panel.waitFor();
      await expectAccessible(page, 'proposal page, under review, committee tools');
      await panel.getByRole('radio', { name: x.answer.accept, exact: true }).check();
      await panel.getByLabel(x.answer.cost).fill('18000');
      for (const f of x.answer.funding) await panel.getByRole('checkbox', { name: f }).check();
      await panel.getByLabel(x.answer.start).fill('2026-12-10');
      await panel.getByLabel(x.answer.end).fill('2027-01-20');
      await page.locator('#answer-note').fill(x.answer.note);
      await expectAccessible(page, 'proposal page, the answer form filled in');
      await screenshot(page, `proposal-answer-form-${x.tag}`);
      await panel.getByRole('button', { name: x.answer.submit }).click();
      await confirmed(page);
      await statusNow(page, x.status.accepted);
      await readWhole(page);
      const answer = page.locator('section[aria-labelledby="answer-title"]');
      await answer.getByText(x.answer.shownCost).waitFor();
      await answer.getByText(x.answer.noticeUntil).waitFor();
      await done();
    });

    it('a resident objects during the notice period, and the committee responds', async () => {
      const resident = await as('resident5', path);
      await resident.page.getByText(x.answer.noticeUntil).waitFor();
      await expectAccessible(resident.page, 'proposal page, notice period, objection form');
      await screenshot(resident.page, `proposal-notice-period-${x.tag}`);
      await resident.page.getByLabel(x.objection.reason).fill(x.objection.text);
      await resident.page.getByRole('button', { name: x.objection.submit }).click();
      await resident.page.getByText(x.objection.waiting, { exact: true }).waitFor();
      await resident.done();

      const { page, done } = await as('committee1', path);
      await page.getByText(x.objection.text).first().waitFor();
      await expectAccessible(page, 'proposal page, an objection to respond to');
      await page.getByLabel(x.objection.respondLabel(name('resident5'))).fill(x.objection.response);
      await page.getByRole('button', { name: x.objection.respond }).click();
      await page.getByText(x.objection.response).first().waitFor();
      expect(await page.getByText(x.objection.waiting, { exact: true }).count()).toBe(0);
      // The notice period still runs: work cannot start yet.
      expect(await tools(page).getByRole('button', { name: x.start.submit }).isDisabled()).toBe(true);
      await done();
    });

    it('after the notice period the committee starts, records milestones and photos, and completes', async () => {
      const clock = await api.call<{ now: string }>('POST', '/api/dev/clock', { body: { advanceDays: 8 } });
      expect(clock.status).toBe(200);
      const { page, done } = await as('committee1', path);
      await page.getByText(x.answer.final).waitFor();
      const panel = tools(page);
      await panel.getByRole('button', { name: x.start.submit }).click();
      await statusNow(page, x.status.inProgress);
      await readWhole(page);

      for (const [title, progress] of [[x.milestone.first, '30'], [x.milestone.second, '70']] as const) {
        await panel.getByLabel(x.milestone.name).fill(title);
        await panel.getByLabel(x.milestone.date).fill(progress === '30' ? '2026-12-15' : '2027-01-05');
        await panel.getByLabel(x.milestone.progress).fill(progress);
        await panel.getByRole('button', { name: x.milestone.submit }).click();
        await page.getByRole('progressbar').and(page.locator(`[aria-valuenow="${progress}"]`)).waitFor();
      }

      for (const [kind, colour] of [['before', [150, 120, 90]], ['after', [60, 150, 80]]] as const) {
        await panel.getByRole('radio', { name: x.photo.kind(kind), exact: true }).check();
        await panel.getByLabel(x.photo.file).setInputFiles({ name: `${kind}.png`, mimeType: 'image/png', buffer: solidPng(64, 48, [...colour]) });
        await panel.getByLabel(x.photo.caption).fill(x.photo.captions[kind]);
        await panel.getByRole('button', { name: x.photo.submit }).click();
        await page.getByRole('img', { name: x.photo.captions[kind] }).waitFor();
      }
      // The photos are real files served back, not broken links.
      for (const caption of Object.values(x.photo.captions)) {
        const loaded = await page.getByRole('img', { name: caption }).evaluate(async (img: HTMLImageElement) => {
          img.loading = 'eager';
          await img.decode().catch(() => undefined);
          return img.naturalWidth;
        });
        expect(loaded, caption).toBeGreaterThan(0);
      }
      await expectAccessible(page, 'proposal page, in progress, committee tools');
      await screenshot(page, `proposal-in-progress-tools-${x.tag}`);

      await panel.getByLabel(x.complete.outcome).fill(x.complete.text);
      await panel.getByRole('button', { name: x.complete.submit }).click();
      await statusNow(page, x.status.completed);
      await page.getByText(x.complete.text).first().waitFor();
      await done();
    });

    it('comments, a reply, a report and a hide from the moderation queue that the public sees', async () => {
      const first = await as('resident6', path);
      await first.page.getByLabel(x.comments.field).fill(x.comments.first);
      await first.page.getByRole('button', { name: x.comments.send }).click();
      await first.page.getByRole('article', { name: new RegExp(name('resident6')) }).getByText(x.comments.first).waitFor();
      await first.done();

      const second = await as('resident7', path);
      const top = second.page.getByRole('article', { name: new RegExp(name('resident6')) });
      await top.getByRole('button', { name: new RegExp(`^${x.comments.reply}`) }).click();
      await second.page.getByLabel(x.comments.replyField(name('resident6'))).fill(x.comments.second);
      await second.page.getByRole('button', { name: x.comments.sendReply }).click();
      await second.page.getByText(x.comments.second).waitFor();
      await second.done();

      const reporter = await as('resident8', path);
      const reply = reporter.page.getByRole('article', { name: new RegExp(name('resident7')) });
      await reply.getByRole('button', { name: x.report.button, exact: true }).click();
      await reply.getByLabel(x.report.reason).fill(x.report.text);
      await reply.getByRole('button', { name: x.report.submit }).click();
      await reply.getByText(x.report.thanks).waitFor();
      await reporter.done();

      const { page, done } = await as('committee1', '/proposals');
      await page.getByRole('navigation').getByRole('link', { name: x.desk.link }).click();
      await page.getByRole('heading', { level: 1, name: x.desk.heading }).waitFor();
      const item = page.getByRole('article').filter({ hasText: x.comments.second });
      await item.waitFor();
      await expectAccessible(page, 'committee desk with a report');
      await screenshot(page, `committee-${x.tag}`);
      await item.getByRole('radio', { name: x.desk.hide, exact: true }).check();
      await item.getByLabel(x.desk.reason).fill(x.desk.hideReason);
      await item.getByRole('button', { name: x.desk.submit }).click();
      await item.getByRole('status').getByText(x.desk.hideReason).waitFor();
      await done();

      const visitor = await as(null, path);
      await visitor.page.getByText(x.hiddenNotice(x.desk.hideReason)).waitFor();
      expect(await visitor.page.getByText(x.comments.second).count()).toBe(0);
      await visitor.page.getByText(x.comments.first).waitFor();
      await visitor.done();
    });

    it('the public record shows every step with who took it', async () => {
      const { page, done } = await as(null, path);
      const record = timeline(page);
      await record.waitFor();
      const entry = (text: string, who?: string): Locator => {
        let li = record.getByRole('listitem').filter({ hasText: text });
        if (who) li = li.filter({ hasText: who });
        return li;
      };
      const expected: [string, string | undefined, number][] = [
        [x.events.created, name('resident1'), 1],
        [x.events.backedOnBehalf, name('staff1'), 1],
        [x.events.threshold, undefined, 1],
        [x.events.answered, name('committee1'), 1],
        [x.events.objected, name('resident5'), 1],
        [x.events.responded, name('committee1'), 1],
        [x.events.started, name('committee1'), 1],
        [x.events.milestone, name('committee1'), 2],
        [x.events.photo, name('committee1'), 2],
        [x.events.completed, name('committee1'), 1],
      ];
      for (const [text, who, count] of expected) {
        await expect.poll(() => entry(text, who).count(), { message: `${text} by ${who}` }).toBe(count);
      }
      const paper = entry(x.events.backedOnBehalf);
      expect(await paper.textContent()).toContain(x.behalf.timeline(name('resident30')));
      expect(await paper.textContent()).toContain(x.behalf.evidenceLine('纸质表格第 12 号，本人签字'));
      await expectAccessible(page, 'proposal page, completed, a visitor');
      await screenshot(page, `proposal-story-${x.tag}`);
      await done();

      // On a wide screen the steps run across the page.
      const wide = await site.newPage({ width: 1280, height: 900 });
      await wide.page.goto('/');
      await ready(wide.page);
      if (x.lang === 'en') await switchLanguage(wide.page, 'en');
      await wide.page.goto(path);
      await ready(wide.page);
      await readWhole(wide.page);
      await timeline(wide.page).waitFor();
      await expectAccessible(wide.page, 'proposal page, completed, wide');
      await screenshot(wide.page, `proposal-story-wide-${x.tag}`);
      await wide.context.close();
    });
  });
}
