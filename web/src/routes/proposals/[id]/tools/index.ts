/**
 * Committee and staff tools for the proposal page. The page imports this module dynamically, only
 * for people whose roles include committee or staff, so residents never download it.
 */
import '$lib/i18n/staff.js';
import '$lib/i18n/proposal-detail.js';

export { default as CommitteePanel } from './CommitteePanel.svelte';
export { default as ObjectionResponder } from './ObjectionResponder.svelte';
export { default as ModerateBox } from './ModerateBox.svelte';
