/** One form's sending state: busy while the request runs, then the refusal (if any) as a message. */
import { ApiError, type Issue } from './api.js';
import { actionErrorKey } from './errors.js';
import type { MessageKey } from './i18n/index.svelte.js';

export class Submission {
  busy = $state(false);
  failure = $state<MessageKey | null>(null);
  /** The HTTP status of the last refusal (0: network), or null. */
  status = $state<number | null>(null);
  issues = $state<Issue[]>([]);

  /** Runs `work`; on failure keeps its message (a page-specific one from `keys` wins) and answers null. */
  async run<T extends object>(work: () => Promise<T>, keys: Partial<Record<number, MessageKey>> = {}): Promise<T | null> {
    this.busy = true;
    this.failure = null;
    this.status = null;
    this.issues = [];
    try {
      return await work();
    } catch (e) {
      const status = e instanceof ApiError ? e.status : -1;
      this.status = status;
      this.issues = e instanceof ApiError ? e.issues : [];
      this.failure = keys[status] ?? actionErrorKey(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.failure = null;
    this.status = null;
    this.issues = [];
  }
}
