/**
 * A request as Lambda hands it to our handler, without the local adapter's HTTP hop and token check
 * (on AWS, API Gateway does both before the Lambda runs): the event API Gateway would send, made with
 * the adapter's own route matching, passed straight to the context's handler. The bench times actions
 * this way beside the adapter, so the Lambda's own overhead over the bare write shows apart.
 */
import { matchRoute } from '../../functions/local/adapter.js';
import { handlerModules, type LambdaHandler } from '../../functions/local/handlers.js';
import { httpEvent, lambdaContext } from '../support/event.js';

const loaded = new Map<string, LambdaHandler>();

export async function inHandler(method: string, path: string, o: { sub?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<number> {
  const match = matchRoute(method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  let handler = loaded.get(match.row.context);
  if (!handler) {
    handler = (await handlerModules[match.row.context]!()).handler;
    loaded.set(match.row.context, handler);
  }
  const event = httpEvent(method, path, { ...(o.sub ? { sub: o.sub } : {}), ...(o.body !== undefined ? { body: o.body } : {}), pathParameters: match.pathParameters });
  event.routeKey = event.requestContext.routeKey = `${match.row.method} ${match.row.path}`;
  Object.assign(event.headers, o.headers ?? {});
  const res = await handler(event, lambdaContext);
  return res.statusCode ?? 200;
}
