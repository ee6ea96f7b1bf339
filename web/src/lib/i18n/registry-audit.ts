/**
 * Import this (for its effect) from the audit log's page: it adds its messages to `t()`, the
 * English half only for English readers.
 */
import './registry.js';
import { addChineseFirst } from './index.svelte.js';
import { registryAuditZh } from './registry-audit-zh.js';

addChineseFirst(registryAuditZh, () => import('./registry-audit-en.js').then((m) => m.registryAuditEn));
