/**
 * Issue #13 item 6, the handler half: each request is one structured log line (route id, status,
 * duration, caller id, cold start, request ids) with no personal data, and one EMF metrics record
 * (namespace Gongzhi: Requests, ServerErrors, LimitReached, and ColdStart on the first request).
 * The suite runs with metrics off and the level at warn (vitest.config.ts); this file turns both on
 * before the handler loads, as a deployed Lambda has them.
 */
import { GetCommand, DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LambdaHandler } from '../../functions/local/handlers.js';
import { httpEvent, lambdaContext } from '../support/event.js';
import { captureLogs } from '../support/logs.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
let handler: LambdaHandler;
beforeAll(async () => {
  vi.stubEnv('LOG_LEVEL', 'info');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  // Lambda sets this; under provisioned concurrency the first request is not a cold start.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  ({ handler } = await import('../../functions/proposals/handler.js'));
});
afterEach(() => { ddb.reset(); vi.restoreAllMocks(); });

const NAME = '王秀英';
const resident = () => ddb.on(GetCommand).resolves({ Item: { settings: { supportThreshold: 30, supportLimit: 0 } } }).on(QueryCommand).resolves({ Items: [
  { pk: 'USER#resident1', sk: 'PROFILE', displayName: NAME, communityId: 'chating', phone: '13800000000' },
  { pk: 'USER#resident1', sk: 'HOUSEHOLD#h1', estateId: 'e', estateName: 'E', building: '1', unit: '101', relation: 'owner', verified: true },
] });
const support = (requestId: string) => handler(
  httpEvent('PUT', `/api/proposals/${ID}/support`, { sub: 'resident1', pathParameters: { id: ID } }),
  { ...lambdaContext, awsRequestId: requestId, functionName: 'gongzhi-proposals' },
);
const requestLines = (lines: Record<string, unknown>[]) => lines.filter((l) => l.message === 'request');
/** The request's own EMF records (the cold-start record is separate). */
const emf = (lines: Record<string, unknown>[]) => lines.filter((l) => '_aws' in l && 'Requests' in l);

describe('one log line and one metrics record per request', () => {
  it('names the route, status, duration, caller and cold start; says nothing personal', async () => {
    resident();
    ddb.on(UpdateCommand).resolves({ Attributes: { supportCount: 7, supportThreshold: 30 } });
    const logs = captureLogs();
    expect((await support('lambda-1')).statusCode).toBe(200);
    expect((await support('lambda-2')).statusCode).toBe(200);
    const lines = requestLines(logs.lines());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 'INFO', service: 'gongzhi', route: 'proposals.support.put', status: 200, callerId: 'resident1',
      cold_start: true, function_request_id: 'lambda-1', function_name: 'gongzhi-proposals', apiRequestId: 'req-1',
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
    expect(lines[1]).toMatchObject({ cold_start: false, function_request_id: 'lambda-2' });
    // The path (which can hold ids of people), names, phones and bodies never reach the log.
    const text = JSON.stringify(logs.lines()) + JSON.stringify(logs.errors());
    for (const secret of [NAME, '13800000000', `/api/proposals/${ID}`, '101']) expect(text).not.toContain(secret);

    const metrics = emf(logs.lines());
    expect(metrics).toHaveLength(2);
    expect(metrics[0]).toMatchObject({ service: 'gongzhi', Requests: 1, ServerErrors: 0, LimitReached: 0 });
    const directives = (metrics[0]!._aws as { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] }).CloudWatchMetrics;
    expect(directives.map((d) => d.Namespace)).toEqual(['Gongzhi']);
    expect(directives[0]!.Metrics.map((m) => m.Name).sort()).toEqual(['LimitReached', 'Requests', 'ServerErrors']);
    // The cold-start record comes once, on the first request, per function.
    const cold = logs.lines().filter((l) => '_aws' in l && l.ColdStart === 1);
    expect(cold).toEqual([expect.objectContaining({ function_name: 'gongzhi-proposals', service: 'gongzhi' })]);
  });

  it('logs a 500 at error level with its stack, and counts it', async () => {
    resident();
    ddb.on(UpdateCommand).rejects(new Error('socket hang up'));
    const logs = captureLogs();
    expect((await support('lambda-3')).statusCode).toBe(500);
    const errors = logs.errors();
    expect(errors.find((l) => l.message === 'unhandled error')?.error).toMatchObject({ message: 'socket hang up', stack: expect.any(String) });
    expect(requestLines(errors)).toEqual([expect.objectContaining({ level: 'ERROR', route: 'proposals.support.put', status: 500 })]);
    expect(emf(logs.lines())).toEqual([expect.objectContaining({ Requests: 1, ServerErrors: 1 })]);
  });

  it('a 400 and an unknown path are lines too: an unknown path is logged as route "unmatched"', async () => {
    const logs = captureLogs();
    expect((await handler(httpEvent('GET', '/api/proposals/%ZZ', { pathParameters: { id: '%ZZ' } }), lambdaContext)).statusCode).toBe(400);
    expect((await handler(httpEvent('GET', '/api/nothing-here'), lambdaContext)).statusCode).toBe(404);
    expect(requestLines(logs.lines()).map((l) => [l.route, l.status, l.callerId])).toEqual([['proposals.get', 400, undefined], ['unmatched', 404, undefined]]);
    expect(logs.errors()).toEqual([]);
  });
});
