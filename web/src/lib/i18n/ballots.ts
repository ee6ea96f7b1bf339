/**
 * Import this from the ballot pages: it adds their Chinese messages to `t()`. Other pages never
 * import it. The English ones are a separate download, fetched only by someone reading English:
 * pages show their content once `ballotsReady(i18n.lang)` says so, so no page ever shows a raw key.
 */
import { ballotsZh } from './ballots-zh.js';
import { englishLater } from './ballots-later.svelte.js';

export const ballotsReady = englishLater(ballotsZh, () => import('./ballots-en.js').then((m) => m.ballotsEn));
