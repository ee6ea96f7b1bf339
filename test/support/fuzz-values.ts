/**
 * Values that break a zod schema, read from the schema itself (zod 4's JSON Schema view): for each
 * field it names, a value of another JSON type, a string or number outside its bounds, its absence,
 * or a field it does not name; where a schema says nothing we can read, generic garbage.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A node of the JSON Schema zod writes for a schema's input. */
export type Node = { [k: string]: any };

/** Own and enumerable even for `__proto__`, so JSON.stringify sends it as a field. */
export const put = (o: Record<string, Json>, k: string, v: Json) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

export const jsonSchemaOf = (s: z.ZodMiniType): Node => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Node;

export interface Fields { props: Record<string, Node>; required: string[] }

/** The fields an object schema names; for a union of objects, every branch's fields and those all branches require. */
export function fieldsOf(node: Node): Fields | null {
  if (node.type === 'object' && node.properties) return { props: node.properties, required: node.required ?? [] };
  const branches = (node.oneOf ?? node.anyOf) as Node[] | undefined;
  const objects = branches?.map(fieldsOf).filter((f): f is Fields => f !== null) ?? [];
  if (objects.length === 0) return null;
  return {
    props: Object.assign({}, ...objects.map((o) => o.props)),
    required: objects[0]!.required.filter((k) => objects.every((o) => o.required.includes(k))),
  };
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';
/** The JSON types a node accepts; empty when it says nothing (anything goes). */
export function typesOf(node: Node): Set<JsonType> {
  const out = new Set<JsonType>();
  const add = (t: unknown) => { for (const x of [t].flat()) if (typeof x === 'string') out.add(x as JsonType); };
  add(node.type);
  if ('const' in node) add(node.const === null ? 'null' : typeof node.const);
  for (const v of node.enum ?? []) add(v === null ? 'null' : typeof v);
  for (const b of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) for (const t of typesOf(b)) out.add(t);
  if (out.has('number')) out.add('integer');
  return out;
}

/** Strings that have broken parsers before: lone surrogates, NUL, bidi overrides, ZWJ emoji, stacked combining marks. */
export const oddStrings = [
  '\uD800', 'a\uDFFFb', '\uDBFF\uD800', '\u0000', 'x\u0000y', '\u202Eevil\u202C', '\u2066\u2067\u2068', '👨‍👩‍👧‍👦', '🏳️‍🌈', '茶🍵',
  'e\u0301\u0302\u0303\u0304\u0305\u0306', 'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319', '\uFEFF', '\uFFFE\uFFFF',
  '\u2028\u2029', '\r\n', '\t', ' ', '', 'İı', 'ǅ', '\u00A0', 'ＡＢＣ', '٣٤', '<script>alert(1)</script>', "' OR '1'='1",
  '${7*7}', '{{7*7}}', '__proto__', 'constructor', '../../etc/passwd', '%00', '%ZZ', 'NaN', 'Infinity', '1e309', 'null', '[]',
] as const;
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...oddStrings), { minLength: 2, maxLength: 6 }).map((a) => a.join('')) },
);

/** 60–100 K code units of one character, kept under the 1 MiB body limit however JSON escapes it. */
export const hugeString: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('a', '茶', '👍', '\u0000', '\uD800', 'e\u0301', '"'),
  fc.integer({ min: 60_000, max: 100_000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

/** Arrays or objects nested 150–250 deep (now and then 1 500: deeper still and JSON.stringify overflows the test's own stack). */
export const deepValue: fc.Arbitrary<Json> = fc.tuple(fc.constantFrom('array', 'object', 'mixed'),
  fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 150, max: 250 }) }, { weight: 1, arbitrary: fc.constant(1_500) }))
  .map(([kind, depth]) => {
    let v: Json = 'bottom';
    for (let i = 0; i < depth; i++) v = kind === 'array' || (kind === 'mixed' && i % 2) ? [v] : { a: v };
    return v;
  });

const anyNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1.5, -1, 0, -0, 1e308, 2 ** 53 + 1, -(2 ** 63)));
export const garbage: fc.Arbitrary<Json> = fc.oneof(
  oddString, anyNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, deepValue,
);

/** A value whose JSON type the node does not accept (integers also get fractions). */
export function wrongType(node: Node): fc.Arbitrary<Json> {
  const ok = typesOf(node);
  const byType: [JsonType, fc.Arbitrary<Json>][] = [
    ['string', oddString], ['number', anyNumber], ['boolean', fc.boolean()], ['null', fc.constant(null)],
    ['array', fc.oneof(fc.array(garbage, { maxLength: 3 }), deepValue)],
    ['object', fc.oneof(fc.dictionary(oddString, garbage, { maxKeys: 3 }), fc.constant({}))],
  ];
  const wrong = byType.filter(([t]) => !ok.has(t) && !(t === 'number' && ok.has('integer')));
  if (ok.has('integer') && !ok.has('number')) wrong.push(['number', fc.constantFrom(1.5, 0.1, -2.5, 1e-9)]);
  return wrong.length ? fc.oneof(...wrong.map(([, a]) => a)) : garbage;
}

/** A value of the right JSON type but outside the node's bounds (length, pattern, enum, range, items); `inUrl`: short enough for a query. */
export function outOfBounds(node: Node, inUrl = false): fc.Arbitrary<Json> {
  const out: fc.Arbitrary<Json>[] = [];
  if (typeof node.maxLength === 'number' && !inUrl) out.push(hugeString, fc.constant('x'.repeat(node.maxLength + 1)));
  if (typeof node.maxLength === 'number' && inUrl && node.maxLength < 4000) out.push(fc.constant('x'.repeat(node.maxLength + 1)));
  if (typeof node.minLength === 'number' && node.minLength > 0) out.push(fc.constant('x'.repeat(node.minLength - 1)));
  if (node.pattern || node.enum || node.format || 'const' in node) out.push(oddString);
  if (typeof node.maximum === 'number') out.push(fc.constantFrom(node.maximum + 1, Number.MAX_SAFE_INTEGER, 1e300));
  if (typeof node.minimum === 'number') out.push(fc.constantFrom(node.minimum - 1, -Number.MAX_SAFE_INTEGER));
  if (node.type === 'array') {
    if (typeof node.maxItems === 'number') out.push(fc.constant(Array.from({ length: node.maxItems + 1 }, () => 'x')));
    if (node.items) out.push(fc.array(wrongType(node.items), { minLength: 1, maxLength: 3 }));
  }
  if (node.type === 'object' && node.properties) out.push(fc.constant({ fuzzUnknown: true }));
  for (const b of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) out.push(outOfBounds(b, inUrl));
  return out.length ? fc.oneof(...out) : wrongType(node);
}

/** Names a client might slip in to assign what it may not: roles, owners, ids, prototypes. */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('isAdmin', 'role', 'roles', 'communityId', 'authorId', 'callerId', 'userId', 'status', 'supportCount',
    'createdAt', 'pk', 'sk', 'gsi1pk', '__proto__', 'constructor', 'prototype', 'toString', ''),
  oddString,
);

/** A plausible value for a node: used for the fields a case does not break, so other fields reach the parser looking real. */
export function plausible(node: Node): fc.Arbitrary<Json> {
  if (node.enum?.length) return fc.constantFrom(...(node.enum as Json[]));
  if ('const' in node) return fc.constant(node.const as Json);
  const branches = node.anyOf ?? node.oneOf;
  if (branches?.length) return fc.oneof(...(branches as Node[]).map(plausible));
  switch ([node.type].flat()[0]) {
    case 'string': return fc.oneof(fc.constant('x'.repeat(Math.max(node.minLength ?? 1, 5))), oddString);
    case 'integer': case 'number': return fc.constant(node.minimum ?? 1);
    case 'boolean': return fc.boolean();
    case 'array': return fc.constant([]);
    case 'object': return fc.constant({});
    default: return garbage;
  }
}

/**
 * Characters a valid text may hold that code tends to mishandle: CJK, an astral emoji (two UTF-16
 * units), a combining mark, a right-to-left override, a zero-width joiner, markup and quotes.
 */
const edgeChars = ['茶', '👍', 'e\u0301', '\u202e', '\u200d', '<', '"', '\\', '%', '&'];

/** Moments in the coming weeks, in order, for date-time fields (a start before an end more often than not). */
const day = 86_400_000;
const futureTimes = [3, 4, 5, 6, 9, 12].map((d) => new Date(Math.ceil(Date.now() / day) * day + d * day + 2 * 3_600_000).toISOString());

/**
 * A value the node accepts, at its edges: strings as long as allowed (within the length, counted
 * as zod counts, in UTF-16 units) made of edgeChars, numbers at their minimum or maximum, arrays at
 * their most items, most optional properties present. Where a pattern decides, one of `samples` (ids
 * the platform holds) that matches it; dates in the coming weeks. Callers keep only values the row's
 * zod schema accepts.
 */
export function edgeValue(node: Node, samples: readonly string[] = []): fc.Arbitrary<Json> {
  const again = (n: Node) => edgeValue(n, samples);
  if (node.enum?.length) return fc.constantFrom(...(node.enum as Json[]));
  if ('const' in node) return fc.constant(node.const as Json);
  const branches = node.anyOf ?? node.oneOf;
  if (branches?.length) return fc.oneof(...(branches as Node[]).map(again));
  switch ([node.type].flat()[0]) {
    case 'string': {
      if (node.format === 'date-time') return fc.constantFrom(...futureTimes);
      if (node.pattern) {
        const fits = samples.filter((v) => new RegExp(node.pattern as string, 'u').test(v));
        return fits.length ? fc.constantFrom(...fits) : plausible(node);
      }
      if (node.format) return plausible(node);
      const max = Math.min(typeof node.maxLength === 'number' ? node.maxLength : 5000, 20_000);
      const min = Math.max(node.minLength ?? 1, 1);
      return fc.tuple(fc.constantFrom(...edgeChars), fc.constantFrom(max, Math.max(min, max - 1), min)).map(([ch, n]) => {
        // 'x' at both ends: a trimmed field keeps its length; fill to exactly n units.
        let s = 'x';
        while (s.length + ch.length < n) s += ch;
        return (s + 'x'.repeat(Math.max(n - s.length, 0))).slice(0, Math.max(n, 1));
      });
    }
    case 'integer': case 'number':
      return fc.constantFrom(...[node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum]
        .filter((v): v is number => typeof v === 'number').concat(node.minimum === undefined && node.maximum === undefined ? [0, 1, 2 ** 31] : []));
    case 'boolean': return fc.boolean();
    case 'array': {
      const n = Math.min(typeof node.maxItems === 'number' ? node.maxItems : 3, 50);
      return node.items ? fc.array(again(node.items), { minLength: Math.min(node.minItems ?? 0, n), maxLength: n }) : fc.constant([]);
    }
    case 'object': {
      const props = (node.properties ?? {}) as Record<string, Node>;
      const required = new Set((node.required ?? []) as string[]);
      const keys = Object.keys(props);
      // An optional field is there two times in three: some rules only hold without it.
      return fc.tuple(...keys.map((k) => (required.has(k) ? again(props[k]!) : fc.option(again(props[k]!), { nil: undefined, freq: 3 }))))
        .map((vs) => Object.fromEntries(keys.flatMap((k, i) => (vs[i] === undefined ? [] : [[k, vs[i]!]]))) as Json);
    }
    default: return plausible(node);
  }
}
