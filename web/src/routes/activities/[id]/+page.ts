import { error } from '@sveltejs/kit';
import { ApiError, api } from '$lib/api.js';
import type { PageLoad } from './$types';

// Any activity id can be asked for: the page is the SPA fallback, loaded in the browser.
export const prerender = false;
export const ssr = false;

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { activity: await api.getActivity(params.id, fetch) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) error(404, 'not_found');
    if (e instanceof ApiError && e.status === 0) error(503, 'network');
    throw e;
  }
};
