/**
 * Import this (for its effect) from the ballot pages: it adds their Chinese messages to `t()`.
 * Other pages never import it. The English ones are a separate download, fetched only by someone
 * reading English: pages call `needEnglish()` and show their content once `ballotsReady` says so,
 * so no page ever shows a raw key.
 */
import { derived, writable } from 'svelte/store';
import { ballotsZh } from './ballots-zh.js';
import { addMessages, type Lang } from './index.svelte.js';

addMessages(ballotsZh, {});

const english = writable(false);
let asked = false;

/** Fetches the English messages once (a no-op for Chinese readers). */
export function needEnglish(lang: Lang): void {
  if (lang !== 'en' || asked) return;
  asked = true;
  import('./ballots-en.js').then((m) => {
    addMessages({}, m.ballotsEn);
    english.set(true);
  }, () => { asked = false; });
}

/** Whether the messages for `lang` are here. */
export const ballotsReady = derived(english, (en) => (lang: Lang) => lang !== 'en' || en);
