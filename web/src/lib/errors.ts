import { ApiError } from './api.js';
import type { MessageKey } from './i18n/index.svelte.js';

/** The message for a failure no page handles specially. */
export const generalErrorKey = (e: unknown): MessageKey =>
  e instanceof ApiError && e.status === 0 ? 'error.network' : 'error.generic';

/** The message for a refused step on a proposal: who may do it, or why not now. */
export function actionErrorKey(e: unknown): MessageKey {
  if (!(e instanceof ApiError)) return 'error.generic';
  switch (e.status) {
    case 400: return 'action.invalid';
    case 401: return 'action.signIn';
    case 403: return 'action.forbidden';
    case 404: return 'action.gone';
    case 409: return 'action.conflict';
    case 413: return 'action.tooLarge';
    default: return generalErrorKey(e);
  }
}
