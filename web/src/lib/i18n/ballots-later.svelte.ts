/**
 * A ballot catalogue whose Chinese messages come with the code that imports it and whose English
 * ones are a separate download, fetched only by someone reading English.
 */
import { addMessages, type Lang } from './index.svelte.js';

/**
 * Adds `zh` to `t()` now and returns `ready(lang)`: true when the messages for `lang` are here.
 * Asking for English starts its download once; `ready` turns true (reactively) when it lands, so
 * a page shows its content only then and never a raw key.
 */
export function englishLater(zh: Record<string, string>, loadEnglish: () => Promise<Record<string, string>>): (lang: Lang) => boolean {
  addMessages(zh, {});
  let here = $state(false);
  let asked = false;
  return (lang) => {
    if (lang !== 'en' || here) return true;
    if (!asked) {
      asked = true;
      loadEnglish().then((en) => {
        addMessages({}, en);
        here = true;
      }, () => { asked = false; });
    }
    return false;
  };
}
