/**
 * The notifier: drains what the outbox owes. A new notification is routed once (which channels owe
 * a message and when, by the person's settings; a call-list entry when no channel reaches them);
 * then every message due is taken (a conditional write, so two runs never send it twice) and sent,
 * one per person and channel: what fell due together (a daily digest, SMS held through quiet hours)
 * goes as one message. A failed send is given back and tried by the next run. The same code runs on
 * AWS (notifier-handler.ts: woken by the table's stream and by a schedule) and in the local server.
 */
import type { Channel, NotificationKind } from '../contracts/notifications.js';
import type { Item } from '../shared/db/batch.js';
import type { Adapters, OutgoingMessage } from './channels.js';
import { render } from './messages.js';
import { nkeys, notificationId } from './outbox.js';
import type { NotificationRepository } from './repository.js';
import { beijingDay, channelsFor, dueAt, preferenceOf, viaGridMember, type StoredSettings } from './rules.js';
import type { UnsubscribeTokens } from './unsubscribe.js';

export interface NotifierDeps {
  notifications: NotificationRepository;
  tokens: UnsubscribeTokens;
  adapters: Adapters;
  clock: () => string;
  newId: () => string;
  siteUrl: string;
}

export interface NotifierRun { routed: number; sent: number; failed: number; errors: string[] }

const PAGE = 200;

export async function runNotifier(deps: NotifierDeps, now = deps.clock()): Promise<NotifierRun> {
  const run: NotifierRun = { routed: 0, sent: 0, failed: 0, errors: [] };
  const settings = new Map<string, Promise<StoredSettings>>();
  const settingsOf = (userId: string) => settings.get(userId) ?? settings.set(userId, deps.notifications.settings(userId)).get(userId)!;
  const configured = (Object.keys(deps.adapters) as Channel[]);
  for (let page = 0; page < 50; page++) {
    const due = await deps.notifications.due(now, PAGE);
    const ready: Item[] = [];
    for (const n of due) {
      if (n.state !== 'new') { ready.push(n); continue; }
      const userId = String(n.userId);
      const kind = n.kind as NotificationKind;
      const s = await settingsOf(userId);
      const pref = preferenceOf(s, kind);
      const reach = channelsFor(s, kind).filter((c) => configured.includes(c));
      const pending = Object.fromEntries(reach.map((c) => [c, dueAt(c, pref, String(n.createdAt), s.smsAtNight)]));
      const call = reach.length === 0 && viaGridMember(userId, s, kind)
        ? { pk: nkeys.calls(String(n.communityId), beijingDay(String(n.createdAt))), sk: `${String(n.createdAt)}#${userId}#${String(n.id)}` } : null;
      const routed = await deps.notifications.route(n, pending, call);
      if (routed) { run.routed++; ready.push(routed); }
    }
    await sendDue(deps, ready, now, settingsOf, run);
    // Routing moves what is not due yet out of reach of `due(now)`, so a full page means there may be more.
    if (due.length < PAGE) break;
  }
  return run;
}

async function sendDue(deps: NotifierDeps, ready: Item[], now: string, settingsOf: (u: string) => Promise<StoredSettings>, run: NotifierRun) {
  const groups = new Map<string, { userId: string; channel: Channel; items: Item[] }>();
  for (const n of ready) {
    for (const [channel, at] of Object.entries((n.pending ?? {}) as Record<Channel, string>)) {
      if (at > now) continue;
      const key = `${String(n.userId)}\n${channel}`;
      const g = groups.get(key) ?? groups.set(key, { userId: String(n.userId), channel: channel as Channel, items: [] }).get(key)!;
      g.items.push(n);
    }
  }
  for (const g of groups.values()) {
    const adapter = deps.adapters[g.channel];
    if (!adapter) continue;
    const taken: Item[] = [];
    for (const n of g.items) if (await deps.notifications.take(n, g.channel)) taken.push(n);
    if (taken.length === 0) continue;
    const s = await settingsOf(g.userId);
    const to = g.channel === 'sms' ? s.phone : s.email;
    if (!to || s.off?.[g.channel]) continue; // turned off since routing: nothing owed any more
    const message = await compose(deps, g.userId, g.channel, to, s.language, taken);
    try {
      await adapter.send(message);
      run.sent++;
    } catch (e) {
      run.failed++;
      run.errors.push(`${g.channel}: ${e instanceof Error ? e.message : String(e)}`);
      for (const n of taken) await deps.notifications.giveBack(n, g.channel, now);
    }
  }
}

async function compose(deps: NotifierDeps, userId: string, channel: Channel, to: string, lang: 'zh' | 'en', items: Item[]): Promise<OutgoingMessage> {
  const token = await deps.tokens.tokenFor(userId, channel);
  const stop = `${deps.siteUrl}/unsubscribe?t=${token}`;
  const texts = items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
    .map((n) => ({ ...render(n.kind as NotificationKind, (n.params ?? {}) as Record<string, string>), link: `${deps.siteUrl}${String(n.link)}` }));
  const one = texts.length === 1 ? texts[0]! : null;
  const subject = one ? one.title[lang] : lang === 'zh' ? `共治：${texts.length} 条新通知` : `Gongzhi: ${texts.length} new notifications`;
  const lines = texts.map((t) => (one ? `${t.body[lang]}\n${t.link}` : `· ${t.title[lang]}：${t.body[lang]}\n  ${t.link}`));
  const unsubscribe = lang === 'zh' ? `不想再收到${channel === 'sms' ? '短信' : '邮件'}：${stop}` : `Stop these ${channel === 'sms' ? 'texts' : 'emails'}: ${stop}`;
  const text = channel === 'sms' ? `【共治】${one ? `${one.title[lang]}：` : ''}${lines.join('\n')}\n${unsubscribe}` : `${lines.join('\n\n')}\n\n${unsubscribe}`;
  const ids = items.map((n) => String(n.id));
  // The same message has the same id when it is tried again (a provider or bridge can drop the repeat).
  return { id: notificationId(userId, `${channel}#${[...ids].sort().join(',')}`), userId, to, subject, text, notificationIds: ids };
}
