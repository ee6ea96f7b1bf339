/**
 * The household registry as CSV: decoded (UTF-8, or GB18030/GBK as Excel saves Chinese files),
 * parsed and checked as a whole; every problem comes back with its line and column, and nothing is
 * returned unless every row is valid.
 */
import { createHash } from 'node:crypto';
import { parseArea, parseCsv } from '../ballots/roll-csv.js';
import type { Issue } from '../shared/errors.js';

export const HOUSEHOLD_COLUMNS = ['building', 'room', 'area_m2', 'owners', 'tenants', 'phone_hint'] as const;
type Column = (typeof HOUSEHOLD_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['building', 'room', 'area_m2', 'owners'];
/** The Chinese header names staff are likely to type. */
const ALIASES: Record<string, Column> = {
  楼栋: 'building', 楼号: 'building', 房号: 'room', 门牌: 'room', 面积: 'area_m2', '专有面积': 'area_m2', '面积(m2)': 'area_m2',
  业主: 'owners', 租户: 'tenants', 电话尾号: 'phone_hint',
};
export const MAX_HOUSEHOLDS = 5000;

export interface HouseholdRow {
  unit: string; building: string; room: string; areaCentiM2: number; owners: string[]; tenants: string[]; phoneHint: string | null;
}

/** Bytes from a file: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeCsv(text: string, encoding: 'text' | 'base64'): string {
  if (encoding === 'text') return text;
  const bytes = Buffer.from(text, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const SIMPLE = /^[A-Za-z0-9]{1,18}$/;
/**
 * The household's id inside its estate: `<building>-<room>` when both are plain letters and digits
 * (`1-101`), else a hash of the two (`u` + 16 hex), so the same flat always gets the same id.
 */
export function unitOf(building: string, room: string): string {
  if (SIMPLE.test(building) && SIMPLE.test(room)) return `${building}-${room}`;
  return `u${createHash('sha256').update(`${building}\u0000${room}`).digest('hex').slice(0, 16)}`;
}

const names = (s: string) => s.split(/[;；]/).map((o) => o.trim()).filter(Boolean);

export type HouseholdParse = { ok: true; rows: HouseholdRow[]; hash: string } | { ok: false; issues: Issue[] };

export function parseHouseholds(csv: string): HouseholdParse {
  const issues: Issue[] = [];
  const at = (line: number, column: string, code: string, message: string) => issues.push({ path: `csv.${line}.${column}`, code, message });
  const parsed = parseCsv(csv);
  if (!Array.isArray(parsed)) {
    at(parsed.line, '*', 'malformed_csv', parsed.error);
    return { ok: false, issues };
  }
  const [header, ...body] = parsed;
  if (!header) {
    at(1, '*', 'empty', 'the file has no header line');
    return { ok: false, issues };
  }
  const cols = header.fields.map((f) => {
    const n = f.trim().toLowerCase();
    return ALIASES[n] ?? ALIASES[f.trim()] ?? n;
  });
  for (const col of REQUIRED) if (!cols.includes(col)) at(1, col, 'missing_column', 'column missing from the header');
  cols.forEach((n, i) => {
    if (!(HOUSEHOLD_COLUMNS as readonly string[]).includes(n)) at(1, n || `#${i + 1}`, 'unknown_column', `not a household column (${HOUSEHOLD_COLUMNS.join(', ')})`);
    else if (cols.indexOf(n) !== i) at(1, n, 'duplicate_column', 'column named twice');
  });
  if (issues.length) return { ok: false, issues };
  if (body.length === 0) at(2, '*', 'empty', 'the file has no households');
  if (body.length > MAX_HOUSEHOLDS) at(MAX_HOUSEHOLDS + 2, '*', 'too_many_rows', `at most ${MAX_HOUSEHOLDS} households`);
  const rows: HouseholdRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length !== cols.length) {
      at(line, '*', 'wrong_field_count', `expected ${cols.length} fields, found ${fields.length}`);
      continue;
    }
    const get = (c: Column) => (cols.includes(c) ? fields[cols.indexOf(c)]!.trim() : '');
    const before = issues.length;
    for (const c of ['building', 'room'] as const) {
      if (!get(c)) at(line, c, 'required', 'must not be empty');
      else if (get(c).length > 20) at(line, c, 'too_long', 'at most 20 characters');
    }
    const unit = unitOf(get('building'), get('room'));
    if (get('building') && get('room')) {
      if (seen.has(unit)) at(line, 'room', 'duplicate_household', `the same flat as line ${seen.get(unit)}`);
      else seen.set(unit, line);
    }
    const area = parseArea(get('area_m2'));
    if (area === null || area === 0) at(line, 'area_m2', 'invalid_area', 'a positive number of m² with at most two decimals, e.g. 86.40');
    const owners = names(get('owners'));
    if (owners.length === 0) at(line, 'owners', 'required', 'at least one owner (developer for an unsold flat)');
    const tenants = names(get('tenants'));
    if ([...owners, ...tenants].some((o) => o.length > 60)) at(line, owners.some((o) => o.length > 60) ? 'owners' : 'tenants', 'too_long', 'each name at most 60 characters');
    const phone = get('phone_hint');
    if (phone && !/^\d{4}$/.test(phone)) at(line, 'phone_hint', 'invalid_phone_hint', 'the last 4 digits only (never a whole number)');
    if (issues.length === before) {
      rows.push({ unit, building: get('building'), room: get('room'), areaCentiM2: area!, owners, tenants, phoneHint: phone || null });
    }
  }
  if (issues.length) return { ok: false, issues };
  rows.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { ok: true, rows, hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
}
