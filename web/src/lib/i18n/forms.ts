/**
 * Import this (for its effect) from every form and the code that checks one (Field.svelte,
 * form-errors.ts, submission.svelte.ts, …): it adds the forms' messages to `t()`, the English half
 * only for English readers. Pages without a form never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { formsZh } from './forms-zh.js';

addChineseFirst(formsZh, () => import('./forms-en.js').then((m) => m.formsEn));
