/**
 * The middy onion every context's Lambda shares: logs and metrics outermost (observability.ts), then
 * the error map, then the router over the context's rows of the route table; each row's implementation gets parsed input and its result is
 * checked against the row's response schema (strips anything the contract does not name).
 */
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import type { Context } from 'aws-lambda';
import type { AppRoute } from '../../routes.js';
import { memberCache } from '../../community/member-cache.js';
import { BadRequestError, ForbiddenError, NotFoundError, UnauthorizedError } from '../errors.js';
import { cacheControlFor } from './edge-cache.js';
import { jsonHeaders, toErrorResult } from './error-response.js';
import { callerIdOf, noteRoute, observability } from './observability.js';
import { parseRequest } from './parse-request.js';
import type { ContextImpls, HttpEvent, HttpResult } from './types.js';

/**
 * No id, slug or user id of ours holds a `%`: one left in a path parameter is an escape that did not
 * decode (`%ZZ`, a cut UTF-8 sequence) or a doubly escaped one. Either way it names nothing: a 400.
 */
function rejectMalformedPath(event: HttpEvent): void {
  const bad = Object.entries(event.pathParameters ?? {}).filter(([, v]) => typeof v === 'string' && v.includes('%'));
  if (bad.length > 0) {
    throw new BadRequestError('The path is not valid: it has a malformed percent-escape.',
      bad.map(([name]) => ({ path: `params.${name}`, code: 'malformed_escape', message: 'Not a valid percent-escape.' })), 'invalid_input');
  }
}

/** The community context's writes change who people are (grants, joining, profiles). */
const changesPeople = (row: AppRoute): boolean => row.context === 'community' && row.method !== 'GET';

/** Such a write reads everyone afresh, and this container then forgets every kept reading. */
async function changingPeople<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    memberCache.clear();
  }
}

function bind(row: AppRoute, impl: (req: never) => Promise<unknown>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    noteRoute(event, row.id);
    const callerId = callerIdOf(event);
    if (row.access !== 'public' && callerId === null) throw new UnauthorizedError();
    rejectMalformedPath(event);
    const input = parseRequest(row, event);
    const req = { ...input, callerId: row.access === 'public' ? null : callerId, headers: event.headers } as never;
    const result = changesPeople(row) ? await changingPeople(() => impl(req)) : await memberCache.run(async () => {
      try {
        return await impl(req);
      } catch (e) {
        // Never refuse on a kept reading of who someone is: read afresh and try once more (member-cache.ts).
        if (!(e instanceof ForbiddenError || e instanceof NotFoundError) || !memberCache.forgetUsed()) throw e;
        return await impl(req);
      }
    });
    const checked = row.response.parse(result);
    const signedIn = Object.keys(event.headers ?? {}).some((h) => h.toLowerCase() === 'authorization');
    const answer = { query: input.query as Record<string, unknown>, result: checked };
    if ('produces' in row && row.produces) {
      return {
        statusCode: row.status, body: String(checked),
        headers: { 'content-type': `${row.produces}; charset=utf-8`, 'cache-control': cacheControlFor(row.id, signedIn, 'no-cache', answer) },
      };
    }
    return { statusCode: row.status, headers: { ...jsonHeaders, 'cache-control': cacheControlFor(row.id, signedIn, jsonHeaders['cache-control'], answer) }, body: JSON.stringify(checked) };
  };
}

/**
 * One context's Lambda: its own rows of the route table (so its bundle holds only its own contracts)
 * and an implementation for each.
 */
export function createHandler<const R extends readonly AppRoute[]>(rows: R, impls: ContextImpls<R[number]['id']>) {
  const table = impls as unknown as Record<string, (req: never) => Promise<unknown>>;
  const router = httpRouterHandler({
    routes: rows.map((r): Route<HttpEvent, HttpResult> => ({ method: r.method, path: r.path, handler: bind(r, table[r.id]!) })),
    notFoundResponse: ({ method, path }) => {
      throw new NotFoundError(`No such endpoint: ${method} ${path}`);
    },
  });
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(observability())
    .use({
      onError: (request) => {
        request.response = toErrorResult(request.error, request.context?.awsRequestId);
      },
    })
    .handler(router as never);
}

/** For the route-table test: which route ids a context implements. */
export const implementedRoutes = (impls: object): string[] => Object.keys(impls);
