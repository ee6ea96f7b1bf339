/**
 * The notifier Lambda. The notifications table's stream wakes it when notifications are written
 * (new items only, by the event source's filter); EventBridge Scheduler runs it every 15 minutes
 * (messages held for quiet hours and digests fall due; anything a failed run gave back) and once a
 * day with `{"task":"reminders"}` (tomorrow's activities, ballots closing, notice periods ending).
 * A run that could not send something fails, so the stream retries the batch and, after its
 * retries, puts it on the dead-letter queue, which raises the alarm (infra/notifier.ts).
 */
import { config } from '../shared/config.js';
import { systemClock } from '../shared/clock.js';
import { documentClient } from '../shared/db/client.js';
import { logger } from '../shared/http/observability.js';
import { runNotifier } from './notifier.js';
import { remind } from './reminders.js';
import { createNotifierDeps, createReminderDeps } from './wire.js';

const cfg = config();
const deps = createNotifierDeps(documentClient(), cfg, systemClock);
const reminderDeps = createReminderDeps(documentClient(), cfg, systemClock);

export interface NotifierEvent { task?: 'drain' | 'reminders'; Records?: unknown[] }

export async function handler(event: NotifierEvent): Promise<{ routed: number; sent: number; reminded: number }> {
  const reminded = event.task === 'reminders' ? await remind(reminderDeps) : 0;
  const run = await runNotifier(deps);
  logger().info('notifier run', { trigger: event.Records ? 'stream' : (event.task ?? 'drain'), records: event.Records?.length ?? 0, reminded, ...run });
  if (run.failed > 0) throw new Error(`notifier: ${run.failed} message(s) not sent, given back for the next run: ${run.errors.join('; ')}`);
  return { routed: run.routed, sent: run.sent, reminded };
}
