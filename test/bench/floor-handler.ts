/**
 * The floor a Lambda of this stack cannot go below: a handler that makes one DynamoDB call with
 * `@aws-sdk/client-dynamodb` and nothing else (no middy, no zod, no logger), bundled the same way
 * as the real ones. The bench compares every Lambda's size and cold import with this one.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({});

export const handler = async (event: { pathParameters?: { id?: string } }) => {
  const out = await db.send(new GetItemCommand({ TableName: process.env.TABLE ?? 'floor', Key: { pk: { S: event.pathParameters?.id ?? 'x' } } }));
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(out.Item ?? null) };
};
