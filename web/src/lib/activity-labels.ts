/** Message keys for the activities contract's enums, written out so every key is visibly used. */
import type { Audience } from '$contracts/activities.js';
import type { MessageKey } from './i18n/index.svelte.js';
import './i18n/activities.js';

export const audienceKey = {
  elderly: 'audience.elderly',
  children: 'audience.children',
  all: 'audience.all',
} as const satisfies Record<Audience, MessageKey>;

/** Who priority seats are held for: the audience group in plain words (nobody for "all"). */
export const priorityGroupKey = {
  elderly: 'priority.elderly',
  children: 'priority.children',
  all: 'priority.all',
} as const satisfies Record<Audience, MessageKey>;

/** Monday (1) … Sunday (7), as the series contract numbers them. */
export const weekdayKey = {
  1: 'weekday.1', 2: 'weekday.2', 3: 'weekday.3', 4: 'weekday.4', 5: 'weekday.5', 6: 'weekday.6', 7: 'weekday.7',
} as const satisfies Record<number, MessageKey>;
