/**
 * The ballots context's rows of the route table (functions/routes.ts spreads them in). Imports zod
 * contracts only: the CDK app and the web read this file.
 */
import type { RouteDef } from '../route-def.js';

export const ballotRoutes = [
] as const satisfies readonly RouteDef[];
