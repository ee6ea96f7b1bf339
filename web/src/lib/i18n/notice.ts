/** Import this (for its effect) from PrintNotice.svelte and QrCode.svelte: it adds their messages to `t()`. */
import { addMessages } from './index.svelte.js';
import { noticeEn } from './notice-en.js';
import { noticeZh } from './notice-zh.js';

addMessages(noticeZh, noticeEn);
