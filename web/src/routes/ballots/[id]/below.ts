/**
 * Loaders of the parts a ballot's first view does not show, and of the committee and staff tools.
 * A small download of its own, fetched when the first of them is needed: their addresses and
 * preload lists stay out of the page's first load. A part whose messages have an English download
 * of their own arrives with them (for an English reader), so it never shows up empty first.
 */
import type { Ready } from '$lib/i18n/ballots-later.svelte.js';
import { i18n } from '$lib/i18n/index.svelte.js';

const withEnglish = <T extends { ready: Ready }>(part: Promise<T>) => part.then(async (m) => {
  await m.ready.loaded(i18n.lang);
  return m;
});

export const resultTables = () => import('./ResultTables.svelte');
export const objections = () => import('./Objections.svelte');
export const receipts = () => import('./Receipts.svelte');
export const myStatus = () => withEnglish(import('./MyStatus.svelte'));
export const ruleBox = () => withEnglish(import('./RuleBox.svelte'));
export const turnout = () => withEnglish(import('./Turnout.svelte'));
export const resultNotice = () => import('./ResultNotice.svelte');
export const tools = () => import('./tools/index.js');
