/**
 * The household file as the server reads it, for showing its problems in place: the same line
 * numbers (a quoted field may span lines), the same column names (English or the Chinese aliases),
 * and the file's bytes decoded the same way (UTF-8, else GB18030 as Excel saves Chinese files).
 */
import type { Issue } from '$lib/http.js';

export interface CsvRow { line: number; fields: string[] }

/** Records with the line each starts on; tolerant (an unclosed quote ends the file), since this only shows. */
export function readRows(text: string): CsvRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let started = false;
  const end = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: start, fields });
    fields = []; field = ''; started = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
      continue;
    }
    if (c === '"' && !started) { quoted = true; started = true; continue; }
    if (c === ',') { fields.push(field); field = ''; started = false; continue; }
    if (c === '\r' && src[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') { end(); line++; start = line; continue; }
    field += c;
    started = true;
  }
  if (field !== '' || fields.length > 0) end();
  return rows;
}

export const COLUMNS = ['building', 'room', 'area_m2', 'owners', 'tenants', 'phone_hint'] as const;
export type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = {
  楼栋: 'building', 楼号: 'building', 房号: 'room', 门牌: 'room', 面积: 'area_m2', 专有面积: 'area_m2', '面积(m2)': 'area_m2',
  业主: 'owners', 租户: 'tenants', 电话尾号: 'phone_hint',
};
/** A header cell's column, as the server names it in `csv.<line>.<column>`. */
export const columnOf = (cell: string): string => ALIASES[cell.trim().toLowerCase()] ?? ALIASES[cell.trim()] ?? cell.trim().toLowerCase();

/** A file's bytes as text: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Bytes as base64, in slices (a whole file at once overflows the argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface Problem { line: number; column: string; issue: Issue }
/** `csv.<line>.<column>` → where it is; null for a path that is not about the file. */
export function whereOf(issue: Issue): Problem | null {
  const m = /^(?:body\.)?csv\.(\d+)\.(.+)$/.exec(issue.path);
  return m ? { line: Number(m[1]), column: m[2]!, issue } : null;
}

export interface BadRow { line: number; cells: { column: string; label: string; value: string; problems: Issue[] }[]; whole: Issue[] }

/** The header's problems, and every bad row with its cells (each with the problems found in it). */
export function badRows(text: string, issues: Issue[]): { header: Problem[]; rows: BadRow[] } {
  const problems = issues.map(whereOf).filter((p): p is Problem => p !== null);
  const rows = readRows(text);
  const head = rows[0]?.fields ?? [];
  const columns = head.map(columnOf);
  const byLine = new Map(rows.map((r) => [r.line, r.fields]));
  const lines = [...new Set(problems.filter((p) => p.line > 1).map((p) => p.line))].sort((a, b) => a - b);
  return {
    header: problems.filter((p) => p.line === 1),
    rows: lines.map((line) => {
      const here = problems.filter((p) => p.line === line);
      const fields = byLine.get(line) ?? [];
      return {
        line,
        whole: here.filter((p) => !columns.includes(p.column)).map((p) => p.issue),
        cells: columns.map((column, i) => ({
          column, label: head[i]?.trim() ?? column, value: fields[i] ?? '', problems: here.filter((p) => p.column === column).map((p) => p.issue),
        })),
      };
    }),
  };
}
