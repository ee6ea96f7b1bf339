/**
 * Requests that break one route row's own contract, generated from the row: a path parameter that
 * does not decode or does not match, a query or body field of the wrong type or out of bounds, a
 * missing field, a field the contract does not name, a body that is not JSON, a forged page cursor.
 * Each case says what it broke; noise (content types, bodies on GETs, odd headers) rides along.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import type { RouteDef } from '../../functions/routes.js';
import { forgedCursor } from './fuzz-cursors.js';
import {
  deepValue, fieldsOf, garbage, hugeString, jsonSchemaOf, oddString, outOfBounds, plausible, put, unknownKey, wrongType,
  type Json, type Node,
} from './fuzz-values.js';

export interface FuzzCase {
  /** What the case broke, e.g. `body.title:wrong-type`, `path.id:%ZZ`, `cursor:garbled`. */
  readonly broke: string[];
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** `garbled`: not a cursor any list makes (a 4xx); `tampered`: a real cursor with a value changed (may page). */
  readonly cursor?: 'garbled' | 'tampered';
}

/** Values the platform holds (community, estate, user and proposal ids), tried in turn to fill a field a case does not break. */
export interface Fixtures { samples: readonly string[]; cursors: ReadonlyMap<string, string> }

const shapeOf = (s: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> =>
  ((s as unknown as { shape?: Record<string, z.ZodMiniType> } | undefined)?.shape) ?? {};
export const sampleFor = (field: z.ZodMiniType | undefined, fx: Fixtures): string =>
  fx.samples.find((v) => field?.safeParse(v).success) ?? 'x';

/** encodeURIComponent, except that a lone surrogate goes out as the bytes of its (invalid) UTF-8 form instead of throwing. */
export function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.charCodeAt(0);
    out += ch.length === 1 && u >= 0xd800 && u <= 0xdfff
      ? [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
      : encodeURIComponent(ch);
  }
  return out;
}

/** Path segments as sent (already escaped): bad escapes, dot segments, NUL, overlong UTF-8, very long ids. */
const rawSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%ZZ', '%E0%A4%A', '%00', '%', '%%', '%2', '%2F', '%2e%2e', '..', '.', '%ED%A0%80', '%C0%AF', '%FF', '%25',
    '%252F', '%u0041', 'a%00b', '%E2%80%AE', '~', "'", '*', ';', ',', '@', ':', '$', '+', 'a%2Fb', '%3F', '%23', '%20'),
  oddString.map(enc),
  fc.integer({ min: 27, max: 4000 }).map((n) => 'A'.repeat(n)),
  fc.constantFrom('01arz3ndektsv4rrffq69g5fav', '01ARZ3NDEKTSV4RRFFQ69G5FA', '01ARZ3NDEKTSV4RRFFQ69G5FAVX', 'IIIIIIIIIIIIIIIIIIIIIIIIII',
    'CHATING', 'chating.dongyuan.1-101.x', 'resident1%2F..%2Fstaff1'),
);

const pathArb = (row: RouteDef, fx: Fixtures, breakIt: boolean) => {
  const names = [...row.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const shape = shapeOf(row.params);
  const valid = Object.fromEntries(names.map((n) => [n, enc(sampleFor(shape[n], fx))]));
  const broken = breakIt && names.length
    ? fc.tuple(fc.subarray(names, { minLength: 1 }), fc.array(rawSegment, { minLength: names.length, maxLength: names.length }))
    : fc.constant([[] as string[], [] as string[]] as const);
  return broken.map(([which, segs]) => {
    const seg = { ...valid };
    which.forEach((n, i) => { seg[n] = segs[i]!; });
    return { path: row.path.replace(/\{([^}]+)\}/g, (_, n: string) => seg[n]!), broke: which.map((n, i) => `path.${n}:${segs[i]!.slice(0, 24)}`) };
  });
};

const str = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));
type Pair = [key: string, value: string];
type Q = { pairs: Pair[]; raw: string[]; broke: string[] };
const rawQueries = ['%ZZ', 'a=%E0%A4%A', '&&&', '=', '==x', 'community', '%00=%00', 'a[b]=c', 'a[]=1&a[]=2', '__proto__[x]=1', '?x=1'];

/** The query as pairs: the row's required fields filled, then 1–3 of them broken, dropped, doubled or joined by fields it does not name. */
const queryArb = (row: RouteDef, fx: Fixtures, breakIt: boolean, extra: Pair[] = []) => {
  const schema = row.query;
  const fields = (schema && fieldsOf(jsonSchemaOf(schema))) ?? { props: {}, required: [] };
  const base: Pair[] = fields.required.map((k) => [k, sampleFor(shapeOf(schema)[k], fx)]);
  const names = Object.keys(fields.props);
  const step: fc.Arbitrary<(q: Q) => void> = fc.oneof(
    fc.tuple(unknownKey, fc.oneof(oddString, fc.constant('1'))).map(([k, v]) => (q: Q) => {
      if (names.includes(k)) return;
      q.pairs.push([k, v]); q.broke.push(`query.${k.slice(0, 16)}:unknown`);
    }),
    ...(names.length ? [
      fc.tuple(fc.constantFrom(...names), fc.boolean()).chain(([k, bounds]) =>
        (bounds ? outOfBounds(fields.props[k] as Node, true) : wrongType(fields.props[k] as Node)).map((v) => (q: Q) => {
          q.pairs = q.pairs.filter(([n]) => n !== k).concat([[k, str(v)]]); q.broke.push(`query.${k}:${bounds ? 'bounds' : 'type'}`);
        })),
      fc.constantFrom(...names).map((k) => (q: Q) => {
        q.pairs.push([k, sampleFor(shapeOf(schema)[k], fx)], [k, 'second']); q.broke.push(`query.${k}:twice`);
      }),
    ] : []),
    ...(fields.required.length ? [fc.constantFrom(...fields.required).map((k) => (q: Q) => {
      q.pairs = q.pairs.filter(([n]) => n !== k); q.broke.push(`query.${k}:missing`);
    })] : []),
    fc.constantFrom(...rawQueries).map((r) => (q: Q) => { q.raw.push(r); q.broke.push(`query:${r}`); }),
    fc.integer({ min: 1000, max: 4000 }).map((n) => (q: Q) => {
      q.pairs = q.pairs.filter(([k]) => k !== 'fuzz').concat([['fuzz', 'q'.repeat(n)]]); q.broke.push('query.fuzz:huge');
    }),
  );
  return (breakIt ? fc.array(step, { minLength: 1, maxLength: 3 }) : fc.constant([])).map((steps) => {
    const q = { pairs: [...base, ...extra], raw: [] as string[], broke: [] as string[] };
    for (const s of steps) s(q);
    const parts = [...q.pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`), ...q.raw];
    return { query: parts.length ? `?${parts.join('&')}` : '', broke: q.broke };
  });
};

const rawBodies: (string | Buffer)[] = [
  '{', '{"a":1,}', "{'a':1}", '[1,2', 'NaN', '{"a":NaN}', 'undefined', 'title=x&description=y', 'hello world', '\uFEFF{}', '',
  '   ', '\n', 'null', '0', '"str"', '[]', 'true', '{"__proto__":{"isAdmin":true}}', '{"a":1}{"b":2}', '{"a":1} trailing', '1'.repeat(400),
  '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x7b, 0x7d]), '['.repeat(100_000),
  '{"a":'.repeat(50_000), Buffer.from('{"title":"\u8336"}', 'utf16le'),
];

/** The body: the row's fields filled plausibly, then 1–3 broken (wrong type, out of bounds, missing, unknown), or no object at all. */
const bodyArb = (row: RouteDef) => {
  const node = jsonSchemaOf(row.body!);
  const fields = fieldsOf(node) ?? { props: {}, required: [] };
  const names = Object.keys(fields.props);
  type B = { obj: Record<string, Json>; broke: string[]; whole?: Json };
  const fill = fc.tuple(...names.map((k) => (fields.required.includes(k) ? plausible(fields.props[k] as Node)
    : fc.option(plausible(fields.props[k] as Node), { nil: undefined, freq: 2 }))));
  const step: fc.Arbitrary<(b: B) => void> = fc.oneof(
    ...(names.length ? [
      fc.constantFrom(...names).chain((k) => wrongType(fields.props[k] as Node).map((v) => (b: B) => { put(b.obj, k, v); b.broke.push(`body.${k}:type`); })),
      fc.constantFrom(...names).chain((k) => outOfBounds(fields.props[k] as Node).map((v) => (b: B) => { put(b.obj, k, v); b.broke.push(`body.${k}:bounds`); })),
      fc.constantFrom(...names).chain((k) => deepValue.map((v) => (b: B) => { put(b.obj, k, v); b.broke.push(`body.${k}:deep`); })),
    ] : []),
    ...(fields.required.length ? [fc.constantFrom(...fields.required).map((k) => (b: B) => { delete b.obj[k]; b.broke.push(`body.${k}:missing`); })] : []),
    fc.tuple(unknownKey, fc.oneof(garbage, hugeString)).map(([k, v]) => (b: B) => {
      if (names.includes(k)) return;
      put(b.obj, k, v); b.broke.push(`body.${k.slice(0, 16)}:unknown`);
    }),
    fc.oneof(fc.array(garbage, { maxLength: 3 }), oddString, hugeString, fc.double(), fc.constant(null), deepValue)
      .map((v) => (b: B) => { b.whole = v; b.broke.push('body:not-an-object'); }),
  );
  const json = fc.tuple(fill, fc.array(step, { minLength: 1, maxLength: 3 })).map(([values, steps]) => {
    const b: B = { obj: {}, broke: [] };
    names.forEach((k, i) => { if (values[i] !== undefined) put(b.obj, k, values[i]!); });
    for (const s of steps) s(b);
    return { body: Buffer.from(JSON.stringify(b.whole !== undefined ? b.whole : b.obj)), broke: b.broke };
  });
  const raw = fc.constantFrom(...rawBodies).map((r) => ({ body: Buffer.from(r), broke: [`body:raw ${JSON.stringify(String(r).slice(0, 20))}`] }));
  return fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: raw });
};

/** Bodies that a row without a body ignores: sent along as noise, never what a case counts as broken. */
const noiseBody = fc.option(fc.oneof(fc.constantFrom(...rawBodies).map((r) => Buffer.from(r)), garbage.map((g) => Buffer.from(JSON.stringify(g)))), { freq: 3 });
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=utf-16', '*/*', 'application/vnd.api+json');
const idempotencyKey = fc.constantFrom(undefined, '01ARZ3NDEKTSV4RRFFQ69G5FAV', '', ' ', 'k'.repeat(2000), '\'"<>;--', 'a,b', '../..');

/** With a long token and headers, still under node's 16 KiB request head (past it node answers a bare 431 before any handler). */
export const MAX_PATH = 9000;

export const takesCursor = (row: RouteDef): boolean => 'cursor' in shapeOf(row.query);

/** The row's path with every parameter and required query field filled from the fixtures, plus `extra` query fields. */
export function validPath(row: RouteDef, fx: Fixtures, extra: Pair[] = []): string {
  const params = shapeOf(row.params);
  const required = (row.query && fieldsOf(jsonSchemaOf(row.query))?.required) ?? [];
  const pairs: Pair[] = [...required.map((k): Pair => [k, sampleFor(shapeOf(row.query)[k], fx)]), ...extra];
  const query = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return row.path.replace(/\{([^}]+)\}/g, (_, n: string) => enc(sampleFor(params[n], fx))) + (query ? `?${query}` : '');
}

/** Every way this row can be broken; a forged cursor only where its query takes one. */
export function caseArb(row: RouteDef, fx: Fixtures): fc.Arbitrary<FuzzCase> {
  const hasParams = /\{/.test(row.path);
  const targets = [...(hasParams ? ['path'] : []), 'query', ...(row.body ? ['body', 'body'] : []), ...(takesCursor(row) ? ['cursor', 'cursor'] : [])];
  const noise = fc.record({ contentType, key: idempotencyKey, extraBody: noiseBody });
  return fc.tuple(fc.constantFrom(...targets), noise, fc.boolean()).chain(([target, n, alsoQuery]) => {
    const cursor = target === 'cursor' ? forgedCursor(row.id, fx) : fc.constant(null);
    return fc.tuple(
      pathArb(row, fx, target === 'path'),
      cursor.chain((c) => queryArb(row, fx, target === 'query' || (target !== 'cursor' && alsoQuery), c ? [['cursor', c.cursor]] : [])
        .map((q) => ({ ...q, c }))),
      row.body ? (target === 'body' ? bodyArb(row) : fc.constant({ body: Buffer.from('{}'), broke: [] as string[] })) : fc.constant(null),
    ).map(([p, q, b]): FuzzCase => {
      const body = b ? b.body : n.extraBody ?? undefined;
      return {
        broke: [...p.broke, ...q.broke, ...(b?.broke ?? []), ...(q.c ? [`cursor:${q.c.kind}`] : [])],
        path: p.path + q.query,
        headers: {
          ...(n.contentType !== undefined ? { 'content-type': n.contentType } : {}),
          ...('idempotencyKey' in row && n.key !== undefined ? { 'idempotency-key': n.key } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        ...(q.c ? { cursor: q.c.kind } : {}),
      };
    });
  }).filter((c) => c.path.length <= MAX_PATH);
}
