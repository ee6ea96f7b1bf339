import { ApiError } from './http.js';
import type { MessageKey } from './i18n/index.svelte.js';

/** The message for a failure no page handles specially. */
export const generalErrorKey = (e: unknown): MessageKey =>
  !(e instanceof ApiError) ? 'error.generic' : e.status === 0 ? 'error.network' : e.code === 'community_unknown' ? 'community.chooseFirst' : 'error.generic';
