/**
 * A ballot catalogue whose Chinese messages come with the code that imports it and whose English
 * ones are a separate download, fetched only by someone reading English.
 */
import { addMessages, type Lang } from './index.svelte.js';

/** `ready(lang)`: true when the messages for `lang` are here; `ready.loaded(lang)` resolves then. */
export type Ready = ((lang: Lang) => boolean) & { loaded(lang: Lang): Promise<void> };

/**
 * Adds `zh` to `t()` now and returns `ready`. Asking for English starts its download once; `ready`
 * turns true (reactively) when it lands, so a page shows its content only then and never a raw
 * key. A part that loads later can wait for `ready.loaded(lang)` before it appears, so it never
 * shows up empty first.
 */
export function englishLater(zh: Record<string, string>, loadEnglish: () => Promise<Record<string, string>>): Ready {
  addMessages(zh, {});
  let here = $state(false);
  let asked: Promise<void> | null = null;
  const fetchEnglish = () => (asked ??= loadEnglish().then((en) => {
    addMessages({}, en);
    here = true;
  }, () => { asked = null; }));
  const ready = (lang: Lang) => {
    if (lang !== 'en' || here) return true;
    void fetchEnglish();
    return false;
  };
  return Object.assign(ready, { loaded: (lang: Lang) => (lang === 'en' ? fetchEnglish() : Promise.resolve()) });
}
