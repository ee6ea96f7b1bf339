/**
 * The route table: one row per endpoint. The CDK api stack makes one API Gateway route per row
 * (with the JWT authorizer unless the row is public), the local server matches requests against
 * the same rows, each context's handler implements exactly its rows, and the OpenAPI document is
 * generated from them. Imports zod contracts only.
 */
import type { z } from 'zod';
import { IdParams, NoQuery } from './contracts/common.js';
import { Health, OpenApiDocument } from './contracts/health.js';
import { Me } from './contracts/me.js';
import {
  CreateProposalBody, ListProposalsQuery, Proposal, ProposalPage, SupportState,
} from './contracts/proposals.js';

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
}

const route = <const R extends RouteDef>(r: R): R => r;

export const routes = [
  route({ id: 'health', method: 'GET', path: '/api/health', context: 'community', access: 'public',
    summary: 'Liveness check', query: NoQuery, response: Health, status: 200 }),
  route({ id: 'openapi', method: 'GET', path: '/api/openapi.json', context: 'community', access: 'public',
    summary: 'This API as an OpenAPI 3.1 document', query: NoQuery, response: OpenApiDocument, status: 200 }),
  route({ id: 'me', method: 'GET', path: '/api/me', context: 'community', access: 'user',
    summary: 'The caller: name, roles, household and estate', query: NoQuery, response: Me, status: 200 }),

  route({ id: 'proposals.list', method: 'GET', path: '/api/proposals', context: 'proposals', access: 'public',
    summary: 'Proposals, newest first, filtered by status and category', query: ListProposalsQuery,
    response: ProposalPage, status: 200 }),
  route({ id: 'proposals.create', method: 'POST', path: '/api/proposals', context: 'proposals', access: 'user',
    summary: 'Propose an improvement (residents of a verified household)', query: NoQuery,
    body: CreateProposalBody, response: Proposal, status: 201 }),
  route({ id: 'proposals.get', method: 'GET', path: '/api/proposals/{id}', context: 'proposals', access: 'public',
    summary: 'One proposal', params: IdParams, query: NoQuery, response: Proposal, status: 200 }),
  route({ id: 'proposals.support.get', method: 'GET', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', summary: 'Whether the caller backs this proposal, and the count', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
  route({ id: 'proposals.support.put', method: 'PUT', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', summary: 'Back a proposal (idempotent: once per resident)', params: IdParams, query: NoQuery,
    response: SupportState, status: 200 }),
  route({ id: 'proposals.support.delete', method: 'DELETE', path: '/api/proposals/{id}/support',
    context: 'proposals', access: 'user', summary: 'Withdraw the caller\'s backing (idempotent)', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
] as const satisfies readonly RouteDef[];

export type AppRoute = (typeof routes)[number];
export type RouteId = AppRoute['id'];
export type RouteOf<I extends RouteId> = Extract<AppRoute, { id: I }>;
/** The route ids one context's Lambda must implement. */
export type ContextRouteId<C extends ContextName> = Extract<AppRoute, { context: C }>['id'];

/** `GET /api/proposals/{id}`: the API Gateway route key of a row. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;
