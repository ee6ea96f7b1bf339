/**
 * Staff and committee tools for the ballot page: paper and proxy entry, closing and answering
 * objections. The page imports this module dynamically, only for committee members and staff,
 * so voters never download their code (nor their messages).
 */
import '$lib/i18n/ballot-tools.js';

export { default as StaffPanel } from './StaffPanel.svelte';
export { default as Responder } from './Responder.svelte';
