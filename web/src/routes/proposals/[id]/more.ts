/**
 * The parts of a proposal page that are not needed for its first view (below the fold, or for
 * some readers only): one download after the page is up, so the page's first-load JS stays small.
 */
export { default as AnswerSection } from './AnswerSection.svelte';
export { default as WorkSection } from './WorkSection.svelte';
export { default as WithdrawBox } from './WithdrawBox.svelte';
export { default as Comments } from './Comments.svelte';
export { default as ReportBox } from './ReportBox.svelte';
export { default as Timeline } from './Timeline.svelte';
export { default as PrintNotice } from '$lib/components/PrintNotice.svelte';
