/** One form's sending state: busy while the request runs, then the refusal (if any) as a message. */
import { ApiError, type Issue } from './http.js';
import { generalErrorKey } from './errors.js';
import './i18n/forms.js';
import type { MessageKey } from './i18n/index.svelte.js';

/** The message for a refused step on a proposal: who may do it, or why not now. */
function actionErrorKey(e: unknown): MessageKey {
  if (!(e instanceof ApiError)) return 'error.generic';
  switch (e.status) {
    case 400: return 'action.invalid';
    case 401: return 'action.signIn';
    case 403: return 'action.forbidden';
    case 404: return 'action.gone';
    case 409: return 'action.conflict';
    case 413: return 'action.tooLarge';
    case 429: return 'action.tooMany';
    default: return generalErrorKey(e);
  }
}

export class Submission {
  busy = $state(false);
  failure = $state<MessageKey | null>(null);
  /** The HTTP status of the last refusal (0: network), or null. */
  status = $state<number | null>(null);
  issues = $state<Issue[]>([]);

  /**
   * Runs `work`; on failure keeps its message and answers null. A page-specific message in `keys`,
   * by the error's code (`duplicate`) or its status (409), wins over the general one.
   */
  async run<T extends object>(work: () => Promise<T>, keys: Partial<Record<number | string, MessageKey>> = {}): Promise<T | null> {
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
      this.failure = (e instanceof ApiError ? keys[e.code] : undefined) ?? keys[status] ?? actionErrorKey(e);
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
