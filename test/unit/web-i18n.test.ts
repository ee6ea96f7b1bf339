/**
 * The message catalogues: Chinese and English hold exactly the same keys with the same
 * placeholders, every key is used somewhere in web/src, and every t('…') names a real key.
 * The committee and staff messages (staff-zh.ts, staff-en.ts) download only with their tools, so
 * they may be named only in committee and staff code, never in a page every resident loads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffZh } from '../../web/src/lib/i18n/staff-zh.js';
import { zh } from '../../web/src/lib/i18n/zh.js';

const srcDir = resolve(import.meta.dirname, '../../web/src');
const catalogueDir = join(srcDir, 'lib/i18n');
/** Code that only committee members and staff download (dynamic imports, their own route). */
const staffCode = [/^routes\/activities\/\[id\]\/tools\//, /^routes\/activities\/new\//, /^routes\/proposals\/\[id\]\/tools\//, /^routes\/committee\//, /^routes\/proposals\/new\/OnBehalfFields\.svelte$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|js|svelte)$/.test(name) ? [p] : [];
  });
}

const sources = sourceFiles(srcDir)
  .filter((p) => !p.startsWith(catalogueDir))
  .map((p) => ({ path: relative(srcDir, p), text: readFileSync(p, 'utf8') }));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const mentions = (text: string, key: string) => text.includes(`'${key}'`) || text.includes(`"${key}"`);

type Catalogue = Record<string, string>;
/** The only export of a catalogue module (`export const ballotsZh = {…}`). */
async function catalogue(file: string): Promise<Catalogue> {
  const mod = (await import(join(catalogueDir, file))) as Record<string, unknown>;
  const objects = Object.values(mod).filter((v): v is Catalogue => typeof v === 'object' && v !== null);
  expect(objects, `${file} exports one catalogue`).toHaveLength(1);
  return objects[0]!;
}
/** Every pair of catalogues: zh.ts with en.ts, and each area's <name>-zh.ts with <name>-en.ts. */
const pairs = await Promise.all([
  { name: 'public', zhFile: 'zh.ts', enFile: 'en.ts' },
  ...readdirSync(catalogueDir).filter((f) => f.endsWith('-zh.ts'))
    .map((f) => ({ name: f.slice(0, -'-zh.ts'.length), zhFile: f, enFile: f.replace(/-zh\.ts$/, '-en.ts') })),
].map(async (p) => ({ name: p.name, zh: await catalogue(p.zhFile), en: await catalogue(p.enFile) })));

describe.each(pairs)('the $name message catalogues', (c) => {
  it('has every Chinese key in English and every English key in Chinese', () => {
    const zhKeys = Object.keys(c.zh);
    const enKeys = Object.keys(c.en);
    expect(zhKeys.filter((k) => !enKeys.includes(k)), 'keys missing in English').toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k)), 'keys missing in Chinese').toEqual([]);
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(c.zh)) {
      const english = c.en[key] ?? '';
      expect(text.trim(), `zh ${key}`).not.toBe('');
      expect(english.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(english), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('uses every key somewhere in web/src', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused = Object.keys(c.zh).filter((k) => !mentions(all, k));
    expect(unused, 'keys no source file mentions').toEqual([]);
  });
});

describe('message keys in the code', () => {
  it('names only existing keys in t(…) calls', () => {
    const unknown: string[] = [];
    for (const { path, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) {
        if (!pairs.some((p) => m[1]! in p.zh)) unknown.push(`${path}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('keeps each key in one catalogue only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const p of pairs) {
      for (const key of Object.keys(p.zh)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${p.name}`);
        seen.set(key, p.name);
      }
    }
    expect(twice).toEqual([]);
    expect(pairs.length).toBeGreaterThan(10);
  });

  it('names staff messages only in committee and staff code, which loads them', () => {
    const misplaced: string[] = [];
    for (const { path, text } of sources) {
      if (staffCode.some((re) => re.test(path))) continue;
      for (const key of Object.keys(staffZh)) if (mentions(text, key)) misplaced.push(`${path}: ${key}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('loads the staff messages in every entry point of staff code', () => {
    const entries = ['routes/proposals/[id]/tools/index.ts', 'routes/committee/+page.svelte', 'routes/proposals/new/OnBehalfFields.svelte'];
    for (const entry of entries) {
      expect(sources.find((s) => s.path === entry)?.text, entry).toContain("import '$lib/i18n/staff.js';");
    }
  });
});
