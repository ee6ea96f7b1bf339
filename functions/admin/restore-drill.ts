/**
 * `npm run drill:restore`: rehearses the copy-back half of a point-in-time restore on a fresh local data
 * folder. It loads the demo as `npm start` does, exports a community (what `export-community --table-suffix`
 * reads from the restored tables), damages the community in the tables, writes the export back with
 * `import-community --replace`, exports again and compares, and checks the ledger's chain as
 * `npm run ledger:verify` does. PASS only when the community is as exported and the chain holds.
 * `--skip-copy-back` leaves the damage in place, to see the drill fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContextName } from '../routes.js';
import { exportCommunity, importCommunity, type CommunityExport } from './community-data.js';
import { compareExports, simulateLoss } from './restore-drill-steps.js';

export interface DrillOptions {
  communityId?: string;
  /** false skips the copy-back: the drill must then fail. */
  copyBack?: boolean;
  log?: (line: string) => void;
}
export interface DrillResult { ok: boolean; differences: string[]; ledgerOk: boolean }

const total = (doc: CommunityExport) => Object.values(doc.tables).reduce((n, t) => n + t.length, 0);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const listed = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n).map(([t, n]) => `${t} ${n}`).join(', ') || 'nothing';

export async function runDrill(opts: DrillOptions = {}): Promise<DrillResult> {
  const log = opts.log ?? console.log;
  const communityId = opts.communityId ?? 'chating';
  const { ensureTables, startEngine } = await import('../local/dynamo.js');
  const { createDocumentClient } = await import('../shared/db/client.js');
  const { config } = await import('../shared/config.js');
  const { seedDemo } = await import('../local/seed.js');
  const { createLedgerDeps } = await import('../donations/wire.js');
  const { exportJson } = await import('../donations/read-ledger.js');
  const { verifyExport } = await import('../donations/verify-cli.js');

  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-restore-drill-'));
  const engine = await startEngine(dir);
  const db = createDocumentClient(engine.endpoint);
  const tables: Record<ContextName, string> = config().tables;
  const now = () => new Date().toISOString();
  try {
    await ensureTables(engine.endpoint, tables);
    log(`1. fresh data folder ${dir}`);
    await seedDemo(db);
    log('2. loaded the demo, as npm start does');

    const file = join(dir, `${communityId}.json`);
    const first = await exportCommunity(db, tables, communityId, now());
    writeFileSync(file, `${JSON.stringify(first, null, 1)}\n`);
    log(`3. exported ${communityId}: ${total(first)} items → ${file}`);

    const damage = await simulateLoss(db, tables, first);
    log(`4. simulated a loss: ${damage.join('; ')}`);

    const retried: string[] = [];
    if (opts.copyBack === false) log('5. copy-back SKIPPED');
    else {
      const copyBack = () => importCommunity(db, tables, JSON.parse(readFileSync(file, 'utf8')), true);
      const r = await copyBack();
      log(`5. import-community --replace: wrote ${sum(r.written)} items, deleted ${listed(r.deleted)}`);
      const again = await copyBack();
      if (sum(again.deleted)) retried.push(`a second import-community --replace deleted ${listed(again.deleted)}`);
      log(`   again, as a retried copy-back: deleted ${listed(again.deleted)}`);
    }

    const second = await exportCommunity(db, tables, communityId, now());
    const differences = [...retried, ...compareExports(first, second)];
    log(differences.length ? `6. exported again: ${differences.length} differences\n   ${differences.join('\n   ')}`
      : `6. exported again: identical to step 3 (${total(second)} items)`);

    const ledger = verifyExport(await exportJson(createLedgerDeps(db, { tables }, now), { community: communityId }));
    log(ledger.ok ? `7. ledger: ok, ${ledger.length} entries chain to head ${ledger.headHash}`
      : `7. ledger: BROKEN at position ${ledger.firstBroken!.position}: ${ledger.firstBroken!.reason}`);

    const ok = differences.length === 0 && ledger.ok;
    log(ok ? 'PASS: the copy-back restored the community exactly and its ledger verifies.'
      : 'FAIL: the community is not as it was exported (see above).');
    return { ok, differences, ledgerOk: ledger.ok };
  } finally {
    db.destroy();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.LOG_LEVEL ??= 'warn';
  runDrill({ copyBack: !process.argv.includes('--skip-copy-back') }).then((r) => { process.exitCode = r.ok ? 0 : 1; }, (e: Error) => {
    console.error(`FAIL: the drill stopped: ${e.stack ?? e.message}`);
    process.exitCode = 1;
  });
}
