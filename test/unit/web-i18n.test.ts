/**
 * The message catalogues: Chinese and English hold exactly the same keys with the same
 * placeholders, every key is used somewhere in web/src, and every t('…') names a real key.
 * The committee and staff messages (staff-zh.ts, staff-en.ts) download only with their tools, so
 * they may be named only in committee and staff code, never in a page every resident loads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/lib/i18n/en.js';
import { staffEn } from '../../web/src/lib/i18n/staff-en.js';
import { staffZh } from '../../web/src/lib/i18n/staff-zh.js';
import { zh } from '../../web/src/lib/i18n/zh.js';
import { ledgerDonateEn } from '../../web/src/lib/i18n/ledger-donate-en.js';
import { ledgerDonateZh } from '../../web/src/lib/i18n/ledger-donate-zh.js';
import { ledgerEn } from '../../web/src/lib/i18n/ledger-en.js';
import { ledgerEntryEn } from '../../web/src/lib/i18n/ledger-entry-en.js';
import { ledgerEntryZh } from '../../web/src/lib/i18n/ledger-entry-zh.js';
import { ledgerStaffEn } from '../../web/src/lib/i18n/ledger-staff-en.js';
import { ledgerStaffZh } from '../../web/src/lib/i18n/ledger-staff-zh.js';
import { ledgerZh } from '../../web/src/lib/i18n/ledger-zh.js';
import { ballotsEn } from '../../web/src/lib/i18n/ballots-en.js';
import { ballotsZh } from '../../web/src/lib/i18n/ballots-zh.js';
import { accountEn } from '../../web/src/lib/i18n/account-en.js';
import { accountZh } from '../../web/src/lib/i18n/account-zh.js';
import { proposalDetailEn } from '../../web/src/lib/i18n/proposal-detail-en.js';
import { proposalDetailZh } from '../../web/src/lib/i18n/proposal-detail-zh.js';
import { screenEn } from '../../web/src/lib/i18n/screen-en.js';
import { screenZh } from '../../web/src/lib/i18n/screen-zh.js';
import { homeEn } from '../../web/src/lib/i18n/home-en.js';
import { homeZh } from '../../web/src/lib/i18n/home-zh.js';
import { proposeEn } from '../../web/src/lib/i18n/propose-en.js';
import { proposeZh } from '../../web/src/lib/i18n/propose-zh.js';
import { noticeEn } from '../../web/src/lib/i18n/notice-en.js';
import { noticeZh } from '../../web/src/lib/i18n/notice-zh.js';

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

const pairs = [
  { name: 'public', zh: zh as Record<string, string>, en: en as Record<string, string> },
  { name: 'staff', zh: staffZh as Record<string, string>, en: staffEn as Record<string, string> },
  { name: 'ledger', zh: { ...ledgerZh, ...ledgerEntryZh, ...ledgerDonateZh, ...ledgerStaffZh } as Record<string, string>, en: { ...ledgerEn, ...ledgerEntryEn, ...ledgerDonateEn, ...ledgerStaffEn } as Record<string, string> },
  { name: 'ballots', zh: ballotsZh as Record<string, string>, en: ballotsEn as Record<string, string> },
  { name: 'account', zh: accountZh as Record<string, string>, en: accountEn as Record<string, string> },
  { name: 'proposal detail', zh: proposalDetailZh as Record<string, string>, en: proposalDetailEn as Record<string, string> },
  { name: 'screen', zh: screenZh as Record<string, string>, en: screenEn as Record<string, string> },
  { name: 'home', zh: homeZh as Record<string, string>, en: homeEn as Record<string, string> },
  { name: 'propose', zh: proposeZh as Record<string, string>, en: proposeEn as Record<string, string> },
  { name: 'notice', zh: noticeZh as Record<string, string>, en: noticeEn as Record<string, string> },
];

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
    expect(Object.keys(staffZh).filter((k) => k in zh)).toEqual([]);
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
