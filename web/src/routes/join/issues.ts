/**
 * A refused join or request, field by field: the use cases name their own problems (an unknown
 * code, a name not on the owners' list, a flat not in the register) by issue code; the schema's
 * own 400s name the body's fields (form-errors.ts).
 */
import { serverFieldErrors, type FieldErrors } from '$lib/form-errors.js';
import type { Issue } from '$lib/http.js';
import { t, type Lang, type MessageKey } from '$lib/i18n/index.svelte.js';
import '$lib/i18n/joining.js';

const known: Record<string, [field: string, key: MessageKey]> = {
  unknown_code: ['code', 'join.unknownCode'],
  not_an_owner: ['displayName', 'join.notAnOwner'],
  unknown_household: ['room', 'join.unknownHousehold'],
};

export function refusedFields(issues: Issue[], lang: Lang): FieldErrors {
  const errors = serverFieldErrors(issues, lang);
  for (const issue of issues) {
    const hit = known[issue.code];
    if (hit) errors[hit[0]] = t(hit[1]);
  }
  return errors;
}

/** Refusals of either way in that no field explains (Submission's `keys`). */
export const refusals: Partial<Record<string, MessageKey>> = {
  code_redeemed: 'join.codeUsed',
  code_revoked: 'join.codeRevoked',
  code_expired: 'join.codeExpired',
  other_community: 'join.otherCommunity',
  already_member: 'join.alreadyMember',
  request_pending: 'join.requestPending',
};

/** Moves the focus to the first field with an error, once the errors are on the page. */
export function focusFirstError(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"], .group.invalid input')?.focus();
}
