/**
 * Import this (for its effect) from the parts of a proposal page that load after it is up
 * (details, answer, objections, work, record, comments, reports, withdrawing; a refused backing)
 * and from the committee tools. Both languages at once: none of them is in a first load.
 */
import { addMessages } from './index.svelte.js';
import { proposalDetailEn } from './proposal-detail-en.js';
import { proposalDetailZh } from './proposal-detail-zh.js';

addMessages(proposalDetailZh, proposalDetailEn);
