/**
 * What a counted ballot shows (the result with its charts, objections, the receipt list). The page
 * imports this only once a ballot has a result, so an open ballot's first load stays small.
 */
export { default as ResultSection } from './ResultSection.svelte';
export { default as Objections } from './Objections.svelte';
export { default as Receipts } from './Receipts.svelte';
export { default as PrintNotice } from '$lib/components/PrintNotice.svelte';
