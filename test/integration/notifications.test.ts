/**
 * Notifications end to end at the use-case level, against dynalite with a clock the test moves:
 * the activity changes write them (once, however the request is retried or raced), the notifier
 * routes them by each person's settings (quiet hours, daily digest, unsubscribe) and sends them
 * through adapters that record what they were handed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { book, cancelMine } from '../../functions/activities/bookings.js';
import type { ActivityDeps } from '../../functions/activities/deps.js';
import { ActivityRepository } from '../../functions/activities/repository.js';
import { scheduleActivity } from '../../functions/activities/schedule-activity.js';
import { cancelActivity } from '../../functions/activities/staff-actions.js';
import { CommunityRepository } from '../../functions/community/repository.js';
import type { Channel } from '../../functions/contracts/notifications.js';
import type { Engine } from '../../functions/local/dynamo.js';
import { seedDemo } from '../../functions/local/seed.js';
import type { ChannelAdapter, OutgoingMessage } from '../../functions/notifications/channels.js';
import { listNotifications, putSettings } from '../../functions/notifications/inbox.js';
import { runNotifier, type NotifierDeps } from '../../functions/notifications/notifier.js';
import { createNotify } from '../../functions/notifications/outbox.js';
import { NotificationRepository } from '../../functions/notifications/repository.js';
import { remind } from '../../functions/notifications/reminders.js';
import { unsubscribe, UnsubscribeTokens } from '../../functions/notifications/unsubscribe.js';
import { createReminderDeps } from '../../functions/notifications/wire.js';
import { config } from '../../functions/shared/config.js';
import { newId } from '../../functions/shared/ids.js';
import { startTestEngine } from '../support/engine.js';

let engine: Engine;
let db: DynamoDBDocumentClient;
let now = '2026-12-01T02:00:00.000Z'; // 10:00 in Beijing
let deps: ActivityDeps;
let notifier: NotifierDeps;
let repo: NotificationRepository;
const sent: (OutgoingMessage & { channel: Channel })[] = [];
let failNext = 0;

const recorder = (channel: Channel): ChannelAdapter => ({
  channel,
  async send(m) {
    if (failNext > 0) { failNext--; throw new Error('provider down'); }
    sent.push({ ...m, channel });
  },
});
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const inbox = async (userId: string) => (await listNotifications({ notifications: repo, community: deps.community, clock: () => now }, userId, { limit: 50 })).items;
const settingsFor = (userId: string, s: Partial<Parameters<typeof putSettings>[2]>) =>
  putSettings({ notifications: repo, community: deps.community, clock: () => now }, userId, {
    language: 'zh', phone: null, email: null, smsAtNight: false, kinds: {}, ...s,
  });
let slot = 0;
/** A fresh activity each time, on its own morning. */
async function activity(capacity: number, title = '血压血糖免费检测') {
  slot++;
  const day = new Date(Date.parse('2026-12-20T00:00:00Z') + slot * 86_400_000).toISOString().slice(0, 10);
  return (await scheduleActivity(deps, 'staff1', {
    spaceId: 'leisure-garden', title, startsAt: at(day, '09:00'), endsAt: at(day, '10:00'), capacity, audience: 'all', maxSeatsPerBooking: 1, prioritySeats: 0,
  })).id;
}

beforeAll(async () => {
  const started = await startTestEngine();
  engine = started.engine;
  db = started.db;
  await seedDemo(db);
  const cfg = config();
  deps = {
    activities: new ActivityRepository(db, cfg.tables.activities), community: new CommunityRepository(db, cfg.tables.community),
    clock: () => now, newId, notify: createNotify(db, cfg.tables.notifications),
  };
  repo = new NotificationRepository(db, cfg.tables.notifications);
  notifier = {
    notifications: repo, tokens: new UnsubscribeTokens(db, cfg.tables.notifications, repo), adapters: { sms: recorder('sms'), email: recorder('email') },
    clock: () => now, newId, siteUrl: 'https://gongzhi.example.org',
  };
});
afterAll(() => engine?.close());
beforeEach(async () => {
  now = '2026-12-01T02:00:00.000Z';
  await runNotifier(notifier); // what earlier tests left due
  sent.length = 0;
});

describe('a cancellation that promotes someone from the waitlist', () => {
  it('tells her exactly once, when the cancel is retried and when two cancels race', async () => {
    await settingsFor('resident2', { phone: '13812345678' });
    const id = await activity(1);
    await book(deps, 'resident1', id, { seats: 1 });
    await book(deps, 'resident2', id, { seats: 1 });
    // Raced: the same cancellation sent twice at once (a double tap); one of them cancels.
    const results = await Promise.allSettled([cancelMine(deps, 'resident1', id), cancelMine(deps, 'resident1', id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Retried: the client did not see the answer and sends it again.
    await expect(cancelMine(deps, 'resident1', id)).rejects.toThrow(/no booking/);
    const mine = (await inbox('resident2')).filter((n) => n.link === `/activities/${id}`);
    expect(mine.map((n) => n.kind)).toEqual(['booking.promoted']);
    expect(mine[0]!.title.zh).toContain('候补');
    // Two notifier runs at once (the stream and the schedule) still send one SMS.
    await Promise.all([runNotifier(notifier), runNotifier(notifier)]);
    const sms = sent.filter((m) => m.userId === 'resident2');
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', to: '+8613812345678' });
    expect(sms[0]!.text).toMatch(/^【共治】/);
    expect(sms[0]!.text).toContain('https://gongzhi.example.org/unsubscribe?t=');
    expect(await inbox('resident1')).not.toContainEqual(expect.objectContaining({ link: `/activities/${id}` }));
  });
});

describe('an activity cancelled for everyone', () => {
  it('tells every booked resident, confirmed and waiting, once, even when the cancel is sent again', async () => {
    const id = await activity(2, '绘本角');
    for (const u of ['resident1', 'resident2', 'resident3']) await book(deps, u, id, { seats: 1 });
    await cancelActivity(deps, 'staff1', id, '下雨，改期');
    await expect(cancelActivity(deps, 'staff1', id, '下雨')).rejects.toThrow(/already cancelled/);
    for (const u of ['resident1', 'resident2', 'resident3']) {
      const told = (await inbox(u)).filter((n) => n.link === `/activities/${id}`);
      expect(told, u).toHaveLength(1);
      expect(told[0]).toMatchObject({ kind: 'activity.cancelled', readAt: null });
      expect(told[0]!.body.zh).toContain('下雨，改期');
      expect(told[0]!.body.en).toContain('cancelled');
    }
    expect(await inbox('staff1')).not.toContainEqual(expect.objectContaining({ link: `/activities/${id}` }));
  });
});

describe('channels and timing', () => {
  it('a daily digest is one message the next morning with every event of the day', async () => {
    await settingsFor('resident4', {
      email: 'Lao.Wang@example.org', kinds: { 'activity.cancelled': { sms: false, email: true, timing: 'daily' } },
    });
    const ids = [await activity(3, '太极拳'), await activity(3, '剪纸'), await activity(3, '书法')];
    for (const id of ids) await book(deps, 'resident4', id, { seats: 1 });
    for (const id of ids) await cancelActivity(deps, 'staff1', id, '下雨');
    await runNotifier(notifier);
    expect(sent.filter((m) => m.userId === 'resident4')).toEqual([]);
    now = '2026-12-02T00:00:00.000Z'; // 08:00 Beijing
    await runNotifier(notifier);
    await runNotifier(notifier);
    const digest = sent.filter((m) => m.userId === 'resident4');
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ channel: 'email', to: 'lao.wang@example.org', subject: '共治：3 条新通知' });
    for (const title of ['太极拳', '剪纸', '书法']) expect(digest[0]!.text).toContain(title);
    expect(digest[0]!.notificationIds).toHaveLength(3);
  });

  it('quiet hours hold an SMS until 08:00 Beijing time, unless the person allows SMS at night', async () => {
    await settingsFor('resident5', { phone: '+8613900001111' });
    await settingsFor('resident6', { phone: '13900002222', smsAtNight: true });
    const id = await activity(5, '义诊');
    for (const u of ['resident5', 'resident6']) await book(deps, u, id, { seats: 1 });
    now = '2026-12-01T14:30:00.000Z'; // 22:30 Beijing
    await cancelActivity(deps, 'staff1', id, '医生临时有事');
    await runNotifier(notifier);
    expect(sent.map((m) => m.userId)).toEqual(['resident6']);
    now = '2026-12-01T23:59:00.000Z'; // 07:59
    await runNotifier(notifier);
    expect(sent.map((m) => m.userId)).toEqual(['resident6']);
    now = '2026-12-02T00:00:00.000Z'; // 08:00
    await runNotifier(notifier);
    expect(sent.map((m) => m.userId)).toEqual(['resident6', 'resident5']);
    expect(sent[1]).toMatchObject({ channel: 'sms', to: '+8613900001111' });
  });

  it('an unsubscribed channel gets nothing; the inbox still does', async () => {
    await settingsFor('resident7', { phone: '13900003333', email: 'r7@example.org' });
    const first = await activity(5, '手工课');
    await book(deps, 'resident7', first, { seats: 1 });
    await cancelActivity(deps, 'staff1', first, '老师生病');
    await runNotifier(notifier);
    const sms = sent.find((m) => m.userId === 'resident7' && m.channel === 'sms')!;
    const token = new URL(sms.text.match(/https:\S+/g)!.at(-1)!).searchParams.get('t')!;
    expect(await unsubscribe(repo, token, now)).toEqual({ channel: 'sms', unsubscribed: true });
    sent.length = 0;
    const second = await activity(5, '手工课');
    await book(deps, 'resident7', second, { seats: 1 });
    await cancelActivity(deps, 'staff1', second, '老师还在生病');
    await runNotifier(notifier);
    expect(sent.filter((m) => m.userId === 'resident7').map((m) => m.channel)).toEqual(['email']);
    expect((await inbox('resident7')).filter((n) => n.kind === 'activity.cancelled')).toHaveLength(2);
    await expect(unsubscribe(repo, 'x'.repeat(32), now)).rejects.toThrow(/not known/);
  });

  it('a send that fails is given back and goes out with the next run, once', async () => {
    await settingsFor('resident8', { phone: '13900004444' });
    const id = await activity(5, '健康讲座');
    await book(deps, 'resident8', id, { seats: 1 });
    await cancelActivity(deps, 'staff1', id, '场地维修');
    failNext = 1;
    const run = await runNotifier(notifier);
    expect(run).toMatchObject({ failed: 1 });
    expect(sent.filter((m) => m.userId === 'resident8')).toEqual([]);
    await runNotifier(notifier);
    await runNotifier(notifier);
    expect(sent.filter((m) => m.userId === 'resident8')).toHaveLength(1);
  });

  it('someone no channel reaches is put on the call list of the day; someone who never saved settings reads the app', async () => {
    await settingsFor('resident9', { phone: null, email: null });
    const id = await activity(5, '防诈骗讲座');
    for (const u of ['resident9', 'resident10']) await book(deps, u, id, { seats: 1 });
    await cancelActivity(deps, 'staff1', id, '讲师改期');
    await runNotifier(notifier);
    const calls = await repo.calls('chating', '2026-12-01');
    expect(calls.filter((n) => n.link === `/activities/${id}`).map((n) => n.userId)).toEqual(['resident9']);
  });
});

describe('reminders from the daily schedule', () => {
  it('remind every confirmed booking of tomorrow\'s activities once, however often the schedule runs', async () => {
    const id = await activity(1, '太极拳晨练');
    await book(deps, 'resident13', id, { seats: 1 });
    await book(deps, 'resident14', id, { seats: 1 }); // waitlisted: no reminder
    const a = (await deps.activities.get(id))!;
    const reminders = { ...createReminderDeps(db, config(), () => now) };
    now = new Date(Date.parse(String(a.startsAt)) - 86_400_000 - 3_600_000).toISOString(); // the day before, 08:00
    await remind(reminders);
    await remind(reminders);
    const told = (await inbox('resident13')).filter((n) => n.kind === 'activity.reminder' && n.link === `/activities/${id}`);
    expect(told).toHaveLength(1);
    expect(told[0]!.body.zh).toContain('太极拳晨练');
    expect(told[0]!.body.zh).toContain('09:00');
    expect((await inbox('resident14')).filter((n) => n.kind === 'activity.reminder' && n.link === `/activities/${id}`)).toEqual([]);
    now = new Date(Date.parse(String(a.startsAt)) - 3 * 86_400_000).toISOString(); // too early: not tomorrow
    const early = (await inbox('resident13')).length;
    await remind(reminders);
    expect((await inbox('resident13')).length).toBe(early);
  });
});

describe('repair: the change is the truth', () => {
  it('tells a promoted resident by the next daily run when the request failed after promoting her', async () => {
    const id = await activity(1, '血压检测');
    await book(deps, 'resident15', id, { seats: 1 });
    await book(deps, 'resident16', id, { seats: 1 });
    const failing: ActivityDeps = { ...deps, notify: async () => { throw new Error('timeout writing the notification'); } };
    await expect(cancelMine(failing, 'resident15', id)).rejects.toThrow(/timeout/);
    expect((await deps.activities.get(id))!.b!.resident16!.st).toBe('c'); // the promotion happened
    const promoted = async () => (await inbox('resident16')).filter((n) => n.kind === 'booking.promoted' && n.link === `/activities/${id}`);
    expect(await promoted()).toEqual([]);
    now = new Date(Date.parse(String((await deps.activities.get(id))!.startsAt)) - 10 * 86_400_000).toISOString(); // within the repair window
    const reminders = createReminderDeps(db, config(), () => now);
    await remind(reminders);
    await remind(reminders);
    expect(await promoted()).toHaveLength(1);
  });
});
