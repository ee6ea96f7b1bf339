/**
 * The notifier in the local server: the same code the notifier Lambda runs (notifications/notifier.ts),
 * run a moment after each write request (where AWS has the table's stream) and every minute (where
 * AWS has the schedule), one run at a time. Messages go to the development outbox (`/dev/outbox`).
 */
import type { OutboxList } from '../contracts/notifications.js';
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { createDocumentClient } from '../shared/db/client.js';
import { runNotifier, type NotifierRun } from '../notifications/notifier.js';
import { remind } from '../notifications/reminders.js';
import { createNotifierDeps, createReminderDeps } from '../notifications/wire.js';

export interface LocalNotifier {
  run(o?: { reminders?: boolean }): Promise<NotifierRun & { reminded: number }>;
  /** After a write: run soon (several writes in a burst share one run). */
  kick(): void;
  outbox(): Promise<OutboxList>;
  close(): Promise<void>;
}

const AFTER_WRITE_MS = 100;
const EVERY_MS = 60_000;

export function startLocalNotifier(mode: 'auto' | 'manual', onError: (e: unknown) => void): LocalNotifier {
  // Its own client, as the notifier is its own Lambda on AWS: what it sends is not counted as the requests'.
  const db = createDocumentClient();
  const deps = createNotifierDeps(db, config(), systemClock);
  const reminderDeps = createReminderDeps(db, config(), systemClock);
  let chain: Promise<unknown> = Promise.resolve();
  let soon: NodeJS.Timeout | undefined;
  const run = (o: { reminders?: boolean } = {}) => {
    const next = chain.then(async () => {
      const reminded = o.reminders ? await remind(reminderDeps) : 0;
      return { ...(await runNotifier(deps)), reminded };
    });
    chain = next.catch(() => undefined);
    return next;
  };
  const background = () => { run().catch(onError); };
  const every = mode === 'auto' ? setInterval(background, EVERY_MS) : undefined;
  every?.unref();
  return {
    run,
    kick() {
      if (soon || mode === 'manual') return;
      soon = setTimeout(() => { soon = undefined; background(); }, AFTER_WRITE_MS);
      soon.unref();
    },
    async outbox() {
      const items = await deps.notifications.devMessages();
      return { items: items.map((m) => ({
        id: String(m.id), channel: m.channel as 'sms' | 'email', to: String(m.to), userId: String(m.userId), subject: String(m.subject), text: String(m.text),
        notificationIds: (m.notificationIds as string[]) ?? [], sentAt: String(m.sentAt),
      })) };
    },
    async close() {
      clearInterval(every);
      if (soon) clearTimeout(soon);
      await chain;
    },
  };
}
