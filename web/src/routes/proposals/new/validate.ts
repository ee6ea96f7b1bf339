/**
 * The form is checked by the API's own schema, CreateProposalBody. Messages: our own plain words
 * for the common cases (length, no category), zod's built-in locale (zh-CN or en) for the rest.
 */
import type { z } from 'zod';
import enLocale from 'zod/v4/locales/en.js';
import zhLocale from 'zod/v4/locales/zh-CN.js';
import { CreateProposalBody, type ProposalCategory } from '$contracts/proposals.js';
import type { Issue } from '$lib/api.js';
import { yuanToFen } from '$lib/format.js';
import { t, type Lang } from '$lib/i18n/index.svelte.js';

export const fields = ['title', 'description', 'category', 'location', 'estimatedCostFen'] as const;
export type Field = (typeof fields)[number];
export type FieldErrors = Partial<Record<Field, string>>;

export interface FormValues { title: string; description: string; category: ProposalCategory | ''; location: string; cost: string }
type Body = z.output<typeof CreateProposalBody>;

const zodLocales = { 'zh-CN': zhLocale(), en: enLocale() };
const isField = (name: unknown): name is Field => typeof name === 'string' && (fields as readonly string[]).includes(name);

function errorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.path?.[0] === 'category') return t('new.categoryMissing');
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
  };
  const result = CreateProposalBody.safeParse(input, { error: errorMap(lang) });
  if (result.error) {
    for (const issue of result.error.issues) {
      const name = issue.path[0];
      if (isField(name)) errors[name] ??= issue.message;
    }
  }
  return { body: result.success && Object.keys(errors).length === 0 ? result.data : null, errors };
}

/** The server's 400 issues, by field (`body.title` → title). */
export function serverErrors(issues: Issue[], lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const [where, name] = issue.path.split('.');
    if (where === 'body' && isField(name)) errors[name] ??= lang === 'en' ? issue.message : t('new.serverRejected');
  }
  return errors;
}
