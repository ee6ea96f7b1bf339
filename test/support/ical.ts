/** Reads an iCalendar text with ical.js (an independent RFC 5545 parser) after checking its raw form. */
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface ParsedEvent {
  uid: string; summary: string; start: string; end: string; tzid: string | null;
  status: string | null; location: string | null; description: string;
}
export interface ParsedCalendar { name: string; prodId: string; timezones: string[]; events: ParsedEvent[] }

/** RFC 5545 §3.1: lines end with CRLF and are folded to at most 75 octets (the CRLF not counted). */
export function expectRawForm(text: string): void {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n');
  const tooLong = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
  expect(tooLong).toEqual([]);
  expect(calendarPropertiesAfterComponents(lines)).toEqual([]);
}

/** RFC 5545 §3.6: `icalbody = calprops component`; a calendar property after a component is out of grammar. */
function calendarPropertiesAfterComponents(lines: string[]): string[] {
  let depth = 0;
  let seenComponent = false;
  const stray: string[] = [];
  for (const line of lines.filter((l) => l !== '' && !l.startsWith(' '))) {
    if (line.startsWith('BEGIN:')) { depth++; if (depth === 2) seenComponent = true; continue; }
    if (line.startsWith('END:')) { depth--; continue; }
    if (depth === 1 && seenComponent) stray.push(line);
  }
  return stray;
}

export function parseCalendar(text: string): ParsedCalendar {
  expectRawForm(text);
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(root.name).toBe('vcalendar');
  const zones = root.getAllSubcomponents('vtimezone');
  for (const z of zones) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const events = root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
      tzid: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null, location: e.location ?? null, description: e.description ?? '',
    };
  });
  return {
    name: String(root.getFirstPropertyValue('x-wr-calname') ?? ''), prodId: String(root.getFirstPropertyValue('prodid') ?? ''),
    timezones: zones.map((z) => String(z.getFirstPropertyValue('tzid'))), events,
  };
}
