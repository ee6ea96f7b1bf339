/** A household file's problem in the reader's words (the server's English message is the fallback). */
import '$lib/i18n/registry-desk.js';
import type { Issue } from '$lib/http.js';
import { i18n, t, type MessageKey } from '$lib/i18n/index.svelte.js';

const columnKey: Record<string, MessageKey> = {
  building: 'reg.csv.col.building', room: 'reg.csv.col.room', area_m2: 'reg.csv.col.area', owners: 'reg.csv.col.owners',
  tenants: 'reg.csv.col.tenants', phone_hint: 'reg.csv.col.phone',
};
/** A column as people call it: 楼栋 / Building; an unknown header is shown as written. */
export const columnLabel = (column: string): string => (columnKey[column] ? t(columnKey[column]) : column);

const byCode: Record<string, MessageKey> = {
  required: 'reg.csv.required', too_long: 'reg.csv.tooLong', invalid_area: 'reg.csv.area', invalid_phone_hint: 'reg.csv.phone',
  missing_column: 'reg.csv.missingColumn', unknown_column: 'reg.csv.unknownColumn', duplicate_column: 'reg.csv.duplicateColumn',
  malformed_csv: 'reg.csv.malformed', empty: 'reg.csv.empty', too_many_rows: 'reg.csv.tooMany',
};

export function csvMessage(issue: Issue): string {
  const numbers = (issue.message.match(/\d+/g) ?? []).map(Number);
  if (issue.code === 'duplicate_household' && numbers[0]) return t('reg.csv.duplicate', { line: numbers[0] });
  if (issue.code === 'wrong_field_count' && numbers.length >= 2) {
    return t('reg.csv.fieldCount', { expected: numbers[0]!, found: numbers[1]! });
  }
  const key = byCode[issue.code];
  if (key) return t(key, { column: columnLabel(issue.path.split('.').slice(2).join('.')) });
  return i18n.lang === 'en' ? issue.message : t('reg.csv.other');
}
