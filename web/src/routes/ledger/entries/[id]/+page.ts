import { error } from '@sveltejs/kit';
import { ApiError } from '$lib/http.js';
import { ledgerApi } from '$lib/api-ledger.js';
import type { PageLoad } from './$types';

// Any entry id can be asked for (a receipt's QR code opens it): the SPA fallback, loaded in the browser.
export const prerender = false;
export const ssr = false;

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { entry: await ledgerApi.entry(params.id, fetch) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) error(404, 'not_found');
    if (e instanceof ApiError && e.status === 0) error(503, 'network');
    throw e;
  }
};
