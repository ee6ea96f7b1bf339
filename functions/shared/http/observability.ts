/**
 * Logs and metrics for every context's Lambda: JSON lines on stdout/stderr, which Lambda sends to
 * CloudWatch Logs, and metrics as CloudWatch's Embedded Metric Format (EMF) in the same stream.
 *
 * - One structured line per request (`message: "request"`): the route table's id (never the path,
 *   which can hold a user id), the status, the duration, the caller's id (the pseudonymous `sub`,
 *   no name, phone or body), the cold start and both request ids (Lambda's and API Gateway's).
 * - Metrics in EMF (one more stdout line, no API call), namespace `Gongzhi/<stack>`, one `service`
 *   dimension for the whole platform so a deployment pays for a handful of custom metrics, not one
 *   per route: `Requests`, `ServerErrors` (5xx), `LimitReached` (429, the daily limits per person:
 *   a surge is someone flooding), and `ColdStart` per function (dimensions service, function_name).
 *
 * Why not Powertools for AWS Lambda, which did exactly this until issue #14: it was 32 KiB of every
 * bundle (a fifth of what each Lambda carries beyond the bare DynamoDB client), compiled on every cold
 * start, for the ~80 lines below. The line and record shapes are Powertools' (`level`, `message`,
 * `service`, `timestamp`, `cold_start`, `function_*`, `xray_trace_id`; `_aws.CloudWatchMetrics`), and
 * so are the switches (`LOG_LEVEL`, `POWERTOOLS_METRICS_NAMESPACE`, `POWERTOOLS_METRICS_DISABLED`), so
 * the dashboard, log queries and a later switch back need no change.
 * The local server turns the metrics off and the tests and the bench keep the request lines below
 * their log level (LOG_LEVEL=warn).
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import { config } from '../config.js';
import type { HttpEvent, HttpResult } from './types.js';

const SERVICE = 'gongzhi';
const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;

/** What Lambda's context adds to every line of one invocation (Powertools' field names). */
let invocation: Record<string, unknown> = {};
/** Provisioned concurrency initialises ahead of traffic: its first request is not a cold start. */
let coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';

const errorFields = (e: Error) => ({ name: e.name, message: e.message, stack: e.stack });
const toJson = (_key: string, value: unknown) => (value instanceof Error ? errorFields(value) : value);

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  if (levels[level] < levels[config().logLevel as Level]) return;
  const entry: Record<string, unknown> = {
    level: level.toUpperCase(), message, timestamp: new Date().toISOString(), service: SERVICE,
    ...invocation, xray_trace_id: process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1], ...fields,
  };
  // Empty fields are left out, as Powertools does.
  for (const key of Object.keys(entry)) if (entry[key] === null || entry[key] === undefined) delete entry[key];
  const line = JSON.stringify(entry, toJson);
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const theLogger: Logger = {
  debug: (m, f = {}) => write('debug', m, f),
  info: (m, f = {}) => write('info', m, f),
  warn: (m, f = {}) => write('warn', m, f),
  error: (m, f = {}) => write('error', m, f),
};
/** The level is read at each line from `LOG_LEVEL` (config.ts). */
export const logger = (): Logger => theLogger;

const metricsOff = () => process.env.POWERTOOLS_METRICS_DISABLED === 'true';
/** The deployment names the namespace (infra/dashboard.ts: `Gongzhi/<stack>`). */
const namespace = () => process.env.POWERTOOLS_METRICS_NAMESPACE || 'Gongzhi';

/** One EMF record: counts of this request under the given dimensions (CloudWatch extracts them from the log). */
function emf(values: Record<string, number>, dimensions: Record<string, string>): void {
  const record = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: namespace(), Dimensions: [Object.keys(dimensions)], Metrics: Object.keys(values).map((Name) => ({ Name, Unit: 'Count' })) }],
    },
    ...dimensions, ...values,
  };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** Which row of the route table answered an event (set by the router's binding; absent when none matched). */
const routeOfEvent = new WeakMap<HttpEvent, string>();
export const noteRoute = (event: HttpEvent, routeId: string): void => { routeOfEvent.set(event, routeId); };

type Req = Request<HttpEvent, HttpResult, Error, Context>;

/** The caller's id, only from where API Gateway's JWT authorizer (or the local adapter) puts it. */
export function callerIdOf(event: HttpEvent): string | null {
  const sub = event.requestContext.authorizer?.jwt?.claims?.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : null;
}

/** Lambda's context on every line of the invocation, and the cold-start record on the first. */
function lambdaContext(): MiddlewareObj<HttpEvent, HttpResult, Error, Context> {
  return {
    before: ({ context: c }) => {
      invocation = {
        cold_start: coldStart, function_arn: c.invokedFunctionArn, function_memory_size: Number(c.memoryLimitInMB),
        function_name: c.functionName, function_request_id: c.awsRequestId,
      };
      if (coldStart && !metricsOff()) emf({ ColdStart: 1 }, { service: SERVICE, function_name: c.functionName });
      coldStart = false;
    },
  };
}

/** The line and the counts for one answered request; runs after the error map has set the response. */
function requestLine(): MiddlewareObj<HttpEvent, HttpResult, Error, Context> {
  const started = new WeakMap<Req, number>();
  const done = (request: Req): void => {
    const status = request.response?.statusCode ?? 500;
    const durationMs = Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10;
    if (!metricsOff()) emf({ Requests: 1, ServerErrors: status >= 500 ? 1 : 0, LimitReached: status === 429 ? 1 : 0 }, { service: SERVICE });
    const line = {
      route: routeOfEvent.get(request.event) ?? 'unmatched', status, durationMs,
      callerId: callerIdOf(request.event), apiRequestId: request.event.requestContext?.requestId ?? null,
    };
    if (status >= 500) logger().error('request', line);
    else logger().info('request', line);
    invocation = {};
  };
  return {
    before: (request) => { started.set(request, performance.now()); },
    after: done,
    onError: (request) => { if (request.response) done(request); },
  };
}

/**
 * The outer layers of the onion, outermost first: the Lambda context on every line (cold start,
 * request id), then the request line and its metrics. Use them before the error map, so the line
 * and the counts see the response the error map made.
 */
export const observability = () => [lambdaContext(), requestLine()];
