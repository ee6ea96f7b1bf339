/**
 * The form is checked by the API's own schema, CreateProposalBody. Messages: our own plain words
 * for the common cases (length, no category), zod's built-in locale (zh-CN or en) for the rest.
 */
import '$lib/i18n/forms.js';
import type * as z from 'zod/mini';
import enLocale from 'zod/v4/locales/en.js';
import zhLocale from 'zod/v4/locales/zh-CN.js';
import { CreateProposalBody, type ProposalCategory } from '$contracts/proposals.js';
import type { Issue } from '$lib/http.js';
import { yuanToFen } from '$lib/format.js';
import { t, type Lang } from '$lib/i18n/index.svelte.js';

export const fields = [
  'title', 'description', 'category', 'location', 'estimatedCostFen', 'onBehalfOf.userId', 'onBehalfOf.evidence',
] as const;
export type Field = (typeof fields)[number];
export type FieldErrors = Partial<Record<Field, string>>;

export interface FormValues {
  title: string; description: string; category: ProposalCategory | ''; location: string; cost: string;
  /** Staff only: entered for this resident from a paper form, with the evidence. */
  forResident: boolean; residentId: string; evidence: string;
}
type Body = z.output<typeof CreateProposalBody>;

const zodLocales = { 'zh-CN': zhLocale(), en: enLocale() };
const isField = (name: unknown): name is Field => typeof name === 'string' && (fields as readonly string[]).includes(name);
/** `['onBehalfOf', 'userId']` → `onBehalfOf.userId`; top-level fields keep their name. */
const fieldOf = (path: readonly PropertyKey[]): string => path.slice(0, path[0] === 'onBehalfOf' ? 2 : 1).map(String).join('.');

function errorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.path?.[0] === 'category') return t('new.categoryMissing');
    if (issue.path?.[0] === 'onBehalfOf' && issue.path[1] === 'userId') {
      return issue.input === '' || issue.input === undefined ? t('form.required') : t('behalf.userIdInvalid');
    }
    if (issue.origin === 'string' && issue.code === 'too_small') return t('new.tooShort', { minimum: Number(issue.minimum) });
    if (issue.origin === 'string' && issue.code === 'too_big') return t('new.tooLong', { maximum: Number(issue.maximum) });
    return zodLocales[lang].localeError(issue);
  };
}

/** Form values → the request body, or the message for each field that is wrong. */
export function validate(values: FormValues, lang: Lang): { body: Body | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fen = yuanToFen(values.cost);
  if (fen === null) errors.estimatedCostFen = t('new.costInvalid');
  const input = {
    title: values.title,
    description: values.description,
    category: values.category === '' ? undefined : values.category,
    ...(values.location.trim() ? { location: values.location } : {}),
    ...(typeof fen === 'number' ? { estimatedCostFen: fen } : {}),
    ...(values.forResident ? { onBehalfOf: { userId: values.residentId.trim(), evidence: values.evidence } } : {}),
  };
  const result = CreateProposalBody.safeParse(input, { error: errorMap(lang) });
  if (result.error) {
    for (const issue of result.error.issues) {
      const name = fieldOf(issue.path);
      if (isField(name)) errors[name] ??= issue.message;
    }
  }
  return { body: result.success && Object.keys(errors).length === 0 ? result.data : null, errors };
}

/** The server's 400 issues, by field (`body.title` → title). */
export function serverErrors(issues: Issue[], lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [where, ...rest] = issue.path.split('.');
    const name = fieldOf(rest);
    if (where === 'body' && isField(name)) errors[name] ??= lang === 'en' ? issue.message : t('new.serverRejected');
  }
  return errors;
}
