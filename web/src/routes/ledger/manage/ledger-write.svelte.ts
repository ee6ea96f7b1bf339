/**
 * What every staff form of the ledger shares: the fields' errors (the form's own checks, then the
 * server's 400 issues), the line saying what was recorded, and sending with an Idempotency-Key
 * that a retry of the same request reuses, so a lost answer never records an entry twice.
 */
import { serverFieldErrors } from '$lib/form-errors.js';
import { i18n, type MessageKey } from '$lib/i18n/index.svelte.js';
import { Submission } from '$lib/submission.svelte.js';
import { IdempotentSubmission } from '../../donate/idempotency.js';
import { focusFirstInvalid } from './focus.js';

/** A form's checked request: what makes it "the same request" on a retry, and how to send it. */
export interface Request<T> { same: unknown; send: (idempotencyKey: string) => Promise<T> }

export class LedgerWrite {
  errors = $state<Record<string, string>>({});
  done = $state('');
  readonly submission = new Submission();
  private readonly idempotency = new IdempotentSubmission();
  private readonly server = $derived(serverFieldErrors(this.submission.issues, i18n.lang));

  constructor(private readonly refusals: Partial<Record<number, MessageKey>>) {}

  /** The message under a field: the form's own check first, then the server's. */
  err = (field: string): string => this.errors[field] ?? this.server[field] ?? '';

  /**
   * One press of the form's button: `check` gives the fields' errors (focus then goes to the first
   * one, so it is read out) or the request. Answers what the API returned, or null.
   */
  async submit<T extends object>(event: SubmitEvent, check: () => Record<string, string> | Request<T>): Promise<T | null> {
    event.preventDefault();
    const form = event.currentTarget;
    this.done = '';
    const checked = check();
    if (!('send' in checked && typeof checked.send === 'function')) {
      this.errors = checked as Record<string, string>;
      if (Object.keys(this.errors).length > 0) void focusFirstInvalid(form);
      return null;
    }
    this.errors = {};
    const { same, send } = checked as Request<T>;
    const key = this.idempotency.keyFor(same);
    const answer = await this.submission.run(() => send(key), this.refusals);
    this.idempotency.settle(this.submission.status ?? 201);
    return answer;
  }
}
