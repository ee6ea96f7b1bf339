/** A hand-made API Gateway v2 event, for calling a Lambda handler directly. */
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../functions/shared/http/types.js';

export function httpEvent(method: string, path: string, o: { sub?: string; body?: unknown; pathParameters?: Record<string, string> } = {}): HttpEvent {
  return {
    version: '2.0', routeKey: `${method} ${path}`, rawPath: path, rawQueryString: '', headers: { 'content-type': 'application/json' },
    ...(o.pathParameters ? { pathParameters: o.pathParameters } : {}),
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'test', apiId: 'test', domainName: 'test', domainPrefix: 'test', requestId: 'req-1', routeKey: `${method} ${path}`,
      stage: '$default', time: '', timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      ...(o.sub ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: { sub: o.sub }, scopes: [] } } } : {}),
    },
  } as HttpEvent;
}

export const lambdaContext = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
