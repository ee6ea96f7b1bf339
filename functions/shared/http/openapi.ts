/** The OpenAPI 3.1 document, generated from the route table and its zod contracts. */
import * as z from 'zod/mini';
import { ErrorBody } from '../../contracts/common.js';
import { allowedRoles, callerRoles, parties, routes, type RouteDef } from '../../routes.js';

const schema = (s: z.ZodMiniType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(r: RouteDef) {
  const list: object[] = [];
  for (const [where, s] of [['path', r.params], ['query', r.query]] as const) {
    if (!s) continue;
    const js = schema(s, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
    }
  }
  if (r.idempotencyKey) {
    list.push({
      name: 'Idempotency-Key', in: 'header', required: r.idempotencyKey === 'required',
      description: 'Made once per write (a random UUID, say) and sent again on every retry of it: a retry gets the first answer, never a second entry. The same key with a different body is a 409.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  return list;
}

const errorResponse = (description: string) =>
  ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The row's `allow` in one sentence, naming the roles of the document's `x-caller-roles`. */
export function whoMayCall(r: Pick<RouteDef, 'allow' | 'alsoAllow' | 'hiddenFrom'>): string {
  if (r.allow === 'anyone') return 'Who may call it: anyone, signed in or not.';
  if (r.allow === 'signed-in') return 'Who may call it: anyone signed in, for their own records; without a token, 401.';
  const roles = r.allow.length > 0 ? [`${r.allow.join(', ')} (roles as in x-caller-roles)`] : [];
  const who = [...roles, ...(r.alsoAllow ? [parties[r.alsoAllow]] : [])].join(' and ');
  const hidden = r.hiddenFrom?.length ? ` (${r.hiddenFrom.join(', ')}: 404, the object is not theirs to see)` : '';
  return `Who may call it: only ${who}. Anyone else signed in gets 403${hidden}; without a token, 401.`;
}

function operation(r: RouteDef) {
  return {
    operationId: r.id,
    summary: r.summary,
    description: whoMayCall(r),
    'x-allowed-roles': allowedRoles(r.allow),
    ...(r.alsoAllow ? { 'x-also-allowed': r.alsoAllow } : {}),
    ...(r.hiddenFrom?.length ? { 'x-hidden-from': r.hiddenFrom } : {}),
    tags: [r.context],
    ...(r.access === 'public' ? { security: [] } : {}),
    parameters: parameters(r),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } } : {}),
    responses: {
      [r.status]: { description: 'OK', content: { [r.produces ?? 'application/json']: { schema: schema(r.response, 'output') } } },
      400: errorResponse('Bad input; `issues` names each field'),
      ...(r.access === 'public' ? {} : { 401: errorResponse('No or bad token'), 403: errorResponse('Not allowed') }),
      404: errorResponse('Absent or not visible to you'),
      409: errorResponse('State conflict'),
    },
  };
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes as readonly RouteDef[]) {
    (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Gongzhi API', version,
      description: 'Public participation for old urban neighbourhoods. Each operation says who may call it (`x-allowed-roles`, in the '
        + 'terms of `x-caller-roles`: who the caller is to the object the request is about, in community C and estate A; '
        + '`x-also-allowed`: the person the object names, `x-hidden-from`: refused with 404 rather than 403).',
    },
    'x-caller-roles': callerRoles,
    'x-parties': parties,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: schema(ErrorBody, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
