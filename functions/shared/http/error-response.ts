/** The one map from thrown errors to HTTP responses (DESIGN rule 3). */
import type { ErrorBody } from '../../contracts/common.js';
import { AppError, TooManyRequestsError } from '../errors.js';
import { logger } from './observability.js';
import type { HttpResult } from './types.js';

export const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export const errorResult = (status: number, error: ErrorBody['error']): HttpResult => ({
  statusCode: status,
  headers: jsonHeaders,
  body: JSON.stringify({ error } satisfies ErrorBody),
});

export function toErrorResult(err: unknown, requestId?: string): HttpResult {
  if (err instanceof AppError) {
    const result = errorResult(err.status, {
      code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}),
    });
    if (err instanceof TooManyRequestsError) result.headers = { ...result.headers, 'retry-after': String(err.retryAfterSeconds) };
    return result;
  }
  // Throttling that survived the SDK's retries is the client's cue to come back later, not a bug.
  if (err instanceof Error && /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded/.test(err.name)) {
    logger().warn('throttled', { requestId, name: err.name });
    return errorResult(503, { code: 'busy', message: 'The service is busy; please try again shortly.' });
  }
  // observability.ts prints the error's name, message and stack under `error`.
  logger().error('unhandled error', { requestId, error: err instanceof Error ? err : new Error(String(err)) });
  return errorResult(500, { code: 'internal', message: 'Something went wrong on our side.' });
}
