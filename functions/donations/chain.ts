/**
 * The hash chain, pure: canonical serialisation, SHA-256, and the check that the API's
 * `GET /api/ledger/verify` and the offline `npm run ledger:verify -- <export.json>` both run.
 *
 * Canonical JSON (`sha256-canonical-json-v1`): objects with their keys sorted by UTF-16 code unit,
 * no whitespace, strings as JSON.stringify writes them, numbers only as safe integers (money is
 * fen, time is minutes), `undefined` members left out. An entry's `hash` is the SHA-256 (hex) of the
 * canonical JSON of everything else in it, `prevHash` and `position` included, so changing any field,
 * reordering entries or dropping one breaks the chain at that position.
 */
import { createHash } from 'node:crypto';

export const ALGORITHM = 'sha256-canonical-json-v1' as const;
/** The `prevHash` of position 1. */
export const GENESIS = '0'.repeat(64);

export function canonical(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean': return value ? 'true' : 'false';
    case 'string': return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON carries safe integers only, not ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonical(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
    }
    default: throw new Error(`canonical JSON cannot carry a ${typeof value}`);
  }
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an entry: over everything in it except `hash` itself. */
export function hashOf(entry: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = entry;
  return sha256(canonical(rest));
}

export interface Broken { position: number; reason: string }
export interface ChainCheck { ok: boolean; length: number; headHash: string; firstBroken: Broken | null }

/** What the chain check needs of each entry; `extra` lets the server also check private parts. */
export interface Linked { position?: unknown; prevHash?: unknown; hash?: unknown; [k: string]: unknown }

/**
 * Walks the chain from position 1: each entry must sit at its place, name its predecessor's hash,
 * and hash to its own `hash`. Reports the first position where any of that fails.
 */
export function verifyChain(entries: readonly Linked[], extra?: (e: Linked, index: number) => string | null): ChainCheck {
  let prev = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const position = i + 1;
    const fail = (reason: string): ChainCheck => ({ ok: false, length: entries.length, headHash: String(entries.at(-1)?.hash ?? GENESIS), firstBroken: { position, reason } });
    if (e.position !== position) return fail(`entry at place ${position} says position ${String(e.position)}: an entry is missing, doubled or moved`);
    if (e.prevHash !== prev) return fail('prevHash does not match the hash of the entry before it');
    let recomputed: string;
    try {
      recomputed = hashOf(e);
    } catch (err) {
      return fail(`the entry cannot be serialised canonically: ${(err as Error).message}`);
    }
    if (recomputed !== e.hash) return fail('the entry\'s content does not match its hash (it was changed after it was written)');
    const more = extra?.(e, i);
    if (more) return fail(more);
    prev = String(e.hash);
  }
  return { ok: true, length: entries.length, headHash: prev, firstBroken: null };
}
