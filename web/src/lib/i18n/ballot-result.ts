/** The result view's messages (Chinese now, English when an English reader needs them): see ballots.ts. */
import { ballotResultZh } from './ballot-result-zh.js';
import { englishLater } from './ballots-later.svelte.js';

export const resultReady = englishLater(ballotResultZh, () => import('./ballot-result-en.js').then((m) => m.ballotResultEn));
