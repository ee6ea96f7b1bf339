import { error } from '@sveltejs/kit';
import { ApiError } from '$lib/http.js';
import type { Ballot } from '$contracts/ballots.js';
import * as ballotsApi from '$lib/api-ballots.js';
import { i18n } from '$lib/i18n/index.svelte.js';
import type { PageLoad } from './$types';

// Any ballot id can be asked for: the page is the SPA fallback, loaded in the browser.
export const prerender = false;
export const ssr = false;

/**
 * What a phone shows first comes with the ballot, so the page appears whole, without a jump: a
 * counted ballot's result (result.ts, never fetched for an open ballot), or an open one's "my
 * vote" panel (open.ts, never fetched up front for a counted one, where it sits far below).
 */
export const load: PageLoad = async ({ params, fetch }) => {
  let ballot: Ballot;
  try {
    ballot = await ballotsApi.get(params.id, fetch);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) error(404, 'not_found');
    if (e instanceof ApiError && e.status === 0) error(503, 'network');
    throw e;
  }
  if (ballot.result) {
    const result = await import('./result.js');
    await result.resultReady.loaded(i18n.lang); // an English reader gets the result with the page
    return { ballot, open: null, result };
  }
  const open = await import('./open.js');
  await open.openReady.loaded(i18n.lang); // an English reader gets "my vote" with the page, not after it
  return { ballot, open, result: null };
};
