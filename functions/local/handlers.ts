/** Every context's Lambda entry, as the local server loads them (the api stack bundles the same files). */
import type { Context } from 'aws-lambda';
import type { ContextName } from '../routes.js';
import type { HttpEvent, HttpResult } from '../shared/http/types.js';

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export const handlerModules: Partial<Record<ContextName, () => Promise<{ handler: LambdaHandler; impls: object }>>> = {
  community: () => import('../community/handler.js'),
  proposals: () => import('../proposals/handler.js'),
  activities: () => import('../activities/handler.js'),
  donations: () => import('../donations/handler.js'),
  ballots: () => import('../ballots/handler.js'),
  notifications: () => import('../notifications/handler.js'),
};
