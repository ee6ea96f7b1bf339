/**
 * Forged page cursors, made from a real one of the list: cut short, not base64url, not JSON, another
 * shape (a key dropped, added or renamed) — none of which any list makes, so a 4xx — or one value
 * swapped, which may still page (a cursor is a key, not a signature) but must never be a 5xx.
 */
import fc from 'fast-check';
import type { Fixtures } from './fuzz-requests.js';
import { garbage, oddString, put, type Json } from './fuzz-values.js';

/** Real cursors with one thing changed: cut short, not base64url, not JSON, another shape, or one value swapped. */
export function forgedCursor(rowId: string, fx: Fixtures): fc.Arbitrary<{ cursor: string; kind: 'garbled' | 'tampered' }> {
  const own = fx.cursors.get(rowId);
  const real = [own ?? [...fx.cursors.values()][0] ?? Buffer.from('{"pk":"X","sk":"Y"}').toString('base64url')];
  const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const decoded = (c: string): Record<string, Json> => JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  const garbled: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.constantFrom(...real), fc.integer({ min: 1, max: 80 })).map(([c, n]) => c.slice(0, Math.max(1, c.length - n))),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a).toString('base64url')),
    fc.constantFrom('!!!', '%%%', '....', '茶亭', '\uD800', 'null', '[]', '{}', '=', '====', 'a'.repeat(1024)),
    fc.oneof(garbage, fc.constantFrom<Json>([], {}, 'str', 1, null, { a: { b: 1 } }, { pk: 'PROPOSAL#x' })).map(b64),
    fc.constantFrom(...real).chain((c) => fc.constantFrom(
      ...Object.keys(decoded(c)).map((k) => () => { const o = decoded(c); delete o[k]; return b64(o); }),
      () => b64({ ...decoded(c), extra: 'x' }), () => b64([decoded(c)]), () => b64(Array.from({ length: 7 }, (_, i) => [`k${i}`, 'v'])),
      ...Object.keys(decoded(c)).map((k) => () => { const o = decoded(c); put(o, `${k}x`, o[k]!); delete o[k]; return b64(o); }),
    ).map((f) => f())),
  );
  // Node reads base64url leniently (padding, '+' and '/'), so a real cursor re-encoded that way still pages.
  const reencoded = fc.constantFrom(...real).map((c) => Buffer.from(c, 'base64url').toString('base64').replace(/=*$/, '=='));
  const tampered = fc.tuple(fc.constantFrom(...real), fc.oneof(fc.constantFrom<Json>('', 'x'.repeat(300), 'x'.repeat(301), 0, true, null,
    { S: 'x' }, ['x']), oddString)).chain(([c, v]) => fc.constantFrom(...Object.keys(decoded(c))).map((k) => {
    const o = decoded(c); put(o, k, v); return b64(o);
  }));
  return fc.oneof({ weight: 3, arbitrary: garbled.map((cursor) => ({ cursor, kind: 'garbled' as const })) },
    { weight: 2, arbitrary: fc.oneof(tampered, reencoded).map((cursor) => ({ cursor, kind: 'tampered' as const })) });
}
