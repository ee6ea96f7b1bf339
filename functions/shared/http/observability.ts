/**
 * Logs and metrics for every context's Lambda, with Powertools for AWS Lambda.
 *
 * - One structured line per request (`message: "request"`): the route table's id (never the path,
 *   which can hold a user id), the status, the duration, the caller's id (the pseudonymous `sub`,
 *   no name, phone or body), the cold start and both request ids (Lambda's and API Gateway's).
 * - Metrics in CloudWatch's Embedded Metric Format (one more stdout line, no API call), namespace
 *   `Gongzhi/<stack>`, one `service` dimension for the whole platform so a deployment pays for a handful of
 *   custom metrics, not one per route: `Requests`, `ServerErrors` (5xx), `LimitReached` (429, the
 *   daily limits per person: a surge is someone flooding) and Powertools' `ColdStart` per function.
 * The local server runs the same middleware; it turns the metrics off (POWERTOOLS_METRICS_DISABLED)
 * and the tests and the bench keep the request lines below their log level (LOG_LEVEL=warn).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import { config } from '../config.js';
import type { HttpEvent, HttpResult } from './types.js';

let loggerOnce: Logger | undefined;
/**
 * Made on first use, at the level `LOG_LEVEL` gives (config.ts). At construction, not with
 * setLogLevel(): Powertools goes back to the constructor's level at each invocation.
 */
export const logger = (): Logger =>
  (loggerOnce ??= new Logger({ serviceName: 'gongzhi', logLevel: config().logLevel.toUpperCase() as 'INFO' }));
let metricsOnce: Metrics | undefined;
/**
 * Made when the first handler is (not when this module loads), so the local server's environment
 * (metrics off) applies. The deployment names the namespace (infra/dashboard.ts: `Gongzhi/<stack>`).
 */
const metrics = (): Metrics =>
  (metricsOnce ??= new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || 'Gongzhi', serviceName: 'gongzhi' }));

/** Which row of the route table answered an event (set by the router's binding; absent when none matched). */
const routeOfEvent = new WeakMap<HttpEvent, string>();
export const noteRoute = (event: HttpEvent, routeId: string): void => { routeOfEvent.set(event, routeId); };

type Req = Request<HttpEvent, HttpResult, Error, Context>;

/** The caller's id, only from where API Gateway's JWT authorizer (or the local adapter) puts it. */
export function callerIdOf(event: HttpEvent): string | null {
  const sub = event.requestContext.authorizer?.jwt?.claims?.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : null;
}

/** The line and the counts for one answered request; runs after the error map has set the response. */
function requestLine(): MiddlewareObj<HttpEvent, HttpResult, Error, Context> {
  const started = new WeakMap<Req, number>();
  const done = (request: Req): void => {
    const status = request.response?.statusCode ?? 500;
    const durationMs = Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10;
    const m = metrics();
    m.addMetric('Requests', MetricUnit.Count, 1);
    m.addMetric('ServerErrors', MetricUnit.Count, status >= 500 ? 1 : 0);
    m.addMetric('LimitReached', MetricUnit.Count, status === 429 ? 1 : 0);
    const line = {
      route: routeOfEvent.get(request.event) ?? 'unmatched', status, durationMs,
      callerId: callerIdOf(request.event), apiRequestId: request.event.requestContext?.requestId ?? null,
    };
    if (status >= 500) logger().error('request', line);
    else logger().info('request', line);
  };
  return {
    before: (request) => { started.set(request, performance.now()); },
    after: done,
    onError: (request) => { if (request.response) done(request); },
  };
}

/**
 * The outer layers of the onion, outermost first: the Lambda context on every line (cold start,
 * request id), metrics flushed after each request, then the request line. Use them before the
 * error map, so the line and the counts see the response the error map made.
 */
export const observability = () => [
  injectLambdaContext(logger(), { resetKeys: true }),
  logMetrics(metrics(), { captureColdStartMetric: true }),
  requestLine(),
] as MiddlewareObj<HttpEvent, HttpResult, Error, Context>[];
