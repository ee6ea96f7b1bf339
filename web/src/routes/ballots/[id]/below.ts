/**
 * Loaders of the parts a ballot's first view does not show, and of the committee and staff tools.
 * A small download of its own, fetched when the first of them is needed: their addresses and
 * preload lists stay out of the page's first load.
 */
export const resultTables = () => import('./ResultTables.svelte');
export const objections = () => import('./Objections.svelte');
export const receipts = () => import('./Receipts.svelte');
export const myStatus = () => import('./MyStatus.svelte');
export const ruleBox = () => import('./RuleBox.svelte');
export const turnout = () => import('./Turnout.svelte');
export const resultNotice = () => import('./ResultNotice.svelte');
export const tools = () => import('./tools/index.js');
