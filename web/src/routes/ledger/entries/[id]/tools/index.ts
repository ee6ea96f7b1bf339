/**
 * Staff and committee tools for a ledger entry (confirm a pledge, reverse an entry). The page imports
 * this module dynamically, only for people whose roles include committee or staff.
 */
import '../../../manage/messages.js';

export { default as EntryTools } from './EntryTools.svelte';
