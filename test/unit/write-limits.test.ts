/** The Beijing day a write is counted in, and when the next one starts (Retry-After). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beijingDay } from '../../functions/shared/write-limits.js';

describe('beijingDay', () => {
  it('names the date in Beijing and ends at the next Beijing midnight, within a day', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
      const at = d.toISOString();
      const { date, endsAt } = beijingDay(at);
      const beijing = new Date(d.getTime() + 8 * 3_600_000);
      expect(date).toBe(beijing.toISOString().slice(0, 10));
      expect(endsAt).toBeGreaterThan(d.getTime());
      expect(endsAt - d.getTime()).toBeLessThanOrEqual(86_400_000);
      expect(new Date(endsAt + 8 * 3_600_000).toISOString().slice(11)).toBe('00:00:00.000Z');
    }), { seed: 20261206, numRuns: 500 });
  });

  it('turns at 16:00 UTC (Beijing midnight)', () => {
    expect(beijingDay('2026-12-06T15:59:59.999Z').date).toBe('2026-12-06');
    expect(beijingDay('2026-12-06T16:00:00.000Z').date).toBe('2026-12-07');
    expect(beijingDay('2026-12-06T16:00:00.000Z').endsAt).toBe(Date.parse('2026-12-07T16:00:00.000Z'));
  });
});
