/**
 * Import this (for its effect) from a person's notification pages (inbox, settings, unsubscribe)
 * and the development outbox: it adds their messages to `t()`, the English half only for English
 * readers. Other pages never download them.
 */
import { addChineseFirst } from './index.svelte.js';
import { notificationsZh } from './notifications-zh.js';

addChineseFirst(notificationsZh, () => import('./notifications-en.js').then((m) => m.notificationsEn));
