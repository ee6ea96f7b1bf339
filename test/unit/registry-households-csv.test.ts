/** The household CSV: any valid registry round-trips, every bad row is named, ids are stable, GB18030 is read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseHouseholds, unitOf } from '../../functions/community/households-csv.js';
import { HouseholdId } from '../../functions/contracts/common.js';

const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const name = fc.string({ minLength: 1, maxLength: 10 }).map((s) => s.replace(/[;；\s]/g, '名')).filter((s) => s.trim() === s && s.length > 0);
const label = fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.constantFrom('3栋', '东楼', 'A座', '1单元'), name.map((s) => s.slice(0, 8)));
const row = fc.record({
  building: label, room: fc.oneof(fc.stringMatching(/^[0-9]{3,4}$/), fc.constantFrom('101室', '底楼')),
  area: fc.integer({ min: 1, max: 99_999_99 }), owners: fc.array(name, { minLength: 1, maxLength: 3 }), tenants: fc.array(name, { maxLength: 2 }),
  phone: fc.option(fc.stringMatching(/^[0-9]{4}$/), { nil: null }),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
const csvOf = (rows: Row[]) => ['building,room,area_m2,owners,tenants,phone_hint', ...rows.map((r) => [
  r.building, r.room, `${Math.floor(r.area / 100)}.${String(r.area % 100).padStart(2, '0')}`, r.owners.join(';'), r.tenants.join(';'), r.phone ?? '',
].map(q).join(','))].join('\n');

describe('household CSV', () => {
  it('reads back every valid file exactly, with ids fit for keys and the same hash in any order', () => {
    fc.assert(fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: (r) => unitOf(r.building, r.room) }), (rows) => {
      const parsed = parseHouseholds(csvOf(rows));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.rows).toHaveLength(rows.length);
      for (const r of rows) {
        const got = parsed.rows.find((p) => p.building === r.building && p.room === r.room)!;
        expect(got).toEqual({ unit: unitOf(r.building, r.room), building: r.building, room: r.room, areaCentiM2: r.area, owners: r.owners, tenants: r.tenants, phoneHint: r.phone });
        expect(HouseholdId.safeParse(`chating.dongyuan.${got.unit}`).success).toBe(true);
      }
      const again = parseHouseholds(csvOf([...rows].reverse()));
      expect(again.ok && again.hash).toBe(parsed.hash);
    }), { numRuns: 200 });
  });

  it('names every bad row at once, by line and column, and returns no rows', () => {
    const csv = 'building,room,area_m2,owners\n1,101,80,张三\n1,,80,李四\n1,103,-2,王五\n1,101,70,赵六\n1,105,70,\n1,106,70\n';
    const parsed = parseHouseholds(csv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'csv.3.room:required', 'csv.4.area_m2:invalid_area', 'csv.5.room:duplicate_household', 'csv.6.owners:required', 'csv.7.*:wrong_field_count',
    ]);
  });

  it('checks the header: required columns, unknown and repeated ones; Chinese names are understood', () => {
    const missing = parseHouseholds('building,room,owners,colour\n1,101,张三,红\n');
    expect(!missing.ok && missing.issues.map((i) => i.path)).toEqual(['csv.1.area_m2', 'csv.1.colour']);
    const zh = parseHouseholds('楼栋,房号,面积,业主,租户,电话尾号\n2栋,301,88.5,李桂兰,,1234\n');
    expect(zh.ok && zh.rows[0]).toMatchObject({ building: '2栋', room: '301', areaCentiM2: 8850, phoneHint: '1234' });
  });

  it('gives a flat the same id every time: readable for plain labels, a hash otherwise', () => {
    expect(unitOf('1', '101')).toBe('1-101');
    expect(unitOf('3栋', '101')).toMatch(/^u[0-9a-f]{16}$/);
    expect(unitOf('3栋', '101')).toBe(unitOf('3栋', '101'));
    expect(unitOf('1', '1-01')).not.toBe(unitOf('1-1', '01'));
  });

  it('decodes UTF-8 bytes as UTF-8 and anything else as GB18030', () => {
    const utf8 = Buffer.from('楼栋,房号\n', 'utf8').toString('base64');
    expect(decodeCsv(utf8, 'base64')).toBe('楼栋,房号\n');
    const gbk = Buffer.from([0xc2, 0xa5, 0xb6, 0xb0, 0x2c, 0xb7, 0xbf, 0xba, 0xc5]).toString('base64'); // 楼栋,房号 in GBK
    expect(decodeCsv(gbk, 'base64')).toBe('楼栋,房号');
    expect(decodeCsv('plain', 'text')).toBe('plain');
  });
});
