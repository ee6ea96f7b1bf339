/**
 * Items as plain JSON and back, for community exports. DynamoDB's sets (a proposal's `supporters`, a
 * person's `linkedPersons`) and binary values have no JSON form: `JSON.stringify` would write a set as `{}`,
 * and importing that would leave a map where the code adds to a set. They are written as
 * `{"$SS": [...]}`, `{"$NS": [...]}` (sorted: a set has no order) and `{"$B": "<base64>"}`.
 */
type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

const TAGS = ['$SS', '$NS', '$B'];

export function toPlain(value: unknown): Plain {
  if (value instanceof Set) {
    const members = [...value];
    if (members.every((m) => typeof m === 'number')) return { $NS: members.sort((a, b) => a - b) };
    if (members.every((m) => typeof m === 'string')) return { $SS: members.sort() };
    throw new Error('a set of binary values cannot be exported');
  }
  if (value instanceof Uint8Array) return { $B: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value as Plain;
}

export function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && TAGS.includes(entries[0]![0])) {
    const [tag, v] = entries[0]!;
    if (tag === '$B' && typeof v === 'string') return new Uint8Array(Buffer.from(v, 'base64'));
    if (tag !== '$B' && Array.isArray(v)) return new Set(v);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, fromPlain(v)]));
}
