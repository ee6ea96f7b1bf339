/**
 * Turns a node:http request into the API Gateway HTTP API (payload v2) event that the deployed
 * Lambda receives, and the Lambda's result back into a response: same routes, same claims.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeKey, routes, type AppRoute } from '../routes.js';
import type { HttpEvent, HttpResult } from '../shared/http/types.js';

interface CompiledRoute { row: AppRoute; method: string; pattern: RegExp; names: string[] }

// Like API Gateway, the most specific route wins: fewer path variables first.
const compiled: CompiledRoute[] = routes.map((row) => {
  const names: string[] = [];
  const source = row.path.replace(/\{([^}/]+)\}/g, (_, name: string) => { names.push(name); return '([^/]+)'; });
  return { row, method: row.method, pattern: new RegExp(`^${source}/?$`), names };
}).sort((a, b) => a.names.length - b.names.length);

/**
 * A path segment decoded, or left as sent when its percent-escapes are malformed (`%ZZ`,
 * `%E0%A4%A`): API Gateway passes such paths through too, and the handler answers them with a 400
 * (after the 401 where the route needs a login), never a crash.
 */
export function decodePathPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export interface RouteMatch { row: AppRoute; pathParameters: Record<string, string> }

/** The row API Gateway would pick for this request, or null (the catch-all route). */
export function matchRoute(method: string, path: string): RouteMatch | null {
  for (const c of compiled) {
    if (c.method !== method) continue;
    const m = c.pattern.exec(path);
    if (!m) continue;
    const pathParameters = Object.fromEntries(c.names.map((n, i) => [n, decodePathPart(m[i + 1]!)]));
    return { row: c.row, pathParameters };
  }
  return null;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function toEvent(req: IncomingMessage, url: URL, body: Buffer, match: RouteMatch | null,
  claims: Record<string, string> | null): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  // A Map, not `query[k] =`: a key such as `__proto__` or `toString` must stay a plain field, as API Gateway's JSON gives it.
  const joined = new Map<string, string>();
  for (const [k, v] of url.searchParams) joined.set(k, joined.has(k) ? `${joined.get(k)},${v}` : v);
  const query: Record<string, string> = Object.fromEntries(joined);
  const method = req.method ?? 'GET';
  const key = match ? routeKey(match.row) : '$default';
  const now = Date.now();
  return {
    version: '2.0', routeKey: key, rawPath: url.pathname, rawQueryString: url.search.slice(1), headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(match && Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    ...(body.length ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local', apiId: 'local', domainName: headers.host ?? 'localhost', domainPrefix: 'localhost',
      http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(), routeKey: key, stage: '$default', time: new Date(now).toUTCString(), timeEpoch: now,
      ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } } : {}),
    },
  } as HttpEvent;
}

export function send(res: ServerResponse, result: HttpResult): void {
  const body = result.body ?? '';
  res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>), 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
