/**
 * Local-only routes (never in the route table, never deployed): list demo users, sign in, move the clock,
 * run the notifier now and read the development outbox (every message the dev channels "sent").
 * Like a sign-up with Cognito, any valid user id gets a session: a new id is a new person with no role.
 */
import { DevClockBody, DevNotifierBody, DevSessionBody } from '../contracts/me.js';
import { advanceSystemClock } from '../shared/clock.js';
import { CommunityRepository } from '../community/repository.js';
import { rolesOf } from '../community/rules.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { errorResult, jsonHeaders, toErrorResult } from '../shared/http/error-response.js';
import type { HttpResult } from '../shared/http/types.js';
import { parseJsonText, parseWith } from '../shared/http/parse-request.js';
import type { DevAuth } from './dev-auth.js';
import type { LocalNotifier } from './notifier.js';
import { demoUsers } from './demo/people.js';

const ok = (body: object): HttpResult => ({ statusCode: 200, headers: jsonHeaders, body: JSON.stringify(body) });

async function session(body: Buffer, auth: DevAuth): Promise<HttpResult> {
  const { userId } = parseWith('body', DevSessionBody, parseJsonText(body.toString('utf8')));
  const member = await new CommunityRepository(documentClient(), config().tables.community).getMember(userId);
  const signed = await auth.sign(member.id, member.displayName);
  return ok({ ...signed, userId: member.id });
}

export async function handleDevRoute(method: string, path: string, body: Buffer, auth: DevAuth, notifier: LocalNotifier): Promise<HttpResult> {
  try {
    if (method === 'GET' && path === '/api/dev/outbox') return ok(await notifier.outbox());
    if (method === 'POST' && path === '/api/dev/notifier') {
      const { reminders } = parseWith('body', DevNotifierBody, parseJsonText(body.toString('utf8') || '{}'));
      return ok(await notifier.run({ reminders }));
    }
    if (method === 'POST' && path === '/api/dev/session') return await session(body, auth);
    if (method === 'POST' && path === '/api/dev/clock') {
      const { advanceDays } = parseWith('body', DevClockBody, parseJsonText(body.toString('utf8')));
      return ok({ now: advanceSystemClock(advanceDays * 86_400_000) });
    }
    if (method === 'GET' && path === '/api/dev/users') {
      return ok({ items: demoUsers.map((u) => ({ id: u.id, displayName: u.displayName, roles: rolesOf(u), note: u.note })) });
    }
    return errorResult(404, { code: 'not_found', message: `No such endpoint: ${method} ${path}` });
  } catch (e) {
    return toErrorResult(e);
  }
}
