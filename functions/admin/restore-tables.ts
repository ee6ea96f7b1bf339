/**
 * `restore-tables --time T`: every Gongzhi table restored by point-in-time recovery to the same instant,
 * into new tables `<source>-restored-<suffix>` beside the live ones (which stay as they are). Everything is
 * checked before anything is restored: PITR on, T inside each table's restorable window, no target there yet.
 * A restored table keeps the source's keys, indexes and encryption but has no PITR, deletion protection,
 * stream, TTL or tags: PITR and TTL are switched on again here; streams and tags are not restored.
 */
import {
  DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand, RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand, waitUntilTableExists, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { contexts, type ContextName } from '../routes.js';

/** A restore of a big table can take hours; each table is waited for this long. */
export const RESTORE_WAIT_SECONDS = 6 * 3600;

export interface Restored {
  context: ContextName; source: string; target: string; indexes: string[];
  /** The TTL attribute switched on again, if the source has one. */
  ttl: string | null;
}

/** An ISO-8601 instant with its zone (`Z` or `+08:00`): a time without one would be read in the machine's zone. */
export function parseInstant(text: string | undefined): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text ?? '') && !Number.isNaN(Date.parse(text!));
  if (!ok) throw new Error(`--time needs an ISO-8601 instant with its zone, e.g. 2026-08-01T09:30:00Z or 2026-08-01T17:30:00+08:00, not "${text ?? ''}".`);
  return new Date(text!);
}

/** The default suffix: the instant as yyyymmddThhmmZ (UTC). */
export const suffixOf = (time: Date): string => `${time.toISOString().replace(/[-:]/g, '').slice(0, 13)}Z`;
export const restoredName = (source: string, suffix: string): string => `${source}-restored-${suffix}`;

const missing = (e: unknown) => e instanceof Error && e.name === 'ResourceNotFoundException';
const indexNames = (t: { GlobalSecondaryIndexes?: { IndexName?: string }[] } | undefined) =>
  (t?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? '?').sort();

interface Source { problem: string | null; indexes: string[]; ttl: string | null; pitrDays: number | undefined }

/** The source's indexes, TTL and PITR period, and what stops `time` being restored from it into `target`. */
async function inspect(ddb: DynamoDBClient, source: string, target: string, time: Date): Promise<Source> {
  const [backups, table, ttl, exists] = await Promise.all([
    ddb.send(new DescribeContinuousBackupsCommand({ TableName: source })),
    ddb.send(new DescribeTableCommand({ TableName: source })),
    ddb.send(new DescribeTimeToLiveCommand({ TableName: source })),
    ddb.send(new DescribeTableCommand({ TableName: target })).then(() => true, (e) => { if (missing(e)) return false; throw e; }),
  ]).catch((e: Error) => { throw new Error(`${source}: ${e.message}`); });
  const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  const t = ttl.TimeToLiveDescription;
  const facts = {
    indexes: indexNames(table.Table), pitrDays: pitr?.RecoveryPeriodInDays,
    ttl: t?.TimeToLiveStatus === 'ENABLED' || t?.TimeToLiveStatus === 'ENABLING' ? t.AttributeName ?? null : null,
  };
  const [from, to] = [pitr?.EarliestRestorableDateTime, pitr?.LatestRestorableDateTime];
  const problem = pitr?.PointInTimeRecoveryStatus !== 'ENABLED' ? `${source}: point-in-time recovery is not enabled (${pitr?.PointInTimeRecoveryStatus ?? 'no status'}).`
    : !from || !to || time < from || time > to ? `${source}: ${time.toISOString()} is outside its restorable window ${from?.toISOString() ?? '?'} to ${to?.toISOString() ?? '?'}.`
    : exists ? `${target} already exists: choose another --suffix, or delete it first (aws dynamodb delete-table --table-name ${target}).`
    : null;
  return { problem, ...facts };
}

/** Waits for one restored table, checks its indexes against the source's, and switches PITR and TTL on again. */
async function finish(ddb: DynamoDBClient, target: string, src: Source, waitSeconds: number): Promise<string[]> {
  const done = await waitUntilTableExists({ client: ddb, maxWaitTime: waitSeconds, minDelay: 20, maxDelay: 120 }, { TableName: target });
  const indexes = indexNames(done.reason?.Table);
  if (indexes.join() !== src.indexes.join()) throw new Error(`${target} has the indexes [${indexes.join(', ')}], not the source's [${src.indexes.join(', ')}].`);
  await ddb.send(new UpdateContinuousBackupsCommand({
    TableName: target, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, ...(src.pitrDays ? { RecoveryPeriodInDays: src.pitrDays } : {}) },
  }));
  if (src.ttl) await ddb.send(new UpdateTimeToLiveCommand({ TableName: target, TimeToLiveSpecification: { Enabled: true, AttributeName: src.ttl } }));
  return indexes;
}

export async function restoreTables(ddb: DynamoDBClient, tables: Record<ContextName, string>,
  opts: { time: Date; suffix?: string; waitSeconds?: number; log?: (line: string) => void }): Promise<Restored[]> {
  const suffix = opts.suffix ?? suffixOf(opts.time);
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(suffix)) throw new Error(`--suffix may hold letters, digits, _ . and - (at most 40), not "${suffix}".`);
  const log = opts.log ?? (() => undefined);
  const plan = contexts.map((c) => ({ context: c, source: tables[c], target: restoredName(tables[c], suffix) }));

  // Every table is checked before any is restored: the set must come from one instant or not at all.
  const sources = await Promise.all(plan.map((p) => inspect(ddb, p.source, p.target, opts.time)));
  const problems = sources.flatMap((s) => (s.problem ? [s.problem] : []));
  if (problems.length) throw new Error(`Nothing was restored:\n  ${problems.join('\n  ')}`);

  const started: string[] = [];
  for (const p of plan) {
    try {
      // On-demand like the source; with no index override every GSI is restored as the source has it.
      await ddb.send(new RestoreTableToPointInTimeCommand({
        SourceTableName: p.source, TargetTableName: p.target, RestoreDateTime: opts.time, BillingModeOverride: 'PAY_PER_REQUEST',
      }));
    } catch (e) {
      const also = started.length ? ` Already restoring: ${started.join(', ')} (delete them with aws dynamodb delete-table before trying again).` : '';
      throw new Error(`Restoring ${p.source} failed: ${(e as Error).message.replace(/\.$/, '')}.${also}`);
    }
    started.push(p.target);
    log(`restoring ${p.source} → ${p.target}`);
  }

  const waitSeconds = opts.waitSeconds ?? RESTORE_WAIT_SECONDS;
  log(`waiting until the ${plan.length} tables are ACTIVE (up to ${Math.round(waitSeconds / 60)} min each)…`);
  // Each table is finished on its own: one that fails leaves the others restored and protected again.
  const results = await Promise.allSettled(plan.map(async (p, i) => {
    const indexes = await finish(ddb, p.target, sources[i]!, waitSeconds);
    log(`${p.target}: ACTIVE, indexes ${indexes.join(', ') || 'none'}, PITR on${sources[i]!.ttl ? `, TTL on ${sources[i]!.ttl}` : ''}`);
    return { ...p, indexes, ttl: sources[i]!.ttl };
  }));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${plan[i]!.target}: ${(r.reason as Error).message}`] : []));
  if (failed.length) throw new Error(`The restore did not finish:\n  ${failed.join('\n  ')}`);
  return results.map((r) => (r as PromiseFulfilledResult<Restored>).value);
}

/** What the operator reads when the restore is done: the new tables, what they lack, and the copy-back. */
export function restoreNextSteps(restored: Restored[], time: Date, region: string): string {
  const tableSuffix = restored[0]!.target.slice(restored[0]!.source.length + 1);
  const aws = `--aws --region ${region}`;
  return [
    `Restored to ${time.toISOString()} (on-demand, PITR on again, TTL where the source has it):`,
    ...restored.map((r) => `  ${r.target}   (from ${r.source}; indexes ${r.indexes.join(', ') || 'none'}${r.ttl ? `; TTL ${r.ttl}` : ''})`),
    'Not restored: streams, tags, alarms and deletion protection. These tables belong to no stack; the live ones are unchanged.',
    'Next, for each community to bring back (check the export before importing it):',
    `  npm run admin -- export-community <id> --table-suffix ${tableSuffix} ${aws} --out <id>.json`,
    `  npm run admin -- import-community <id>.json --replace ${aws}`,
    '  then GET /api/ledger/verify?community=<id> on the site must say "ok": true (or npm run ledger:verify -- on /api/ledger/export.json).',
    'When done, delete the restored tables:',
    ...restored.map((r) => `  aws dynamodb delete-table --region ${region} --table-name ${r.target}`),
  ].join('\n');
}
