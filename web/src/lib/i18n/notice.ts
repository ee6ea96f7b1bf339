/** Import this (for its effect) from PrintNotice.svelte and QrCode.svelte: it adds their messages to `t()`. */
import { addChineseFirst } from './index.svelte.js';
import { noticeZh } from './notice-zh.js';

addChineseFirst(noticeZh, () => import('./notice-en.js').then((m) => m.noticeEn));
