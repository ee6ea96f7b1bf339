/** The caller's part, the roll and turnout (and the vote page): Chinese now, English when needed (see ballots.ts). */
import { ballotOpenZh } from './ballot-open-zh.js';
import { englishLater } from './ballots-later.svelte.js';

export const openReady = englishLater(ballotOpenZh, () => import('./ballot-open-en.js').then((m) => m.ballotOpenEn));
