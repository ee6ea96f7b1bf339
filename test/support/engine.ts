/** A fresh in-memory dynalite with every table, for repository-level tests. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTables, startEngine, type Engine } from '../../functions/local/dynamo.js';
import { config } from '../../functions/shared/config.js';
import { createDocumentClient } from '../../functions/shared/db/client.js';

export async function startTestEngine(): Promise<{ engine: Engine; db: DynamoDBDocumentClient }> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const engine = await startEngine(':memory:');
  await ensureTables(engine.endpoint, config().tables);
  return { engine, db: createDocumentClient(engine.endpoint) };
}
