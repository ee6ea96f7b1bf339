/** The vote page's own messages: Chinese now, English when needed (see ballots.ts). */
import { ballotVoteZh } from './ballot-vote-zh.js';
import { englishLater } from './ballots-later.svelte.js';

export const voteReady = englishLater(ballotVoteZh, () => import('./ballot-vote-en.js').then((m) => m.ballotVoteEn));
