/**
 * The activity pages show Beijing time (UTC+8, Monday-first weeks) whatever the reader's own
 * time zone, and turn a Beijing date and clock time back into ISO UTC for the API.
 */
import { describe, expect, it } from 'vitest';
import { addDays, beijingClock, beijingDate, formatSpan, fromBeijing, mondayOf, weekDates } from '../../web/src/lib/beijing.js';

describe('Beijing time on the activity pages', () => {
  it('puts a late-evening UTC instant on the next Beijing day', () => {
    expect(beijingDate('2026-11-30T17:30:00.000Z')).toBe('2026-12-01');
    expect(beijingClock('2026-11-30T17:30:00.000Z')).toBe('01:30');
  });

  it('turns a Beijing date and time into ISO UTC and back', () => {
    const iso = fromBeijing('2026-12-01', '09:00');
    expect(iso).toBe('2026-12-01T01:00:00.000Z');
    expect(beijingDate(iso)).toBe('2026-12-01');
    expect(beijingClock(iso)).toBe('09:00');
  });

  it('starts weeks on Monday, also from a Sunday, and crosses months and years', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(weekDates('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('shows a span as one Beijing day with its clock times, in either language', () => {
    const span = formatSpan('2026-12-01T01:00:00.000Z', '2026-12-01T02:30:00.000Z', 'zh-CN');
    expect(span).toContain('12月1日');
    expect(span).toContain('09:00–10:30');
    expect(formatSpan('2026-12-01T01:00:00.000Z', '2026-12-01T02:30:00.000Z', 'en')).toMatch(/Tuesday, December 1 09:00–10:30/);
  });
});
