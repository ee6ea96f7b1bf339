/**
 * Import this (for its effect) from the booking box of an activity page: it adds its messages to
 * `t()`, both languages at once (the box is a later download, so neither weighs on the first load).
 */
import { addMessages } from './index.svelte.js';
import { bookingEn } from './booking-en.js';
import { bookingZh } from './booking-zh.js';

addMessages(bookingZh, bookingEn);
