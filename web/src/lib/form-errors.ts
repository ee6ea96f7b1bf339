/**
 * Forms are checked with the API's own request schemas, so the page and the server never disagree.
 * Messages are ours, in the reader's language; a 400 from the server lands on the field it names.
 */
import '$lib/i18n/forms.js';
import type * as z from 'zod/mini';
import type { Issue } from './http.js';
import { t, type Lang } from './i18n/index.svelte.js';

/** Field path ("plan.startDate") → message. */
export type FieldErrors = Record<string, string>;

function messageOf(issue: z.core.$ZodRawIssue): string {
  const { code } = issue;
  const origin = 'origin' in issue ? issue.origin : undefined;
  if (issue.input === undefined && code === 'invalid_type') return t('form.required');
  if (code === 'too_small' && origin === 'string') return t('new.tooShort', { minimum: Number(issue.minimum) });
  if (code === 'too_big' && origin === 'string') return t('new.tooLong', { maximum: Number(issue.maximum) });
  if (code === 'too_small' && origin === 'array') return t('form.chooseOne');
  if (code === 'too_small') return t('form.atLeast', { minimum: Number(issue.minimum) });
  if (code === 'too_big') return t('form.atMost', { maximum: Number(issue.maximum) });
  if (code === 'invalid_format' && 'format' in issue && issue.format === 'date') return t('form.date');
  if (code === 'custom' && issue.path?.at(-1) === 'endDate') return t('form.endBeforeStart');
  return t('form.invalid');
}

/** The body to send, or the message for each field that is wrong. */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown): { data: z.output<S> | null; errors: FieldErrors } {
  const result = schema.safeParse(input, { error: messageOf });
  if (result.success) return { data: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return { data: null, errors };
}

/** The server's 400 issues by field (`body.plan.startDate` → `plan.startDate`). */
export function serverFieldErrors(issues: Issue[], lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [where, ...rest] = issue.path.split('.');
    if (where === 'body' && rest.length > 0) errors[rest.join('.')] ??= lang === 'en' ? issue.message : t('new.serverRejected');
  }
  return errors;
}
