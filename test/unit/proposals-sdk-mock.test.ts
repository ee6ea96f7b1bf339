/**
 * aws-sdk-client-mock only injects failures and checks the exact expression sent (DESIGN rule 8);
 * the behaviour itself is tested against dynalite in test/integration.
 */
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/proposals/handler.js';
import { httpEvent, lambdaContext } from '../support/event.js';
import { captureLogs } from '../support/logs.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
afterEach(() => ddb.reset());

const resident = () => ddb.on(GetCommand).resolves({ Item: { settings: { supportThreshold: 30, supportLimit: 0 } } }).on(QueryCommand).resolves({ Items: [
  { pk: 'USER#resident1', sk: 'PROFILE', displayName: '王秀英', communityId: 'chating' },
  { pk: 'USER#resident1', sk: 'HOUSEHOLD#h1', estateId: 'e', estateName: 'E', building: '1', unit: '101', relation: 'owner', verified: true },
] });
const put = () => handler(httpEvent('PUT', `/api/proposals/${ID}/support`, { sub: 'resident1', pathParameters: { id: ID } }), lambdaContext);

describe('PUT /api/proposals/{id}/support against injected failures', () => {
  it('sends one conditional update that adds the caller to the backer set only while open', async () => {
    resident();
    ddb.on(UpdateCommand).resolves({ Attributes: { supportCount: 7, supportThreshold: 30 } });
    const res = await put();
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ proposalId: ID, supportCount: 7, supported: true });
    const sent = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(sent.UpdateExpression).toBe('ADD supporters :u, supportCount :one');
    expect(sent.ConditionExpression).toBe('communityId = :c AND #s = :open AND attribute_not_exists(hiddenAt) AND NOT contains(supporters, :id)');
    expect(sent.ExpressionAttributeValues).toEqual({ ':u': new Set(['resident1']), ':id': 'resident1', ':c': 'chating', ':open': 'open', ':one': 1 });
    expect(sent.Key).toEqual({ pk: `PROPOSAL#${ID}`, sk: 'META' });
    // Who the caller is and the community's settings, then the one write: no read of the proposal first.
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(0);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(1);
  });

  it('answers 503 "busy" when DynamoDB keeps throttling', async () => {
    resident();
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    const res = await put();
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body!).error.code).toBe('busy');
  });

  it('answers a logged, generic 500 on an unexpected failure', async () => {
    const logs = captureLogs();
    ddb.on(BatchGetCommand).rejects(new Error('socket hang up'));
    const res = await handler(httpEvent('GET', `/api/proposals/${ID}`, { pathParameters: { id: ID } }), lambdaContext);
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body!)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    const [unhandled] = logs.errors().filter((l) => l.message === 'unhandled error');
    expect(unhandled?.error).toMatchObject({ name: 'Error', message: 'socket hang up', stack: expect.stringContaining('socket hang up') });
    vi.restoreAllMocks();
  });

  it('reads identity only from the authorizer claims, never the body', async () => {
    const res = await handler(httpEvent('POST', '/api/proposals', { body: { title: '长椅长椅', description: '很长的一段描述文字。', category: 'seating', authorId: 'resident1' } }), lambdaContext);
    expect(res.statusCode).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });
});
