/** The roll CSV: a round trip for any roll, exact areas, quoting, and the Art. 278 matters and statuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matter } from '../../functions/contracts/ballots.js';
import { parseArea, parseCsv, parseRoll, rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { normalizeChoice, optionsOf, ruleKindOf, statusAt } from '../../functions/ballots/rules.js';

const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[;\s]/g, 'x')).filter((s) => s.trim() === s && s.length > 0);
const row = fc.record({
  unitId: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), building: text, room: text,
  areaCentiM2: fc.integer({ min: 1, max: 999_999_999 }), owners: fc.array(text, { minLength: 1, maxLength: 3 }),
  head: text, representativeId: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/), { nil: null }),
});

describe('roll CSV', () => {
  it('reads back exactly what it writes, whatever the names hold (commas, quotes, newlines)', () => {
    fc.assert(fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 20, selector: (r) => r.unitId }), (rows: RollRow[]) => {
      const parsed = parseRoll(rollCsv(rows));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.rows).toEqual([...rows].sort((a, b) => (a.unitId < b.unitId ? -1 : 1)));
      expect(parsed.totals.heads).toBe(new Set(rows.map((r) => r.head)).size);
      // The same content in another order has the same hash: re-importing it is no change.
      const again = parseRoll(rollCsv([...rows].reverse()));
      expect(again.ok && again.hash).toBe(parsed.hash);
    }), { numRuns: 300 });
  });

  it('parses areas as decimal strings, never floats', () => {
    expect(parseArea('86.4')).toBe(8640);
    expect(parseArea('0.29')).toBe(29);
    expect(parseArea('100')).toBe(10000);
    for (const bad of ['1.234', '-3', '1e3', '', ' 2', '.5', '1,5']) expect(parseArea(bad)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (c) => {
      expect(parseArea(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`)).toBe(c);
    }));
  });

  it('keeps quoted commas and newlines and reports the line a record starts on', () => {
    const out = parseCsv('a,b\n"x, y","line1\nline2"\n\nc,d\n');
    expect(out).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', 'line1\nline2'] }, { line: 5, fields: ['c', 'd'] }]);
    expect(parseCsv('a,"b\n')).toEqual({ error: 'a quoted field is not closed', line: 1 });
  });
});

describe('Art. 278 rules', () => {
  it('treats raising funds, rebuilding and changing the use of common parts as major, the rest as ordinary', () => {
    const major = Matter.options.filter((m) => ruleKindOf(m) === 'major');
    expect(major.sort()).toEqual(['common-use-change', 'raise-maintenance-fund', 'rebuild']);
    expect(ruleKindOf('use-maintenance-fund')).toBe('ordinary');
    expect(ruleKindOf('property-company')).toBe('ordinary');
  });

  it('checks choices against the ballot', () => {
    const candidates = optionsOf({ kind: 'candidates', candidates: ['王秀英', '李建国'] });
    expect(normalizeChoice('candidates', candidates, ['c2', 'c1'])).toEqual(['c1', 'c2']);
    expect(() => normalizeChoice('candidates', candidates, ['c3'])).toThrow();
    expect(() => normalizeChoice('candidates', candidates, 'yes')).toThrow();
    expect(() => normalizeChoice('decision', optionsOf({ kind: 'decision' }), ['yes'])).toThrow();
    expect(() => optionsOf({ kind: 'candidates', candidates: ['王', '王'] })).toThrow();
  });

  it('becomes final only after the notice period and with no open objection', () => {
    const s = { status: 'closed' as const, opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-01-10T00:00:00.000Z', noticeEndsAt: '2026-01-17T00:00:00.000Z', openObjections: 0 };
    expect(statusAt(s, '2026-01-16T23:59:59.999Z')).toBe('notice');
    expect(statusAt(s, '2026-01-17T00:00:00.000Z')).toBe('final');
    expect(statusAt({ ...s, openObjections: 1 }, '2026-02-01T00:00:00.000Z')).toBe('notice');
    const open = { ...s, status: 'open' as const };
    expect(statusAt(open, '2025-12-31T00:00:00.000Z')).toBe('scheduled');
    expect(statusAt(open, '2026-01-05T00:00:00.000Z')).toBe('open');
    expect(statusAt(open, '2026-01-10T00:00:00.000Z')).toBe('counting');
  });
});
