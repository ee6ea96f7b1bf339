/**
 * Sends a fuzz case over raw node:http (no client-side normalising of `..` or escapes), works out
 * what the server must see (the row it routes to and the parsed path, query and body) to know what
 * the answer must be, checks the answer, and fingerprints every table so a refusal that wrote
 * anything is caught.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { ErrorBody } from '../../functions/contracts/common.js';
import { matchRoute } from '../../functions/local/adapter.js';
import { rawClient } from '../../functions/local/dynamo.js';
import type { RouteDef } from '../../functions/routes.js';
import type { FuzzCase } from './fuzz-requests.js';

/** The local platform's request body limit (API Gateway's is larger): past it, a 413 for everyone, before any token is read. */
export const BODY_LIMIT = 1024 * 1024;

export interface Answer { status: number; contentType: string; text: string }

export function send(base: string, agent: Agent, method: string, c: FuzzCase, authorization?: string): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname, port: url.port, method, path: c.path, agent,
      headers: {
        ...c.headers, ...(authorization ? { authorization } : {}), ...(c.body ? { 'content-length': c.body.length } : {}),
        // The server answers 413 without reading the rest, so this socket cannot carry another request.
        ...(c.body && c.body.length > BODY_LIMIT ? { connection: 'close' } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

/** What the server sees: the row the local adapter (like API Gateway) routes to, and the request's parts as the handler reads them. */
export interface View { row: RouteDef | null; params: Record<string, string>; query: Record<string, string>; body: unknown; malformedBody: boolean }

export function serverView(method: string, c: FuzzCase): View {
  const url = new URL(c.path, 'http://localhost');
  const match = matchRoute(method, url.pathname);
  // Every name the client sent, `__proto__` included: API Gateway hands the Lambda a JSON object of them.
  const query: Record<string, string> = Object.create(null);
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const text = c.body?.toString('utf8') ?? '';
  let body: unknown = {};
  let malformedBody = false;
  if (text.trim() !== '') {
    try { body = JSON.parse(text); } catch { malformedBody = true; }
  }
  return { row: match?.row ?? null, params: match?.pathParameters ?? {}, query: { ...query }, body, malformedBody };
}

/** The parts of the request that break the row's own schemas (none when the request went to another row). */
export function brokenParts(row: RouteDef, v: View): string[] {
  if (v.row !== row) return [];
  const out: string[] = [];
  const params = row.params;
  if (params && !params.safeParse(v.params).success) out.push('params');
  if (row.query && !row.query.safeParse(v.query).success) out.push('query');
  if (row.body && (v.malformedBody || !row.body.safeParse(v.body).success)) out.push('body');
  return out;
}

/**
 * The statuses allowed: a 413 for a body over the limit, a 404 where no row matches, a 401 for a visitor on a row that needs a login,
 * a 400 for input the row's schemas refuse, a 4xx for a cursor no list made (a 2xx too when only a
 * value in a real cursor was changed); null where the case landed on another row (general rules only).
 */
export function allowed(row: RouteDef, v: View, visitor: boolean, c: FuzzCase): number[] | null {
  if (c.body && c.body.length > BODY_LIMIT) return [413];
  if (!v.row) return [404];
  if (v.row.access === 'user' && visitor) return [401];
  if (v.row !== row) return null;
  if (brokenParts(row, v).length) return [400];
  if (c.cursor === 'garbled') return [400, 403, 404];
  if (c.cursor === 'tampered') return [200, 400, 403, 404];
  return null;
}

const LEAK = /\n\s+at\s|\bat [\w.<>]+ \(|node_modules|file:\/\/|\.[cm]?[jt]s:\d+|[A-Za-z]+Exception|DynamoDB|dynalite/;

/** What is wrong with an answer: a 5xx, a status not allowed, an error body of another shape, a stack or internal path in it. */
export function problemsOf(a: Answer, statuses: number[] | null): string[] {
  const out: string[] = [];
  if (a.status >= 500 || a.status < 100) out.push(`status ${a.status}`);
  else if (statuses && !statuses.includes(a.status)) out.push(`status ${a.status}, expected ${statuses.join('|')}`);
  if (a.status >= 400) {
    if (!a.contentType.startsWith('application/json')) out.push(`error content-type '${a.contentType}'`);
    let parsed: unknown;
    try { parsed = JSON.parse(a.text); } catch { out.push('error body is not JSON'); }
    if (parsed !== undefined && !ErrorBody.safeParse(parsed).success) out.push('error body is not {error:{code,message,issues?}}');
    if (LEAK.test(a.text) || a.text.includes(process.cwd())) out.push('error body leaks a stack, an internal path or the engine');
  }
  return out;
}

/** Every item of every table, by table and key, each as a hash of its content. */
export async function fingerprint(endpoint: string, tables: readonly string[]): Promise<Map<string, string>> {
  const db = rawClient(endpoint);
  const out = new Map<string, string>();
  try {
    for (const table of tables) {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) {
          out.set(`${table} ${JSON.stringify(item.pk)} ${JSON.stringify(item.sk)}`, createHash('sha256').update(JSON.stringify(item)).digest('base64url'));
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
  } finally {
    db.destroy();
  }
  return out;
}

/** Items added, removed or changed between two fingerprints. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, h] of after) if (before.get(k) !== h) out.push(`${before.has(k) ? 'changed' : 'added'} ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}
