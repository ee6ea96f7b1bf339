/**
 * The household roll as CSV (columns: see functions/contracts/ballots.ts): parsed and checked as a
 * whole, every problem reported with its line and column, nothing returned unless every row is valid.
 */
import { createHash } from 'node:crypto';
import type { RollTotals } from '../contracts/ballots.js';
import type { Issue } from '../shared/errors.js';

export const ROLL_COLUMNS = ['unit_id', 'building', 'room', 'area_m2', 'owners', 'head', 'representative'] as const;
type Column = (typeof ROLL_COLUMNS)[number];
export const MAX_ROLL_UNITS = 5000;

export interface RollRow {
  unitId: string; building: string; room: string; areaCentiM2: number; owners: string[]; head: string;
  representativeId: string | null;
}

/** RFC 4180 records with the line each starts on; quotes may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): { line: number; fields: string[] }[] | { error: string; line: number } {
  const records: { line: number; fields: string[] }[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
      continue;
    }
    if (c === '"' && !fieldStarted) { quoted = true; fieldStarted = true; continue; }
    if (c === '"') return { error: 'a quote inside an unquoted field', line };
    if (c === ',') { fields.push(field); field = ''; fieldStarted = false; continue; }
    if (c === '\r' && src[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      fields.push(field);
      records.push({ line: start, fields });
      fields = []; field = ''; fieldStarted = false; line++; start = line;
      continue;
    }
    field += c;
    fieldStarted = true;
  }
  if (quoted) return { error: 'a quoted field is not closed', line: start };
  if (field !== '' || fields.length > 0) { fields.push(field); records.push({ line: start, fields }); }
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
}

const UNIT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const AREA = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** "86.4" → 8640 (0.01 m²), exactly: the string is split, never read as a float. */
export function parseArea(s: string): number | null {
  const m = AREA.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export type RollParse = { ok: true; rows: RollRow[]; hash: string; totals: RollTotals } | { ok: false; issues: Issue[] };

export function parseRoll(csv: string): RollParse {
  const issues: Issue[] = [];
  const at = (line: number, column: string, code: string, message: string) =>
    issues.push({ path: `csv.${line}.${column}`, code, message });
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
  const names = header.fields.map((f) => f.trim().toLowerCase());
  for (const col of ROLL_COLUMNS) if (!names.includes(col)) at(1, col, 'missing_column', 'column missing from the header');
  names.forEach((n, i) => {
    if (!(ROLL_COLUMNS as readonly string[]).includes(n)) at(1, n || `#${i + 1}`, 'unknown_column', `not a roll column (${ROLL_COLUMNS.join(', ')})`);
    else if (names.indexOf(n) !== i) at(1, n, 'duplicate_column', 'column named twice');
  });
  if (issues.length) return { ok: false, issues };
  if (body.length === 0) at(2, '*', 'empty', 'the roll has no units');
  if (body.length > MAX_ROLL_UNITS) at(MAX_ROLL_UNITS + 2, '*', 'too_many_rows', `at most ${MAX_ROLL_UNITS} units`);
  const rows: RollRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length !== names.length) {
      at(line, '*', 'wrong_field_count', `expected ${names.length} fields, found ${fields.length}`);
      continue;
    }
    const get = (c: Column) => fields[names.indexOf(c)]!.trim();
    const before = issues.length;
    const unitId = get('unit_id');
    if (!UNIT_ID.test(unitId)) at(line, 'unit_id', 'invalid_unit_id', 'letters, digits, - and _ only, 1 to 40 characters');
    else if (seen.has(unitId)) at(line, 'unit_id', 'duplicate_unit', `the same unit as line ${seen.get(unitId)}`);
    else seen.set(unitId, line);
    for (const c of ['building', 'room'] as const) {
      if (!get(c)) at(line, c, 'required', 'must not be empty');
      else if (get(c).length > 20) at(line, c, 'too_long', 'at most 20 characters');
    }
    const area = parseArea(get('area_m2'));
    if (area === null || area === 0) at(line, 'area_m2', 'invalid_area', 'a positive number of m² with at most two decimals, e.g. 86.40');
    const owners = get('owners').split(';').map((o) => o.trim()).filter(Boolean);
    if (owners.length === 0) at(line, 'owners', 'required', 'at least one owner');
    else if (owners.some((o) => o.length > 60)) at(line, 'owners', 'too_long', 'each owner at most 60 characters');
    const head = get('head');
    if (!head) at(line, 'head', 'required', 'the head key (same key = one owner by head; developer units: developer)');
    else if (head.length > 64) at(line, 'head', 'too_long', 'at most 64 characters');
    const rep = get('representative');
    if (rep && !USER_ID.test(rep)) at(line, 'representative', 'invalid_user_id', 'a user id, or empty for paper only');
    if (issues.length === before) {
      rows.push({ unitId, building: get('building'), room: get('room'), areaCentiM2: area!, owners, head, representativeId: rep || null });
    }
  }
  if (issues.length) return { ok: false, issues };
  rows.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const totals: RollTotals = {
    units: rows.length,
    totalAreaCentiM2: rows.reduce((s, r) => s + r.areaCentiM2, 0),
    heads: new Set(rows.map((r) => r.head)).size,
  };
  return { ok: true, rows, hash, totals };
}

/** The CSV of a roll (the demo seed and the bench build theirs with it). */
export function rollCsv(rows: RollRow[]): string {
  const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const area = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  return [ROLL_COLUMNS.join(','), ...rows.map((r) =>
    [r.unitId, r.building, r.room, area(r.areaCentiM2), r.owners.join(';'), r.head, r.representativeId ?? ''].map(q).join(','))].join('\n') + '\n';
}
