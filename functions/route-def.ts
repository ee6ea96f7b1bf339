/**
 * What a route-table row is. Kept apart from routes.ts so each context can list its rows in its
 * own `routes.ts` (contracts only) and the table spreads them in without a circular import.
 */
import type { z } from 'zod';

export const contexts = ['community', 'proposals', 'activities', 'donations', 'ballots'] as const;
export type ContextName = (typeof contexts)[number];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** public: no token needed (and none is read); user: any signed-in caller, roles checked in the use case. */
export type Access = 'public' | 'user';

export interface RouteDef {
  readonly id: string;
  readonly method: Method;
  readonly path: `/api/${string}`;
  readonly context: ContextName;
  readonly access: Access;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  readonly status: 200 | 201;
  /**
   * The `Idempotency-Key` header the route reads (a retried write with the same key gets the first
   * answer): `required` (400 without it) or `optional`. Documented in the OpenAPI document.
   */
  readonly idempotencyKey?: 'required' | 'optional';
  /** The response's media type when it is not JSON (then `response` is a string schema). */
  readonly produces?: 'text/calendar' | 'text/csv';
}

export const route = <const R extends RouteDef>(r: R): R => r;

/** `GET /api/proposals/{id}`: the API Gateway route key of a row. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;
