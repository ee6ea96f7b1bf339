/** When a message is due: quiet hours, the daily digest, Beijing dates (property tests). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../../functions/contracts/notifications.js';
import { beijingDay, channelsFor, dueAt, inQuietHours, nextMorning, unsavedSettings, viaGridMember } from '../../functions/notifications/rules.js';

const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }).map((t) => new Date(t).toISOString());
const beijingHour = (t: string) => (new Date(t).getUTCHours() + 8) % 24;

describe('dueAt', () => {
  it('never lets an SMS arrive between 21:00 and 08:00 Beijing time unless the person allows it, and never delays it more than 11 hours', () => {
    fc.assert(fc.property(instant, (t) => {
      const due = dueAt('sms', { sms: true, email: false, timing: 'immediate' }, t, false);
      expect(beijingHour(due) >= 8 && beijingHour(due) < 21).toBe(true);
      expect(Date.parse(due) - Date.parse(t)).toBeLessThanOrEqual(11 * 3_600_000);
      expect(due === t).toBe(!inQuietHours(t));
      expect(dueAt('sms', { sms: true, email: false, timing: 'immediate' }, t, true)).toBe(t);
      expect(dueAt('email', { sms: false, email: true, timing: 'immediate' }, t, false)).toBe(t);
    }));
  });

  it('sends a daily digest at the next 08:00 Beijing time, within a day', () => {
    fc.assert(fc.property(instant, fc.constantFrom('sms' as const, 'email' as const), (t, channel) => {
      const due = dueAt(channel, { sms: true, email: true, timing: 'daily' }, t, true);
      expect(due).toBe(nextMorning(t));
      expect(due.endsWith('T00:00:00.000Z')).toBe(true);
      expect(Date.parse(due) > Date.parse(t) && Date.parse(due) - Date.parse(t) <= 86_400_000).toBe(true);
    }));
  });

  it('names the Beijing date of an instant, given as a time or as milliseconds', () => {
    expect(beijingDay('2026-12-07T15:59:59.000Z')).toBe('2026-12-07');
    expect(beijingDay('2026-12-07T16:00:00.000Z')).toBe('2026-12-08');
    fc.assert(fc.property(instant, (t) => { expect(beijingDay(Date.parse(t))).toBe(beijingDay(t)); }));
  });
});

describe('who a channel reaches', () => {
  it('needs an address, the wish, and no unsubscribe; with none, only offline people and those who chose so go to the grid member', () => {
    const saved = { ...unsavedSettings, phone: '+8613800000000', updatedAt: '2026-12-01T00:00:00.000Z' };
    expect(channelsFor(saved, 'booking.promoted')).toEqual(['sms']);
    expect(channelsFor({ ...saved, off: { sms: '2026-12-02T00:00:00.000Z' } }, 'booking.promoted')).toEqual([]);
    expect(channelsFor(saved, 'proposal.answered')).toEqual([]); // SMS is off by default for what can wait
    for (const kind of notificationKinds) {
      expect(viaGridMember('resident1', unsavedSettings, kind)).toBe(false);
      expect(viaGridMember('p-01JAAAAAAAAAAAAAAAAAAAAAAA', unsavedSettings, kind)).toBe(true);
      expect(viaGridMember('resident1', { ...saved, phone: null }, kind)).toBe(true);
    }
  });
});
