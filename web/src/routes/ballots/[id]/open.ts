/**
 * An open (or scheduled) ballot's first view below its question: "my vote" and turnout. A module
 * of its own, so a counted ballot never downloads them up front and an open one does not wait for
 * the loaders of every other part (below.ts).
 */
export { openReady } from '$lib/i18n/ballot-open.js';
export { default as MyStatus } from './MyStatus.svelte';
export { default as Turnout } from './Turnout.svelte';
