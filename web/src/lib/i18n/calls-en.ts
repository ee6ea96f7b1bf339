/** English messages of the grid member's call list. `satisfies` refuses a missing or an extra key. */
import type { CallsMessages } from './calls-zh.js';

export const callsEn = {
  'calls.title': 'Calls and visits',
  'calls.intro': 'No text message or email reaches these residents. Call or visit them, tell them what is below, then press Told.',
  'calls.date': 'Date (Beijing time)',
  'calls.show': 'Show that day\u2019s list',
  'calls.heading': '{date}: {count} to tell',
  'calls.none': 'Nothing to tell residents by phone or in person that day.',
  'calls.contact': 'How to reach them',
  'calls.tell': 'What to tell them',
  'calls.open': 'Open the page it is about',
  'calls.note': 'How you told them',
  'calls.noteHint': 'For example: by phone, visited',
  'calls.told': 'Told',
  'calls.toldWho': 'Told: {name}',
  'calls.toldBy': '✓ Told by {who} at {time}',
  'calls.pending': 'Not told yet',
} as const satisfies CallsMessages;
