/**
 * How many of the signed-in person's notifications are unread, shared by the header's bell and the
 * inbox: the inbox sets it from each answer (marking read included), so the bell never lags behind.
 */
import { notificationsApi } from './api-notifications.js';

let count = $state<number | null>(null);

export const unread = {
  /** null until known (or after signing out). */
  get count(): number | null {
    return count;
  },
  set(n: number | null): void {
    count = n;
  },
};

/** Asks the API again (one notification's page: the count comes with it). A failure keeps what was shown. */
export async function refreshUnread(): Promise<void> {
  try {
    count = (await notificationsApi.inbox({ limit: 1 })).unread;
  } catch {
    // The bell keeps its last count; the inbox says what failed on its own.
  }
}
