/** Local-only routes (never in the route table, never deployed): list demo users, sign in as one. */
import { DevSessionBody, type DevSession, type DevUsers } from '../contracts/me.js';
import { CommunityRepository } from '../community/repository.js';
import { rolesOf } from '../community/rules.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { errorResult, jsonHeaders, toErrorResult } from '../shared/http/error-response.js';
import type { HttpResult } from '../shared/http/types.js';
import { BadRequestError, NotFoundError } from '../shared/errors.js';
import type { DevAuth } from './dev-auth.js';
import { demoUsers } from './demo/people.js';

const ok = (body: DevSession | DevUsers): HttpResult => ({ statusCode: 200, headers: jsonHeaders, body: JSON.stringify(body) });

async function session(body: Buffer, auth: DevAuth): Promise<HttpResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
  const parsed = DevSessionBody.safeParse(raw);
  if (!parsed.success) {
    throw new BadRequestError('The request body is not valid.', parsed.error.issues.map((i) => ({
      path: ['body', ...i.path.map(String)].join('.'), code: i.code, message: i.message,
    })), 'invalid_input');
  }
  const member = await new CommunityRepository(documentClient(), config().tables.community).getMember(parsed.data.userId);
  if (!member.registered) {
    throw new NotFoundError(`There is no demo user "${parsed.data.userId}"; GET /api/dev/users lists them.`);
  }
  const signed = await auth.sign(member.id, member.displayName);
  return ok({ ...signed, userId: member.id });
}

export async function handleDevRoute(method: string, path: string, body: Buffer, auth: DevAuth): Promise<HttpResult> {
  try {
    if (method === 'POST' && path === '/api/dev/session') return await session(body, auth);
    if (method === 'GET' && path === '/api/dev/users') {
      return ok({ items: demoUsers.map((u) => ({ id: u.id, displayName: u.displayName, roles: rolesOf(u), note: u.note })) });
    }
    return errorResult(404, { code: 'not_found', message: `No such endpoint: ${method} ${path}` });
  } catch (e) {
    return toErrorResult(e);
  }
}
