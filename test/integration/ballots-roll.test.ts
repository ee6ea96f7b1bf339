/** Household rolls: all-or-nothing CSV import with every row error reported, idempotent re-import, who may see what. */
import { afterAll, describe, expect, it } from 'vitest';
import { Roll, RollImport, RollSummary } from '../../functions/contracts/ballots.js';
import { rollCsv, type RollRow } from '../../functions/ballots/roll-csv.js';
import { demoRollRows } from '../../functions/local/demo/ballots.js';
import { advanceSystemClock, systemClock } from '../../functions/shared/clock.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
/** `estate` is one of the demo community's: `dongyuan` is `chating.dongyuan`. */
const put = async (who: string, estate: string, csv: string) => api.call('PUT', `/api/estates/chating.${estate}/roll`, { token: await as(who), body: { csv } });
const getRoll = async (estate: string) => Roll.parse((await api.call('GET', `/api/estates/chating.${estate}/roll`, { token: await as('staff1') })).body);

const rows = (n: number): RollRow[] => Array.from({ length: n }, (_, i) => ({
  unitId: `nh-9-${100 + i}`, building: '9', room: String(100 + i), areaCentiM2: 5000 + i * 7, owners: [`业主${i}`, '配偶'],
  head: i < 3 ? 'buyer-a' : i >= n - 2 ? 'developer' : `h${i}`, representativeId: i >= n - 2 ? null : `rep${i}`,
}));

describe('the demo rolls', () => {
  it('counts resident2\'s two flats as one head and the developer\'s unsold flats as one head', async () => {
    const roll = await getRoll('dongyuan');
    const demo = demoRollRows('chating.dongyuan');
    expect(roll.units.length).toBe(demo.length);
    expect(roll.units.filter((u) => u.head === 'resident2')).toHaveLength(2);
    expect(roll.units.filter((u) => u.head === 'developer')).toHaveLength(2);
    expect(roll.heads).toBe(new Set(demo.map((r) => r.head)).size);
    expect(roll.heads).toBe(roll.units.length - 2);
    expect(roll.totalAreaCentiM2).toBe(demo.reduce((s, r) => s + r.areaCentiM2, 0));
    expect(roll.units.some((u) => u.representativeId === 'tenant1')).toBe(false);
  });

  it('publishes the totals to anyone, and the units only to staff and the estate\'s committee', async () => {
    const summary = RollSummary.parse((await api.call('GET', '/api/estates/chating.xinyu/roll/summary')).body);
    expect(summary.units).toBeGreaterThan(0);
    expect((await api.call('GET', '/api/estates/chating.xinyu/roll')).status).toBe(401);
    expect((await api.call('GET', '/api/estates/chating.xinyu/roll', { token: await as('resident3') })).status).toBe(403);
    expect((await api.call('GET', '/api/estates/chating.xinyu/roll', { token: await as('committee1') })).status).toBe(403);
    expect((await api.call('GET', '/api/estates/chating.dongyuan/roll', { token: await as('committee1') })).status).toBe(200);
    expect((await api.call('GET', '/api/estates/chating.nowhere/roll/summary')).status).toBe(404);
  });
});

describe('importing a roll', () => {
  it('writes nothing when one row is bad, and names the line and column', async () => {
    const before = await getRoll('nanhu');
    const good = rollCsv(rows(40)).split('\n');
    good[17] = good[17]!.replace(/,\d+\.\d\d,/, ',12.345,'); // line 18 of the file: three decimals
    const reply = await put('staff1', 'nanhu', good.join('\n'));
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_roll');
    expect(reply.body.error.issues).toEqual([expect.objectContaining({ path: 'csv.18.area_m2', code: 'invalid_area' })]);
    expect(await getRoll('nanhu')).toEqual(before);
  });

  it('reports every bad row at once', async () => {
    const lines = rollCsv(rows(10)).split('\n');
    lines[2] = lines[2]!.replace('nh-9-101', 'nh 9 101');
    lines[4] = lines[1]!; // a duplicate of the first unit
    lines[6] = lines[6]!.replace(/rep5$/, 'bad rep!');
    lines[8] = 'only,three,fields';
    const reply = await put('staff1', 'nanhu', lines.join('\n'));
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['csv.3.unit_id', 'csv.5.unit_id', 'csv.7.representative', 'csv.9.*']);
    const header = await put('staff1', 'nanhu', 'unit_id,building,room,area\nx,1,101,50');
    expect(header.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['csv.1.area_m2', 'csv.1.owners', 'csv.1.head', 'csv.1.representative', 'csv.1.area']));
  });

  it('imports a valid file, and the same file again changes nothing', async () => {
    const csv = rollCsv(rows(40));
    const first = RollImport.parse((await put('staff1', 'nanhu', csv)).body);
    expect(first).toMatchObject({ changed: true, units: 40, heads: 1 + (40 - 3 - 2) + 1, totalAreaCentiM2: rows(40).reduce((s, r) => s + r.areaCentiM2, 0) });
    const roll = await getRoll('nanhu');
    expect(roll.units.find((u) => u.unitId === 'nh-9-100')).toMatchObject({ areaCentiM2: 5000, owners: ['业主0', '配偶'], head: 'buyer-a', representativeId: 'rep0' });
    const again = RollImport.parse((await put('staff1', 'nanhu', csv.replace(/\n/g, '\r\n'))).body);
    expect(again).toEqual({ ...first, changed: false });
    expect(await getRoll('nanhu')).toEqual(roll);
  });

  it('replaces the roll with a changed file, dropping units no longer listed', async () => {
    const reply = RollImport.parse((await put('staff1', 'nanhu', rollCsv(rows(30)))).body);
    expect(reply).toMatchObject({ changed: true, units: 30 });
    expect((await getRoll('nanhu')).units).toHaveLength(30);
  });

  it('never mixes the rows of two different files imported at the same moment', async () => {
    const a = rows(30);
    const b = rows(30).map((r) => ({ ...r, areaCentiM2: r.areaCentiM2 + 1, representativeId: null }));
    const replies = await Promise.all([put('staff1', 'huaqiao', rollCsv(a)), put('staff1', 'huaqiao', rollCsv(b)), put('committee1', 'huaqiao', rollCsv(a))]);
    expect(replies.map((r) => r.status).every((s) => s === 200 || s === 409 || s === 403)).toBe(true);
    const roll = await getRoll('huaqiao');
    const won = roll.units[0]!.representativeId === null ? b : a;
    expect(roll.units).toEqual(won.map((r) => ({ ...r })).sort((x, y) => (x.unitId < y.unitId ? -1 : 1)));
    expect(roll.totalAreaCentiM2).toBe(won.reduce((s, r) => s + r.areaCentiM2, 0));
  });

  it('reads areas exactly, never through floating point', async () => {
    const csv = rollCsv(rows(2)).replace(',50.00,', ',0.29,');
    expect((await put('staff1', 'xinyu', csv)).status).toBe(200);
    expect((await getRoll('xinyu')).units.find((u) => u.unitId === 'nh-9-100')!.areaCentiM2).toBe(29);
  });

  it('lets only staff and the estate\'s own committee import', async () => {
    const csv = rollCsv(rows(5));
    expect((await put('resident1', 'dongyuan', csv)).status).toBe(403);
    expect((await put('committee1', 'nanhu', csv)).status).toBe(403);
    expect((await put('donor1', 'nanhu', csv)).status).toBe(403);
    expect((await put('staff1', 'nowhere', csv)).status).toBe(404);
    // An estate id names its community: a bare `dongyuan` is not one.
    expect((await api.call('PUT', '/api/estates/dongyuan/roll', { token: await as('staff1'), body: { csv } })).status).toBe(400);
  });
});

describe('a ballot waiting to open', () => {
  let advanced = 0;
  afterAll(() => { advanceSystemClock(-advanced); });

  it('holds the roll it froze until it opens, so the frozen roll is the roll at opening', async () => {
    const hours = (h: number) => new Date(Date.parse(systemClock()) + h * 3_600_000).toISOString();
    const before = await getRoll('dongyuan');
    const ballot = await api.call('POST', '/api/ballots', {
      token: await as('committee1'),
      body: { estateId: 'chating.dongyuan', title: '续聘物业服务企业', matter: 'property-company', options: { kind: 'decision' }, opensAt: hours(2), closesAt: hours(50) },
    });
    expect(ballot.status).toBe(201);
    const changed = rollCsv([...demoRollRows('chating.dongyuan').slice(1)]);
    const refused = await put('staff1', 'dongyuan', changed);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ballot_pending');
    expect(await getRoll('dongyuan')).toEqual(before);
    // Re-sending the roll in force is still fine: nothing changes.
    expect((await put('staff1', 'dongyuan', rollCsv(demoRollRows('chating.dongyuan')))).body.changed).toBe(false);

    advanced += 3 * 3_600_000;
    advanceSystemClock(3 * 3_600_000);
    const later = await put('staff1', 'dongyuan', changed);
    expect(later.status).toBe(200);
    expect(RollImport.parse(later.body).units).toBe(before.units.length - 1);
  });
});
