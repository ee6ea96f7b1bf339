/**
 * The whole platform in one process: dynalite, the tables, the demo community, every context's
 * Lambda handler behind a node:http adapter under /api, and the built site on the same port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { HttpResult } from '../shared/http/types.js';
import { contexts, type ContextName } from '../routes.js';
import { config } from '../shared/config.js';
import { viewerCacheControl } from '../shared/http/edge-cache.js';
import { errorResult, toErrorResult } from '../shared/http/error-response.js';
import { matchRoute, readBody, send, toEvent } from './adapter.js';
import { createDevAuth } from './dev-auth.js';
import { handleDevRoute } from './dev-routes.js';
import { ENGINE_FILE, ensureTables, MEMORY, startEngine } from './dynamo.js';
import { handlerModules, type LambdaHandler } from './handlers.js';
import { isMediaPath, startLocalMedia } from './media-routes.js';
import { startLocalNotifier } from './notifier.js';
import { seedDemo } from './seed.js';
import { serveStatic } from './static-site.js';

export interface PlatformOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  /** Folder of the built site; null serves the API only. */
  staticDir?: string | null;
  seed?: boolean;
  quiet?: boolean;
  /** `manual`: the notifier runs only through `POST /api/dev/notifier` (the bench meters it itself). */
  notifier?: 'auto' | 'manual';
}
export interface Platform { url: string; port: number; dbEndpoint: string; seeded: boolean; close(): Promise<void> }

const BODY_LIMIT = 1024 * 1024;
let running = false;

async function loadHandlers(): Promise<Partial<Record<ContextName, LambdaHandler>>> {
  const out: Partial<Record<ContextName, LambdaHandler>> = {};
  for (const c of contexts) {
    const load = handlerModules[c];
    if (load) out[c] = (await load()).handler;
  }
  return out;
}

const lambdaContext = (name: string, requestId: string): Context => ({
  callbackWaitsForEmptyEventLoop: false, functionName: `gongzhi-${name}`, functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gongzhi-${name}`, memoryLimitInMB: '512',
  awsRequestId: requestId, logGroupName: `/aws/lambda/gongzhi-${name}`, logStreamName: 'local',
  // Every request here shares one process and one database, so a rush queues in a way it never does
  // on Lambda (one container per request): the local deadline is generous, not the deployed 10 s.
  getRemainingTimeInMillis: () => 60_000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
});

/**
 * As CloudFront's `/api/*` response headers policy does: the browser gets `private, no-store`; what
 * the edge would keep (the handler's Cache-Control) stays visible as `x-edge-cache-control`.
 */
function asCloudFrontServes(result: HttpResult): HttpResult {
  const origin = result.headers?.['cache-control'];
  if (origin === undefined) return result;
  return { ...result, headers: { ...result.headers, 'cache-control': viewerCacheControl, 'x-edge-cache-control': String(origin) } };
}

export async function startPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  if (running) throw new Error('One platform per process: its handlers bind to one database at cold start.');
  running = true;
  // The handlers' metrics (EMF) would be JSON lines in a terminal here; a test's thousands of
  // requests keep their one line each below the log level. Both read when the handlers load.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  if (opts.quiet) process.env.LOG_LEVEL ??= 'warn';
  const dataDir = opts.dataDir ?? '.data';
  const engine = await startEngine(dataDir);
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  // While running, the engine holds the data folder; the admin CLI finds the engine through this file instead.
  const endpointFile = dataDir === MEMORY ? null : join(dataDir, ENGINE_FILE);
  if (endpointFile) writeFileSync(endpointFile, engine.endpoint);
  const media = startLocalMedia(dataDir);
  const cfg = config();
  if (cfg.dynamoEndpoint !== engine.endpoint) throw new Error('Configuration was read before the platform started.');
  await ensureTables(engine.endpoint, cfg.tables);
  const seeded = opts.seed === false ? false : await seedDemo();
  const handlers = await loadHandlers();
  const auth = createDevAuth(dataDir);
  const notifier = startLocalNotifier(opts.notifier ?? 'auto', (e) => process.stderr.write(`notifier run failed: ${e instanceof Error ? e.message : String(e)}\n`));

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = await readBody(req, BODY_LIMIT);
    if (body === 'too_large') return send(res, errorResult(413, { code: 'too_large', message: 'The request body is too large.' }));
    if (url.pathname.startsWith('/api/dev/')) return send(res, await handleDevRoute(req.method ?? 'GET', url.pathname, body, auth, notifier));
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    // Like API Gateway: public routes get no authorizer and so no claims, whatever the client sends.
    let claims: Record<string, string> | null = null;
    if (match && match.row.access !== 'public') {
      claims = await auth.verify(req.headers.authorization);
      if (!claims) return send(res, errorResult(401, { code: 'unauthorized', message: 'Sign in to do this: the token is missing, expired or not valid.' }));
    }
    const context = match?.row.context ?? 'community'; // the catch-all route goes to community's router
    const handler = handlers[context];
    if (!handler) return send(res, errorResult(404, { code: 'not_found', message: `No such endpoint: ${req.method} ${url.pathname}` }));
    const event = toEvent(req, url, body, match, claims);
    const result = await handler(event, lambdaContext(context, event.requestContext.requestId));
    send(res, asCloudFrontServes(result));
    // Where AWS has the notifications table's stream: a write may have left notifications to send.
    if (req.method !== 'GET' && (result.statusCode ?? 200) < 400) notifier.kick();
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname === '/api' || url.pathname.startsWith('/api/')
      ? api(req, res, url)
      : isMediaPath(url.pathname) ? media.handle(req, res, url)
      : Promise.resolve(opts.staticDir ? serveStatic(opts.staticDir, url.pathname, res, req.method === 'HEAD')
        : send(res, errorResult(404, { code: 'not_found', message: 'This server serves the API only.' })));
    work.catch((e) => { if (!res.headersSent) send(res, toErrorResult(e)); else res.destroy(); });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3000, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port, dbEndpoint: engine.endpoint, seeded,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notifier.close();
      if (endpointFile) rmSync(endpointFile, { force: true });
      await engine.close();
      await media.close();
      running = false;
    },
  };
}
