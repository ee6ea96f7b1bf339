/**
 * Import this (for its effect) from the parts of a proposal page that load after it is up
 * (answer, objections, work, record, comments, withdrawing) and from the committee tools.
 */
import { addMessages } from './index.svelte.js';
import { proposalDetailEn } from './proposal-detail-en.js';
import { proposalDetailZh } from './proposal-detail-zh.js';

addMessages(proposalDetailZh, proposalDetailEn);
