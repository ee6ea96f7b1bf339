/**
 * What every registry form shares: the fields' errors (the API's own request schema checked here
 * first, then the server's 400 issues), the line saying what was done, and the refusal message.
 */
import { tick } from 'svelte';
import type * as z from 'zod/mini';
import { check, serverFieldErrors, type FieldErrors } from '$lib/form-errors.js';
import { i18n, type MessageKey } from '$lib/i18n/index.svelte.js';
import { Submission } from '$lib/submission.svelte.js';

/** A typed text as the body wants it: trimmed, and absent when empty (optional fields). */
export const opt = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);
/** A typed whole number; anything else (`12a`, `1.5`, empty) is NaN, which the schema refuses. */
export const whole = (text: string): number => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export class RegistryWrite {
  errors = $state<FieldErrors>({});
  done = $state('');
  readonly submission = new Submission();
  private readonly server = $derived(serverFieldErrors(this.submission.issues, i18n.lang));

  /** `refusals`: this form's own message for a refusal, by error code (`estate_exists`) or status. */
  constructor(private readonly refusals: Partial<Record<number | string, MessageKey>> = {}) {}

  /** The message under a field: the form's own check first, then the server's. */
  err = (field: string): string => this.errors[field] ?? this.server[field] ?? '';

  /**
   * One press of the form's button: `input` is checked against `schema`; when it fails, focus goes
   * to the first field marked invalid, or the first choice of a group marked invalid (so its message is read out). `fix` may reword a field's
   * message (a number typed as words). Answers what the API returned, or null.
   */
  async submit<S extends z.ZodMiniType, T extends object>(
    event: SubmitEvent, schema: S, input: unknown, send: (body: z.output<S>) => Promise<T>, fix: FieldErrors = {},
  ): Promise<T | null> {
    event.preventDefault();
    const form = event.currentTarget as HTMLElement | null;
    this.done = '';
    this.submission.reset();
    const { data, errors } = check(schema, input);
    for (const field of Object.keys(errors)) if (fix[field]) errors[field] = fix[field];
    this.errors = errors;
    if (data === null) {
      await tick();
      form?.querySelector<HTMLElement>('[aria-invalid="true"], .group.invalid input')?.focus();
      return null;
    }
    return this.submission.run(() => send(data), this.refusals);
  }
}
