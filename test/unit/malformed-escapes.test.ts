/**
 * A malformed percent-escape in a path parameter (`%ZZ`, a cut UTF-8 sequence) is the caller's
 * mistake: a 400 with the error shape — after the 401 where the route needs a login — both through
 * the Lambda handler (API Gateway passes such paths through undecoded) and the local adapter's
 * decoding. Never a 500, never a database call, never a stack in the log.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBody } from '../../functions/contracts/common.js';
import { handler as activities } from '../../functions/activities/handler.js';
import { handler as ballots } from '../../functions/ballots/handler.js';
import { handler as community } from '../../functions/community/handler.js';
import { handler as donations } from '../../functions/donations/handler.js';
import { handler as notifications } from '../../functions/notifications/handler.js';
import { handler as proposals } from '../../functions/proposals/handler.js';
import { decodePathPart } from '../../functions/local/adapter.js';
import { serveStatic } from '../../functions/local/static-site.js';
import { routes } from '../../functions/routes.js';
import { httpEvent, lambdaContext } from '../support/event.js';
import { captureLogs } from '../support/logs.js';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => { ddb.reset(); vi.restoreAllMocks(); });

const escapes = ['%ZZ', '%E0%A4%A', '%', 'abc%2', '%C0%AF', '%25ZZ'];

describe('malformed percent-escapes in path parameters', () => {
  it.each(escapes)('GET /api/proposals/%s is a 400 naming the parameter, without touching the database', async (raw) => {
    const logs = captureLogs();
    const res = await proposals(httpEvent('GET', `/api/proposals/${raw}`, { pathParameters: { id: decodePathPart(raw) } }), lambdaContext);
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(JSON.parse(res.body!));
    expect(body.error.issues?.map((i) => i.path)).toEqual(['params.id']);
    expect(ddb.calls()).toHaveLength(0);
    expect(logs.errors()).toEqual([]);
  });

  it('is a 401 first on a route that needs a login, then a 400 for a signed-in caller', async () => {
    const event = (sub?: string) => httpEvent('DELETE', '/api/household-codes/%ZZ', { ...(sub ? { sub } : {}), pathParameters: { id: '%ZZ' } });
    expect((await community(event(), lambdaContext)).statusCode).toBe(401);
    const signedIn = await community(event('resident1'), lambdaContext);
    expect(signedIn.statusCode).toBe(400);
    expect(ErrorBody.parse(JSON.parse(signedIn.body!)).error.code).toBe('invalid_input');
    expect(ddb.calls()).toHaveLength(0);
  });

  const handlers = { activities, ballots, community, donations, proposals, notifications };
  const withParams = routes.filter((r) => r.path.includes('{'));
  it.each(withParams.map((r) => [r.id, r] as const))('%s: 401 for a visitor where a login is needed, else 400, and no database call', async (_id, row) => {
    const logs = captureLogs();
    const names = [...row.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const raw of ['%ZZ', '%E0%A4%A']) {
      const path = row.path.replace(/\{[^}]+\}/g, raw);
      const pathParameters = Object.fromEntries(names.map((n) => [n, raw]));
      for (const sub of [undefined, 'staff1']) {
        const res = await handlers[row.context](httpEvent(row.method, path, { ...(sub ? { sub } : {}), pathParameters, body: {} }), lambdaContext);
        expect(res.statusCode, `${row.method} ${path} as ${sub ?? 'a visitor'}: ${res.body}`).toBe(!sub && row.access === 'user' ? 401 : 400);
        ErrorBody.parse(JSON.parse(res.body!));
      }
    }
    expect(ddb.calls()).toHaveLength(0);
    expect(logs.errors()).toEqual([]);
  });

  it('holds when API Gateway leaves the parameters to the router (no pathParameters in the event)', async () => {
    const res = await ballots(httpEvent('GET', '/api/ballots/%E0%A4%A'), lambdaContext);
    expect(res.statusCode).toBe(400);
  });

  it('the local static server answers a malformed file path with a 404', () => {
    const res = { writeHead: vi.fn(), end: vi.fn() };
    serveStatic(import.meta.dirname, '/%E0%A4%A.html', res as never, false);
    expect(res.writeHead).toHaveBeenCalledWith(404, expect.anything());
  });

  it('the local adapter keeps a malformed segment as sent and decodes a good one', () => {
    expect(decodePathPart('%ZZ')).toBe('%ZZ');
    expect(decodePathPart('%E8%8C%B6')).toBe('茶');
  });
});
