/** Which items a community export takes: what names the community, and what hangs off the entities those items own. */
import { describe, expect, it } from 'vitest';
import { parseExportFile, selectCommunity, staleItems } from '../../functions/admin/community-data.js';
import { fromPlain, toPlain } from '../../functions/admin/export-json.js';

const P1 = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const P2 = '01JBBBBBBBBBBBBBBBBBBBBBBB';
const all = {
  community: [
    { pk: 'COMMUNITY#a', sk: 'META', id: 'a' }, { pk: 'COMMUNITY#b', sk: 'META', id: 'b' },
    { pk: 'COMMUNITY#a', sk: 'ESTATE#a.dongyuan' }, { pk: 'COMMUNITY#b', sk: 'ESTATE#b.dongyuan' },
    { pk: 'ESTATE#a.dongyuan', sk: 'HOUSEHOLD#a.dongyuan.1-101' }, { pk: 'ESTATE#b.dongyuan', sk: 'HOUSEHOLD#b.dongyuan.1-101' },
    { pk: 'USER#ann', sk: 'PROFILE', communityId: 'a' }, { pk: 'USER#ann', sk: 'HOUSEHOLD#a.dongyuan.1-101', gsi1pk: 'HOUSEHOLD#a.dongyuan.1-101' },
    { pk: 'USER#bob', sk: 'PROFILE', communityId: 'b' }, { pk: 'USER#sam', sk: 'STAFF#a', gsi1pk: 'STAFF#a' },
    { pk: 'AUDIT#a', sk: `2026#${P2}` }, { pk: 'AUDIT#platform', sk: '2026#01JCCCCCCCCCCCCCCCCCCCCCCC' }, { pk: 'SEED', sk: 'demo' },
  ],
  proposals: [
    { pk: `PROPOSAL#${P1}`, sk: 'META', communityId: 'a' }, { pk: `PROPOSAL#${P1}`, sk: 'SUPPORT#bob' },
    { pk: `PROPOSAL#${P2}`, sk: 'META', communityId: 'b' }, { pk: `PROPOSAL#${P2}`, sk: 'SUPPORT#ann' },
  ],
  activities: [{ pk: 'USER#ann', sk: `BOOKING#${P2}` }, { pk: 'USER#bob', sk: 'BOOKING#x' }],
  donations: [],
  ballots: [{ pk: 'ROLL#a.dongyuan', sk: 'META' }, { pk: 'ROLL#b.dongyuan', sk: 'META' }],
  notifications: [{ pk: 'USER#ann', sk: 'N#aaaa', communityId: 'a' }, { pk: 'USER#bob', sk: 'N#bbbb', communityId: 'b' }],
};

describe('selectCommunity', () => {
  it('takes what names the community or hangs off what it owns, and nothing of a community with the same estate names', () => {
    const got = selectCommunity('a', all as never);
    expect(got.notifications.map((i) => `${i.pk} ${i.sk}`)).toEqual(['USER#ann N#aaaa']);
    expect(got.community.map((i) => `${i.pk} ${i.sk}`)).toEqual([
      'COMMUNITY#a META', 'COMMUNITY#a ESTATE#a.dongyuan', 'ESTATE#a.dongyuan HOUSEHOLD#a.dongyuan.1-101', 'USER#ann PROFILE',
      'USER#ann HOUSEHOLD#a.dongyuan.1-101', 'USER#sam STAFF#a', `AUDIT#a 2026#${P2}`,
    ]);
    // bob (of b) backed a's proposal: the backing belongs to a's proposal; ann's booking of b's activity comes with ann.
    expect(got.proposals.map((i) => i.sk)).toEqual(['META', 'SUPPORT#bob']);
    expect(got.activities.map((i) => i.sk)).toEqual([`BOOKING#${P2}`]);
    expect(got.ballots.map((i) => i.pk)).toEqual(['ROLL#a.dongyuan']);
  });
});

describe('staleItems (what import-community --replace deletes)', () => {
  const none = { community: [], proposals: [], activities: [], donations: [], ballots: [], notifications: [] };
  const exported = { ...none, community: all.community.filter((i) => i.pk === 'COMMUNITY#a') };
  it('is what the community holds now and the export does not, never another community\'s', () => {
    const live = { ...all, proposals: [...all.proposals, { pk: 'PROPOSAL#01JDDDDDDDDDDDDDDDDDDDDDDD', sk: 'META', communityId: 'a' }] };
    const { stale, kept } = staleItems('a', live as never, exported as never);
    expect(stale.proposals.map((i) => `${i.pk} ${i.sk}`)).toEqual([`PROPOSAL#${P1} META`, `PROPOSAL#${P1} SUPPORT#bob`, 'PROPOSAL#01JDDDDDDDDDDDDDDDDDDDDDDD META']);
    expect(stale.community.map((i) => i.pk)).not.toContain('COMMUNITY#b');
    expect(stale.community.some((i) => i.pk === 'COMMUNITY#a')).toBe(false);
    // ann's booking of b's activity is b's too (and so, by the export's rule, ann's items): replacing a keeps them.
    expect(stale.activities).toEqual([]);
    expect(kept).toEqual([
      'community: USER#ann PROFILE', 'community: USER#ann HOUSEHOLD#a.dongyuan.1-101', `community: AUDIT#a 2026#${P2}`,
      `activities: USER#ann BOOKING#${P2}`, 'notifications: USER#ann N#aaaa',
    ]);
  });
  it('finds nothing once the tables hold exactly the export', () => {
    const got = selectCommunity('a', all as never);
    expect(Object.values(staleItems('a', all as never, got).stale).flat()).toEqual([]);
  });
});

describe('export JSON', () => {
  it('keeps string and number sets and binary values, which JSON alone writes as {}', () => {
    const item = { pk: 'PROPOSAL#x', sk: 'META', supporters: new Set(['b', 'a']), n: new Set([3, 1]), bin: new Uint8Array([1, 2]), m: { l: [1, 'x', null] } };
    const text = JSON.stringify(toPlain(item));
    expect(JSON.parse(text)).toEqual({ pk: 'PROPOSAL#x', sk: 'META', supporters: { $SS: ['a', 'b'] }, n: { $NS: [1, 3] }, bin: { $B: 'AQI=' }, m: { l: [1, 'x', null] } });
    expect(fromPlain(JSON.parse(text))).toEqual(item);
  });
});

describe('parseExportFile', () => {
  const doc = { format: 'gongzhi-community-export', communityId: 'chating', tables: {} };
  it('reads a file written with `npm run admin -- export-community <id> > file.json`, npm\'s banner above the JSON', () => {
    const banner = '\n> gongzhi@0.1.0 admin\n> tsx functions/admin/cli.ts export-community chating\n\n';
    expect(parseExportFile(`${banner}${JSON.stringify(doc, null, 1)}\n`, 'c.json')).toEqual(doc);
    expect(parseExportFile(`\uFEFF${JSON.stringify(doc)}`, 'c.json')).toEqual(doc);
  });
  it('refuses anything else, naming the file', () => {
    expect(() => parseExportFile('Exported chating: 3 items.\n{}', 'c.json')).toThrow(/^c\.json is not a community export \(JSON\): /);
    expect(() => parseExportFile('> banner\n{"format": ', 'c.json')).toThrow('c.json is not a community export');
  });
});
