/**
 * The web's transport, given answers the way the edge can send them. On AWS China the distribution
 * maps every 404 to the site's HTML shell with a 200 (no CloudFront Functions there), so an API
 * 404 arrives as an HTML page: the pages must see "not found", not "the server is broken".
 */
import { describe, expect, it } from 'vitest';
import { ApiError, call } from '../../web/src/lib/http.js';

const answer = (body: string, status: number, type: string): typeof fetch =>
  async () => new Response(body, { status, headers: { 'content-type': type } });

const failure = async (p: Promise<unknown>): Promise<ApiError> => {
  const e: unknown = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};

describe('call', () => {
  it('returns the JSON of a good answer', async () => {
    await expect(call('POST', '/proposals', { body: {}, fetch: answer('{"id":"p1"}', 200, 'application/json'), auth: false }))
      .resolves.toEqual({ id: 'p1' });
  });

  it('reads the HTML shell sent for an unknown API path as a 404', async () => {
    const e = await failure(call('POST', '/proposals/nope/support', {
      fetch: answer('<!doctype html><html lang="zh-CN"><body>…</body></html>', 200, 'text/html; charset=utf-8'), auth: false,
    }));
    expect([e.status, e.code]).toEqual([404, 'not_found']);
  });

  it('keeps the API\'s own error code and issues', async () => {
    const body = JSON.stringify({ error: { code: 'validation', message: 'Bad input', issues: [{ path: 'title', message: 'Required' }] } });
    const e = await failure(call('POST', '/proposals', { body: {}, fetch: answer(body, 400, 'application/json'), auth: false }));
    expect([e.status, e.code, e.issues.length]).toEqual([400, 'validation', 1]);
  });

  it('refuses a 200 that is neither JSON nor HTML', async () => {
    const e = await failure(call('POST', '/proposals', { fetch: answer('ok', 200, 'text/plain'), auth: false }));
    expect(e.code).toBe('bad_response');
  });
});
