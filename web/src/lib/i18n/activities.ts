/**
 * Import this (for its effect) from the activity pages (activity-labels.ts does, for every page
 * that names an audience or a weekday): it adds their messages to `t()`, the English half only
 * for someone reading English, so other pages never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { activitiesZh } from './activities-zh.js';

addChineseFirst(activitiesZh, () => import('./activities-en.js').then((m) => m.activitiesEn));
