import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { AppRoute, RouteId, RouteOf } from '../../routes.js';

/** API Gateway HTTP API payload v2. Public routes carry no authorizer, so it is optional here. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};
export type HttpResult = APIGatewayProxyStructuredResultV2;

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a route's implementation receives: inputs already parsed by the row's own schemas. */
export interface RouteRequest<R extends AppRoute> {
  params: Parsed<R extends { params: infer P } ? P : undefined>;
  query: Parsed<R extends { query: infer Q } ? Q : undefined>;
  body: Parsed<R extends { body: infer B } ? B : undefined>;
  /** The signed-in caller's id (JWT `sub`); null on public routes. */
  callerId: R['access'] extends 'public' ? null : string;
  headers: Record<string, string | undefined>;
}

export type RouteImpl<I extends RouteId> = (
  req: RouteRequest<RouteOf<I>>,
) => Promise<z.input<RouteOf<I>['response']>>;

/** A context's implementations, keyed by route id: exactly the rows of that context. */
export type ContextImpls<I extends RouteId> = { [K in I]: RouteImpl<K> };
