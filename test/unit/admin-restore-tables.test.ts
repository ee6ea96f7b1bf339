/**
 * `restore-tables` against a mocked DynamoDB (no AWS account here): it refuses before restoring anything
 * when the instant is outside a table's window or a target exists, restores every table into
 * `<source>-restored-<suffix>` on demand, and switches PITR and TTL on again on each new table.
 */
import {
  DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, ResourceNotFoundException,
  RestoreTableToPointInTimeCommand, UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant, restoreNextSteps, restoreTables, suffixOf } from '../../functions/admin/restore-tables.js';
import { contexts } from '../../functions/routes.js';
import { localTableName, tableDefs } from '../../functions/shared/db/tables.js';

const ddb = mockClient(DynamoDBClient);
afterEach(() => ddb.reset());
const client = () => new DynamoDBClient({ region: 'ap-east-1' });

const tables = Object.fromEntries(contexts.map((c) => [c, `Live-${localTableName(c)}`])) as Record<(typeof contexts)[number], string>;
const TIME = new Date('2026-08-01T09:30:15.000Z');
const window = (table: string) => (table === tables.donations
  ? { from: '2026-07-31T12:00:00Z', to: '2026-08-01T09:00:00Z' } // its PITR was switched on late, say
  : { from: '2026-07-01T00:00:00Z', to: '2026-08-02T00:00:00Z' });
const indexesOf = (table: string) => {
  const c = contexts.find((x) => table.startsWith(tables[x]))!;
  return tableDefs[c].indexes.map((i) => ({ IndexName: i.name }));
};
const notFound = () => new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });

/** Live tables as the data stack makes them; a restored table exists once restored (and `existing` ones already). */
function world(opts: { donationsWindow?: boolean; existing?: string[] } = {}) {
  const restored = new Set(opts.existing ?? []);
  ddb.on(DescribeContinuousBackupsCommand).callsFake(async ({ TableName }: { TableName: string }) => {
    const w = opts.donationsWindow === false ? { from: '2026-07-01T00:00:00Z', to: '2026-08-02T00:00:00Z' } : window(TableName);
    return {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: {
          PointInTimeRecoveryStatus: 'ENABLED', EarliestRestorableDateTime: new Date(w.from), LatestRestorableDateTime: new Date(w.to), RecoveryPeriodInDays: 35,
        },
      },
    };
  });
  ddb.on(DescribeTableCommand).callsFake(async ({ TableName }: { TableName: string }) => {
    if (TableName.includes('-restored-') && !restored.has(TableName)) throw notFound();
    return { Table: { TableName, TableStatus: 'ACTIVE', GlobalSecondaryIndexes: indexesOf(TableName) } };
  });
  ddb.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } });
  ddb.on(RestoreTableToPointInTimeCommand).callsFake(async ({ TargetTableName }: { TargetTableName: string }) => {
    restored.add(TargetTableName);
    return { TableDescription: { TableName: TargetTableName, TableStatus: 'CREATING' } };
  });
  ddb.on(UpdateContinuousBackupsCommand).resolves({});
  ddb.on(UpdateTimeToLiveCommand).resolves({});
}

describe('restore-tables', () => {
  it('reads an instant only with its zone, and names the default suffix after it in UTC', () => {
    expect(parseInstant('2026-08-01T17:30:15+08:00').toISOString()).toBe(TIME.toISOString());
    expect(() => parseInstant('2026-08-01 09:30')).toThrow(/with its zone/);
    expect(() => parseInstant(undefined)).toThrow(/--time needs/);
    expect(suffixOf(TIME)).toBe('20260801T0930Z');
  });

  it('refuses an instant outside a table\'s window, naming the table and the window, and restores nothing', async () => {
    world();
    const run = restoreTables(client(), tables, { time: TIME });
    await expect(run).rejects.toThrow(`${tables.donations}: 2026-08-01T09:30:15.000Z is outside its restorable window 2026-07-31T12:00:00.000Z to 2026-08-01T09:00:00.000Z.`);
    await expect(run).rejects.toThrow(/^Nothing was restored/);
    expect(ddb.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('refuses when PITR is off on a table', async () => {
    world({ donationsWindow: false });
    ddb.on(DescribeContinuousBackupsCommand, { TableName: tables.ballots }).resolves({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
    await expect(restoreTables(client(), tables, { time: TIME })).rejects.toThrow(`${tables.ballots}: point-in-time recovery is not enabled (DISABLED).`);
    expect(ddb.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('refuses when a target table already exists', async () => {
    const taken = `${tables.proposals}-restored-drill1`;
    world({ donationsWindow: false, existing: [taken] });
    await expect(restoreTables(client(), tables, { time: TIME, suffix: 'drill1' })).rejects.toThrow(`${taken} already exists`);
    expect(ddb.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('restores every table on demand into <source>-restored-<suffix>, then switches PITR and TTL on again on each', async () => {
    world({ donationsWindow: false });
    const lines: string[] = [];
    const done = await restoreTables(client(), tables, { time: TIME, log: (l) => lines.push(l) });

    const restores = ddb.commandCalls(RestoreTableToPointInTimeCommand).map((c) => c.args[0].input);
    expect(restores).toEqual(contexts.map((c) => ({
      SourceTableName: tables[c], TargetTableName: `${tables[c]}-restored-20260801T0930Z`, RestoreDateTime: TIME, BillingModeOverride: 'PAY_PER_REQUEST',
    })));
    const targets = restores.map((r) => r.TargetTableName);
    expect(ddb.commandCalls(UpdateContinuousBackupsCommand).map((c) => c.args[0].input).sort((a, b) => a.TableName!.localeCompare(b.TableName!)))
      .toEqual([...targets].sort().map((TableName) => ({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 } })));
    expect(ddb.commandCalls(UpdateTimeToLiveCommand).map((c) => c.args[0].input).sort((a, b) => a.TableName!.localeCompare(b.TableName!)))
      .toEqual([...targets].sort().map((TableName) => ({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } })));
    expect(done.map((d) => d.target)).toEqual(targets);
    expect(done.find((d) => d.context === 'proposals')!.indexes).toEqual(['gsi1', 'gsi2', 'gsi3']);

    const steps = restoreNextSteps(done, TIME, 'ap-east-1');
    expect(steps).toContain('export-community <id> --table-suffix restored-20260801T0930Z --aws --region ap-east-1 --out <id>.json');
    expect(steps).toContain('import-community <id>.json --replace --aws --region ap-east-1');
    expect(steps).toContain('Not restored: streams, tags');
    expect(steps).toContain(`aws dynamodb delete-table --region ap-east-1 --table-name ${targets[0]}`);
  });

  it('leaves TTL off on a table whose source has none', async () => {
    world({ donationsWindow: false });
    ddb.on(DescribeTimeToLiveCommand, { TableName: tables.community }).resolves({ TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
    const done = await restoreTables(client(), tables, { time: TIME, suffix: 'x' });
    expect(done.find((d) => d.context === 'community')!.ttl).toBeNull();
    expect(ddb.commandCalls(UpdateTimeToLiveCommand).map((c) => c.args[0].input.TableName)).not.toContain(`${tables.community}-restored-x`);
    expect(ddb.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(contexts.length - 1);
  });

  it('names the tables already restoring when a restore is refused midway', async () => {
    world({ donationsWindow: false });
    ddb.on(RestoreTableToPointInTimeCommand, { SourceTableName: tables.activities }).rejects(new Error('Too many restores in progress.'));
    await expect(restoreTables(client(), tables, { time: TIME, suffix: 'x' })).rejects
      .toThrow(`Restoring ${tables.activities} failed: Too many restores in progress. Already restoring: ${tables.community}-restored-x, ${tables.proposals}-restored-x`);
  });
});
