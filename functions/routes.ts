/**
 * The route table: one row per endpoint. The CDK api stack makes one API Gateway route per row
 * (with the JWT authorizer unless the row is public), the local server matches requests against
 * the same rows, each context's handler implements exactly its rows, and the OpenAPI document is
 * generated from them. Imports zod contracts only.
 */
import { activityRoutes } from './activities/routes.js';
import { ballotRoutes } from './ballots/routes.js';
import { coreRoutes, joiningRoutes, registryRoutes } from './community/routes.js';
import { donationRoutes } from './donations/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { proposalRoutes } from './proposals/routes.js';
import type { ContextName, RouteDef } from './route-def.js';

export {
  allowedRoles, callerRoles, contexts, parties, route, routeKey, type Access, type Allow, type CallerRole, type ContextName, type Method,
  type Party, type RouteDef, type SignedInRole,
} from './route-def.js';

/** Every row, in matching order; each context's Lambda builds its router from its own list only. */
export const routes = [
  ...coreRoutes,
  ...proposalRoutes,
  ...activityRoutes,
  ...registryRoutes,
  ...joiningRoutes,
  ...donationRoutes,
  ...ballotRoutes,
  ...notificationRoutes,
] as const satisfies readonly RouteDef[];

export type AppRoute = (typeof routes)[number];
export type RouteId = AppRoute['id'];
export type RouteOf<I extends RouteId> = Extract<AppRoute, { id: I }>;
/** The route ids one context's Lambda must implement. */
export type ContextRouteId<C extends ContextName> = Extract<AppRoute, { context: C }>['id'];
