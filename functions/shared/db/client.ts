import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';

/** One document client per process; `undefined` attributes are dropped, never written. */
export function createDocumentClient(endpoint = config().dynamoEndpoint): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    // The local engine ignores the region; on AWS it is the function's own (unset, the SDK refuses to send).
    ...(endpoint ? { region: config().region ?? 'local' } : config().region ? { region: config().region } : {}),
    ...(endpoint
      ? {
        endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3,
        // The local engine serves every request of the process: let a rush reach it instead of queueing at 50 sockets.
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
      }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

let shared: DynamoDBDocumentClient | undefined;
export const documentClient = (): DynamoDBDocumentClient => (shared ??= createDocumentClient());

export const isConditionFailed = (e: unknown): boolean =>
  e instanceof Error && e.name === 'ConditionalCheckFailedException';
