/**
 * The embedded database: dynalite (pure JS, DynamoDB's API and conditional semantics) in this
 * process, on disk under a folder or in memory. Tables are created from the shared definitions.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand, DeleteTableCommand, DynamoDBClient, ListTablesCommand, type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { contexts, type ContextName } from '../routes.js';
import { tableDefs } from '../shared/db/tables.js';

export const MEMORY = ':memory:';
/** Names the running platform's engine endpoint inside its data folder (see platform.ts). */
export const ENGINE_FILE = 'engine-endpoint';

export interface Engine { endpoint: string; close(): Promise<void> }

export async function startEngine(dataDir: string): Promise<Engine> {
  const onDisk = dataDir !== MEMORY;
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const server = dynalite({ ...(onDisk ? { path: `${dataDir}/db` } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close((e?: Error) => (e ? reject(e) : resolve()));
    }),
  };
}

export function createTableInput(context: ContextName, name: string): CreateTableCommandInput {
  const def = tableDefs[context];
  const keyAttrs = ['pk', 'sk', ...def.indexes.flatMap((i) => [i.pk, i.sk])];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttrs.map((a) => ({ AttributeName: a, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    ...(def.indexes.length ? {
      GlobalSecondaryIndexes: def.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [{ AttributeName: i.pk, KeyType: 'HASH' }, { AttributeName: i.sk, KeyType: 'RANGE' }],
        Projection: i.projection === 'ALL'
          ? { ProjectionType: 'ALL' }
          : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection] },
      })),
    } : {}),
  } as CreateTableCommandInput;
}

export const rawClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** Creates the tables that are missing; existing tables and their data are left as they are. */
export async function ensureTables(endpoint: string, names: Record<ContextName, string>): Promise<string[]> {
  const client = rawClient(endpoint);
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const c of contexts) {
    if (existing.has(names[c])) continue;
    await client.send(new CreateTableCommand(createTableInput(c, names[c])));
    created.push(names[c]);
  }
  client.destroy();
  return created;
}

export async function dropTables(endpoint: string, names: Record<ContextName, string>): Promise<void> {
  const client = rawClient(endpoint);
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const c of contexts) {
    if (existing.has(names[c])) await client.send(new DeleteTableCommand({ TableName: names[c] }));
  }
  client.destroy();
}
