/**
 * A counted ballot's first view: the result with its charts. A module of its own, fetched with
 * the ballot when it has a result, so an open ballot never downloads it.
 */
export { resultReady } from '$lib/i18n/ballot-result.js';
export { default as ResultSection } from './ResultSection.svelte';
