/** The hash chain, the offline verifier and the CSV export, pure. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, GENESIS, hashOf, sha256, verifyChain } from '../../functions/donations/chain.js';
import { apply, emptyState, seal, type Draft, type LedgerState } from '../../functions/donations/ledger.js';
import { main, verifyExport } from '../../functions/donations/verify-cli.js';
import { csvField, ledgerCsv } from '../../functions/donations/views.js';

let n = 0;
const id = () => `01J${String(n++).padStart(23, '0')}`;
const gift = (name: string | null, amountFen: number): Draft => ({
  payload: { kind: 'money_gift', amountFen, currency: 'CNY', channel: 'cash', reference: null, visibility: name ? 'public' : 'anonymous',
    donor: { name, donorType: 'person' }, message: null },
  projectId: null, enteredBy: null, priv: { salt: 'ab', donorName: name ?? '匿名者本人', donorUserId: 'resident9' },
});
function chainOf(names: (string | null)[]): LedgerState {
  const s = emptyState('chating');
  names.forEach((name, i) => apply(s, seal(s, gift(name, 100 + i), id(), '2026-11-29T00:00:00.000Z')));
  return s;
}
const exported = (s: LedgerState) => ({
  communityId: 'chating', algorithm: 'sha256-canonical-json-v1', exportedAt: '2026-11-29T00:00:00.000Z', length: s.length, headHash: s.headHash,
  entries: s.items.map((i) => ({ ...i.e, hash: i.h })),
});

describe('canonical JSON and hashes', () => {
  it('does not depend on key order, and leaves out undefined members', () => {
    expect(canonical({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      expect(canonical(reversed)).toBe(canonical(o));
    }));
  });

  it('refuses numbers that would not serialise the same everywhere', () => {
    expect(() => canonical({ a: 0.1 })).toThrow(/safe integers/);
    expect(() => canonical({ a: 2 ** 60 })).toThrow(/safe integers/);
  });

  it('hashes with SHA-256 over everything but the hash', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashOf({ a: 1, hash: 'whatever' })).toBe(sha256('{"a":1}'));
  });
});

describe('verifying a chain', () => {
  it('reports the first position whose entry was changed, moved, dropped or doubled', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 25 }), fc.nat(), fc.constantFrom('edit', 'drop', 'swap', 'double', 'relink'), (len, at, how) => {
      const s = chainOf(Array.from({ length: len }, (_, i) => (i % 3 ? `捐赠人${i}` : null)));
      const entries = exported(s).entries.map((e) => ({ ...e }));
      expect(verifyChain(entries)).toMatchObject({ ok: true, length: len, headHash: s.headHash });
      const k = at % (len - 1);
      let expected = k + 1;
      if (how === 'edit') (entries[k] as Record<string, unknown>).amountFen = 1;
      if (how === 'drop') entries.splice(k, 1);
      if (how === 'swap') [entries[k], entries[k + 1]] = [entries[k + 1]!, entries[k]!];
      if (how === 'double') { entries.splice(k + 1, 0, entries[k]!); expected = k + 2; }
      if (how === 'relink') {
        // A forger who recomputes the edited entry's hash still breaks the link to the next one.
        const e = entries[k] as Record<string, unknown>;
        e.amountFen = 1;
        e.hash = hashOf(e);
        expected = k + 2;
      }
      expect(verifyChain(entries).firstBroken?.position).toBe(expected);
    }), { numRuns: 200 });
  });

  it('starts from 64 zeros', () => {
    const s = chainOf(['张三']);
    expect(s.items[0]!.e.prevHash).toBe(GENESIS);
  });
});

describe('npm run ledger:verify', () => {
  it('accepts an intact export and names the broken position of a changed one, also as a real command', () => {
    const s = chainOf(['张三', null, '李四', '王五']);
    const doc = exported(s);
    expect(verifyExport(doc)).toMatchObject({ ok: true, length: 4 });
    const dir = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(doc));
    const lines: string[] = [];
    expect(main([good], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^ok: 4 entries/);
    const tampered = structuredClone(doc);
    (tampered.entries[2] as Record<string, unknown>).amountFen = 999_999;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(tampered));
    expect(main([bad], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/^BROKEN at position 3/);
    // A truncated file whose summary still claims the full chain is not "ok".
    expect(verifyExport({ ...doc, entries: doc.entries.slice(0, 3) }).ok).toBe(false);
    // The script line in package.json runs the same code.
    const run = (file: string) => {
      try {
        return { code: 0, out: execFileSync('npm', ['run', '--silent', 'ledger:verify', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    expect(run(bad)).toMatchObject({ code: 1, out: expect.stringMatching(/^BROKEN at position 3/) });
    expect(run(good)).toMatchObject({ code: 0, out: expect.stringMatching(/^ok: 4 entries/) });
  }, 60_000);
});

/** A small RFC 4180 reader, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

describe('the CSV export', () => {
  it('reads back every field exactly, whatever commas, quotes and line breaks it holds (formulas defused)', () => {
    fc.assert(fc.property(fc.string(), (v) => {
      const back = parseCsv(`${csvField(v)},${csvField(7)}\r\n`);
      expect(back).toEqual([[/^[=+\-@\t\r]/.test(v) ? `'${v}` : v, '7']]);
    }), { numRuns: 500 });
  });

  it('writes one row per entry, with a BOM and the anonymous donor left blank', () => {
    const s = chainOf(['张, "三"\n', null]);
    const csv = ledgerCsv(s);
    expect(csv.startsWith('\uFEFFposition,id,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    const col = rows[0]!.indexOf('donor');
    expect(rows[1]![col]).toBe('张, "三"\n');
    expect(rows[2]![col]).toBe('');
    expect(csv).not.toContain('匿名者本人');
    expect(csv).not.toContain('resident9');
  });
});
