/**
 * The message catalogues: Chinese and English hold exactly the same keys with the same
 * placeholders, every key is used somewhere in web/src, and every t('…') names a real key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/lib/i18n/en.js';
import { zh } from '../../web/src/lib/i18n/zh.js';

const srcDir = resolve(import.meta.dirname, '../../web/src');
const catalogueDir = join(srcDir, 'lib/i18n');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|js|svelte)$/.test(name) ? [p] : [];
  });
}

const sources = sourceFiles(srcDir)
  .filter((p) => !p.startsWith(catalogueDir))
  .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('has every Chinese key in English and every English key in Chinese', () => {
    const zhKeys = Object.keys(zh);
    const enKeys = Object.keys(en);
    expect(zhKeys.filter((k) => !enKeys.includes(k)), 'keys missing in en.ts').toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k)), 'keys missing in zh.ts').toEqual([]);
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zh)) {
      const english = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), `zh ${key}`).not.toBe('');
      expect(english.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(english), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('uses every key somewhere in web/src', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused = Object.keys(zh).filter((k) => !all.includes(`'${k}'`) && !all.includes(`"${k}"`));
    expect(unused, 'keys no source file mentions').toEqual([]);
  });

  it('names only existing keys in t(…) calls', () => {
    const unknown: string[] = [];
    for (const { path, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) {
        if (!(m[1]! in zh)) unknown.push(`${path.slice(srcDir.length + 1)}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
