/**
 * Opaque page cursors: a DynamoDB key, base64url-encoded. Decoding checks the shape, that the key
 * belongs to the partition being paged and (where the query has a sort-key condition) that it starts
 * inside it, so a forged cursor is a 400, never an engine error: DynamoDB refuses an empty key value
 * or a start key outside the key condition with a ValidationException.
 */
import * as z from 'zod/mini';
import { BadRequestError } from '../errors.js';

export type Key = Record<string, string>;
const KeyShape = z.record(z.string().check(z.regex(/^[a-z0-9]{1,12}$/i)), z.string().check(z.minLength(1), z.maxLength(300))).check(z.refine((k) => Object.keys(k).length <= 6));

export const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export function decodeCursor(cursor: string, expect: { attr: string; value: string; keys: readonly string[]; within?: (key: Key) => boolean }): Key {
  const bad = () => new BadRequestError('The page cursor is not valid; start again from the first page.',
    [{ path: 'query.cursor', code: 'invalid_cursor', message: 'not a cursor this list produced' }], 'invalid_cursor');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const parsed = KeyShape.safeParse(raw);
  if (!parsed.success) throw bad();
  const key = parsed.data;
  const names = Object.keys(key).sort();
  if (key[expect.attr] !== expect.value || names.join() !== [...expect.keys].sort().join()) throw bad();
  if (expect.within && !expect.within(key)) throw bad();
  return key;
}
