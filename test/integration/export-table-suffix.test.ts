/**
 * `export-community --table-suffix restored-…` reads every table under `<name>-<suffix>` (the tables
 * restore-tables made), not the live ones: the copy-back's first step, through the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTables, startEngine } from '../../functions/local/dynamo.js';
import { config } from '../../functions/shared/config.js';
import { createDocumentClient } from '../../functions/shared/db/client.js';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-suffix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const admin = (...args: string[]) =>
  execFileSync('npx', ['tsx', 'functions/admin/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dir }, stdio: 'pipe' }).toString();

describe('export-community --table-suffix', () => {
  it('exports from the suffixed tables, and says which table is missing when there are none', async () => {
    const engine = await startEngine(dir);
    const restored = Object.fromEntries(Object.entries(config().tables).map(([c, n]) => [c, `${n}-restored-t1`])) as ReturnType<typeof config>['tables'];
    await ensureTables(engine.endpoint, config().tables);
    await ensureTables(engine.endpoint, restored);
    const db = createDocumentClient(engine.endpoint);
    await db.send(new PutCommand({ TableName: restored.community, Item: { pk: 'COMMUNITY#old', sk: 'META', id: 'old', name: '恢复的' } }));
    db.destroy();
    await engine.close();

    admin('export-community', 'old', '--table-suffix', 'restored-t1', '--out', join(dir, 'old.json'));
    const doc = JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8'));
    expect(doc.tables.community).toEqual([{ pk: 'COMMUNITY#old', sk: 'META', id: 'old', name: '恢复的' }]);
    expect(() => admin('export-community', 'old')).toThrow(/There is no community "old"/);
    expect(() => admin('export-community', 'old', '--table-suffix', 'restored-t2')).toThrow(/There is no table "gongzhi-\w+-restored-t2" here/);
  }, 60_000);
});
