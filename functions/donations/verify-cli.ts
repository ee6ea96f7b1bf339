/**
 * `npm run ledger:verify -- <export.json>`: checks a ledger exported from `GET /api/ledger/export.json`
 * offline, with the same code the API's `GET /api/ledger/verify` runs. Anyone can run it without
 * trusting the operator: exit code 0 when the chain holds, 1 with the first broken position when not.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALGORITHM, verifyChain, type ChainCheck } from './chain.js';

export function verifyExport(json: unknown): ChainCheck & { communityId: string | null; claimedHead: string | null } {
  const doc = json as { algorithm?: unknown; communityId?: unknown; entries?: unknown; headHash?: unknown; length?: unknown };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.entries)) throw new Error('not a ledger export: no "entries" list');
  if (doc.algorithm !== ALGORITHM) throw new Error(`unknown algorithm ${String(doc.algorithm)}; this tool checks ${ALGORITHM}`);
  const result = verifyChain(doc.entries as Record<string, unknown>[]);
  const claimedHead = typeof doc.headHash === 'string' ? doc.headHash : null;
  // The export's own summary must agree with its entries (a truncated file would otherwise pass).
  if (result.ok && (claimedHead !== result.headHash || doc.length !== result.length)) {
    return { ...result, ok: false, firstBroken: { position: result.length + 1, reason: 'the export says it holds more (or other) entries than it does' },
      communityId: typeof doc.communityId === 'string' ? doc.communityId : null, claimedHead };
  }
  return { ...result, communityId: typeof doc.communityId === 'string' ? doc.communityId : null, claimedHead };
}

export function main(argv: string[], out: (line: string) => void = console.log): number {
  const file = argv[0];
  if (!file) {
    out('usage: npm run ledger:verify -- <export.json>   (download it from /api/ledger/export.json)');
    return 2;
  }
  let result: ReturnType<typeof verifyExport>;
  try {
    // npm runs scripts from the package root; a relative path means where the command was typed.
    result = verifyExport(JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')));
  } catch (e) {
    out(`cannot check ${file}: ${(e as Error).message}`);
    return 2;
  }
  if (result.ok) {
    out(`ok: ${result.length} entries of ${result.communityId ?? '?'} chain to head ${result.headHash}`);
    return 0;
  }
  out(`BROKEN at position ${result.firstBroken!.position}: ${result.firstBroken!.reason}`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
