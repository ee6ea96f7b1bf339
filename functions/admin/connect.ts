/**
 * Where the admin CLI works: the local engine (the data folder of `npm start`, which must be stopped:
 * the engine holds a lock on it), or the deployed tables with `--aws --region R`, their names read
 * from the GongzhiData stack's outputs. Sets the environment before any configuration is read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contexts, type ContextName } from '../routes.js';
import { tableDefs } from '../shared/db/tables.js';

export interface Target { describe: string; close(): Promise<void> }

/**
 * The data folder's own engine, or — when `npm start` holds the folder — the running platform's
 * engine, whose address it leaves in the folder (so the CLI works with the server up or down).
 */
export async function connectLocal(dataDir: string): Promise<Target> {
  const { ENGINE_FILE, ensureTables, startEngine } = await import('../local/dynamo.js');
  // The engine opens its folder lazily and would fail at the first request: ask for a running platform first.
  const running = readRunning(join(dataDir, ENGINE_FILE));
  if (running && (await reachable(running))) {
    process.env.DYNAMODB_ENDPOINT = running;
    return { describe: `the running platform's data folder ${dataDir}`, close: async () => undefined };
  }
  const engine = await startEngine(dataDir);
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  const { config } = await import('../shared/config.js');
  await ensureTables(engine.endpoint, config().tables);
  return { describe: `the local data folder ${dataDir}`, close: () => engine.close() };
}

const readRunning = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8').trim() : null);
const reachable = (url: string): Promise<boolean> =>
  fetch(url, { method: 'POST', signal: AbortSignal.timeout(2000) }).then(() => true, () => false);

/** The stack output each table's name is published under (infra/data-stack.ts). */
export const tableOutput = (c: ContextName) => `Table${c[0]!.toUpperCase()}${c.slice(1)}`;

export async function connectAws(region: string, stackName = 'GongzhiData'): Promise<Target> {
  const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  const cf = new CloudFormationClient({ region });
  const out = await cf.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  for (const c of contexts) {
    const name = outputs.get(tableOutput(c));
    if (!name) throw new Error(`The stack ${stackName} in ${region} has no output ${tableOutput(c)}: deploy the current version first.`);
    process.env[tableDefs[c].envVar] = name;
  }
  process.env.AWS_REGION = region;
  cf.destroy();
  return { describe: `the tables of ${stackName} in ${region}`, close: async () => undefined };
}
