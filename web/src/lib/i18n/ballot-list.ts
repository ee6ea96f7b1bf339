/**
 * The list's messages and the matters (the rule box and the new-ballot page name them too):
 * Chinese now, English when needed (see ballots.ts).
 */
import { ballotListZh } from './ballot-list-zh.js';
import { englishLater } from './ballots-later.svelte.js';

export const listReady = englishLater(ballotListZh, () => import('./ballot-list-en.js').then((m) => m.ballotListEn));
