/**
 * Import this (for its effect) from the staff's registry desks (estates and households, spaces,
 * requests, residents without a phone, the audit log): it adds their messages to `t()`, the
 * English half only for English readers.
 */
import './registry.js';
import { addChineseFirst } from './index.svelte.js';
import { registryDeskZh } from './registry-desk-zh.js';

addChineseFirst(registryDeskZh, () => import('./registry-desk-en.js').then((m) => m.registryDeskEn));
