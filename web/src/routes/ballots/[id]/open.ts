/**
 * An open (or scheduled) ballot's first view below its question: "my vote". A module of its own,
 * so a counted ballot never downloads it up front and an open one does not wait for the loaders
 * of every other part (below.ts). Turnout comes when scrolled near, like the other parts.
 */
export { openReady } from '$lib/i18n/ballot-open.js';
export { default as MyStatus } from './MyStatus.svelte';
