import { error } from '@sveltejs/kit';
import { ApiError } from '$lib/http.js';
import * as ballotsApi from '$lib/api-ballots.js';
import type { PageLoad } from './$types';

// Any ballot id can be asked for: the page is the SPA fallback, loaded in the browser.
export const prerender = false;
export const ssr = false;

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { ballot: await ballotsApi.get(params.id, fetch) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) error(404, 'not_found');
    if (e instanceof ApiError && e.status === 0) error(503, 'network');
    throw e;
  }
};
