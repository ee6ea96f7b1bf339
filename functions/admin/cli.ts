/**
 * `npm run admin -- <command>`: bootstrap and operate a deployment through the same use cases the API
 * runs (every change is checked and audited as if it came through the API). Works on the local data
 * folder (DATA_DIR, default .data; with `npm start` running or not) or, with `--aws --region R`, on the
 * deployed tables. Run with no command for the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectAws, connectLocal, type Target } from './connect.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `usage: npm run admin -- <command> [options] [--aws --region R]
  grant-platform-admin <userId> [--evidence TEXT]          make someone platform admin (the sub-district office)
  create-community <id> --name 名称 [--name-en N] [--district D] --as <adminId>
  grant-staff <communityId> <userId> --evidence TEXT [--name 姓名] --as <adminId>
  create-estate <communityId> <slug> --name 名称 [--name-en N] --as <staffId>
  import-households <estateId> <file.csv> --as <staffId>    (UTF-8 or GB18030/GBK; all rows checked first)
  export-community <id> [--out file.json] [--table-suffix S] the community's complete data as JSON (stdout by default),
                                                            from the tables <name>-S with --table-suffix (restored tables)
  import-community <file.json> [--replace]                  write an export back (refuses an existing community; --replace
                                                            also deletes the community's items the export does not hold)
  restore-tables --time <ISO instant> [--suffix S] --aws    restore every table by PITR into <name>-restored-S (S defaults
                                                            to the time as yyyymmddThhmmZ); the live tables are untouched
Local: DATA_DIR (default .data), whether \`npm start\` runs or not. AWS: --aws --region R (credentials from the environment).`;

const file = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
const mapTables = <T extends Record<string, string>>(t: T, f: (name: string) => string): T =>
  Object.fromEntries(Object.entries(t).map(([c, n]) => [c, f(n)])) as T;

async function run(cmd: string, args: string[], o: Record<string, string | boolean | undefined>): Promise<string> {
  const { config } = await import('../shared/config.js');
  const { documentClient } = await import('../shared/db/client.js');
  const { systemClock } = await import('../shared/clock.js');
  const { newId } = await import('../shared/ids.js');
  const reg = await import('../community/registry-deps.js');
  const deps = reg.createRegistryDeps(documentClient(), config().tables, systemClock, newId);
  const as = () => {
    if (typeof o.as !== 'string') throw new Error(`${cmd} needs --as <userId>: the person (platform admin or staff) doing it, as the audit log will say.`);
    return o.as;
  };
  const need = (i: number, what: string) => {
    if (!args[i]) throw new Error(`${cmd} needs ${what}.\n${USAGE}`);
    return args[i]!;
  };
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  switch (cmd) {
    case 'grant-platform-admin': {
      const { grantPlatformAdmin } = await import('../community/roles.js');
      const g = await grantPlatformAdmin(deps, 'cli', need(0, 'a user id'), str('evidence') ?? 'bootstrap with npm run admin');
      return g.changed ? `${g.userId} is now platform admin.` : `${g.userId} was already platform admin; nothing changed.`;
    }
    case 'create-community': {
      const { createCommunity } = await import('../community/communities.js');
      const { CreateCommunityBody } = await import('../contracts/registry.js');
      const body = CreateCommunityBody.parse({ id: need(0, 'a community id'), name: str('name'), nameEn: str('name-en'), district: str('district') });
      const c = await createCommunity(deps, as(), body);
      return `Created ${c.id} (${c.name}).`;
    }
    case 'grant-staff': {
      const { grantStaff } = await import('../community/roles.js');
      const evidence = str('evidence');
      if (!evidence) throw new Error('grant-staff needs --evidence (the appointment letter, for the audit log).');
      const g = await grantStaff(deps, as(), need(0, 'a community id'), need(1, 'a user id'), { displayName: str('name'), evidence });
      return g.changed ? `${g.userId} is now staff of ${g.scope}.` : `${g.userId} was already staff of ${g.scope}.`;
    }
    case 'create-estate': {
      const { createEstate } = await import('../community/estates-spaces.js');
      const { CreateEstateBody } = await import('../contracts/registry.js');
      const e = await createEstate(deps, as(), need(0, 'a community id'), CreateEstateBody.parse({ slug: need(1, 'an estate slug'), name: str('name'), nameEn: str('name-en') }));
      return `Created estate ${e.id} (${e.name}).`;
    }
    case 'import-households': {
      const { importHouseholds } = await import('../community/import-households.js');
      const bytes = readFileSync(file(need(1, 'a CSV file')));
      const r = await importHouseholds(deps, as(), need(0, 'an estate id'), { csv: bytes.toString('base64'), encoding: 'base64' });
      return `${r.estateId}: ${r.households} households in ${r.buildings.length} buildings (added ${r.added}, changed ${r.changed}, unchanged ${r.unchanged}${r.missing.length ? `; not in this file: ${r.missing.join(', ')}` : ''}).`;
    }
    case 'export-community': {
      const { exportCommunity } = await import('./community-data.js');
      const suffix = str('table-suffix');
      if (suffix !== undefined && !/^[A-Za-z0-9_.-]+$/.test(suffix)) throw new Error(`--table-suffix may hold letters, digits, _ . and -, not "${suffix}".`);
      const tables = suffix === undefined ? config().tables : mapTables(config().tables, (n) => `${n}-${suffix}`);
      const doc = await exportCommunity(documentClient(), tables, need(0, 'a community id'), systemClock());
      const text = `${JSON.stringify(doc, null, 1)}\n`;
      const n = Object.values(doc.tables).reduce((s, t) => s + t.length, 0);
      if (typeof o.out === 'string') writeFileSync(file(o.out), text);
      else process.stdout.write(text);
      return `Exported ${doc.communityId}: ${n} items.`;
    }
    case 'import-community': {
      const { importCommunity, parseExportFile } = await import('./community-data.js');
      const path = need(0, 'an export file');
      const r = await importCommunity(documentClient(), config().tables, parseExportFile(readFileSync(file(path), 'utf8'), path), o.replace === true);
      const list = (counts: Record<string, number>) => Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ');
      const gone = Object.values(r.deleted).reduce((a, b) => a + b, 0);
      return `Imported: ${list(r.written)}.${o.replace === true ? ` Deleted, as not in the export: ${gone ? list(r.deleted) : 'nothing'}.` : ''}`
        + `${r.kept.length ? `\nKept ${r.kept.length} items not in the export that another community's data also holds: ${r.kept.slice(0, 10).join('; ')}${r.kept.length > 10 ? '; …' : ''}` : ''}`;
    }
    case 'restore-tables': {
      if (o.aws !== true) throw new Error('restore-tables works on the deployed tables (--aws --region R): the local engine keeps no point-in-time backups. Rehearse the copy-back with npm run drill:restore.');
      const { restoreNextSteps, restoreTables, parseInstant } = await import('./restore-tables.js');
      const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
      const time = parseInstant(str('time'));
      const region = str('region')!; // main() refuses --aws without it
      const ddb = new DynamoDBClient({ region });
      try {
        const restored = await restoreTables(ddb, config().tables, { time, suffix: str('suffix'), log: (line) => console.error(line) });
        return restoreNextSteps(restored, time, region);
      } finally {
        ddb.destroy();
      }
    }
    default:
      throw new Error(cmd ? `Unknown command "${cmd}".\n${USAGE}` : USAGE);
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      aws: { type: 'boolean' }, region: { type: 'string' }, as: { type: 'string' }, evidence: { type: 'string' }, name: { type: 'string' },
      'name-en': { type: 'string' }, district: { type: 'string' }, out: { type: 'string' }, replace: { type: 'boolean' },
      'table-suffix': { type: 'string' }, time: { type: 'string' }, suffix: { type: 'string' },
    },
  });
  const [cmd = '', ...args] = positionals;
  if (!cmd) {
    console.error(USAGE);
    return 2;
  }
  let target: Target;
  if (values.aws) {
    if (!values.region) throw new Error('--aws needs --region R (the region you deployed to).');
    target = await connectAws(values.region);
  } else {
    target = await connectLocal(process.env.DATA_DIR ?? '.data');
  }
  try {
    console.error(`${await run(cmd, args, values)} (${target.describe})`);
    return 0;
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: Error & { issues?: { path: string; message: string }[] }) => {
  console.error(e.name === 'ZodError' ? `Not valid: ${e.message}` : e.message);
  // A file's problems, one line each, as the API's 400 names them (csv.<line>.<column>).
  if (e.name !== 'ZodError') for (const i of e.issues ?? []) console.error(`  ${i.path}: ${i.message}`);
  process.exitCode = 1;
});
