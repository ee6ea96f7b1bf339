/**
 * Staff and committee tools for the activity page. The page imports this module dynamically, only
 * for people whose roles include committee or staff, so residents never download it.
 */
import '$lib/i18n/staff.js';

export { default as StaffPanel } from './StaffPanel.svelte';
