/**
 * Signing in on AWS: with /config.json present the site goes to the Cognito hosted UI with
 * PKCE, exchanges the code on /auth/callback, and signs out of the hosted UI too. The hosted UI is
 * played by request interception; its "ID token" is a local dev token so the API accepts it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support/site.js';
import { ready } from './support/steps.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

const HOST = 'gongzhi-test.auth.ap-east-1.amazoncognito.com';
const CLIENT = 'test-client-id';
const base64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('Cognito sign-in (authorization code + PKCE)', () => {
  it('signs in through the hosted UI and comes back to the page it started from', async () => {
    const { context, page } = await site.newPage();
    const devToken = (await (await fetch(`${site.url}/api/dev/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'resident7' }),
    })).json()) as { token: string };

    await context.route('**/config.json', (r) => r.fulfill({
      json: { apiBase: '/api', cognito: { domain: HOST, clientId: CLIENT, region: 'ap-east-1' } },
    }));
    let authorize: URL | null = null;
    await context.route(`https://${HOST}/oauth2/authorize**`, (r) => {
      authorize = new URL(r.request().url());
      const back = new URL(authorize.searchParams.get('redirect_uri')!);
      back.search = new URLSearchParams({ code: 'the-code', state: authorize.searchParams.get('state')! }).toString();
      return r.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    let exchange: URLSearchParams | null = null;
    await context.route(`https://${HOST}/oauth2/token`, (r) => {
      exchange = new URLSearchParams(r.request().postData() ?? '');
      return r.fulfill({
        json: { id_token: devToken.token, access_token: 'unused', expires_in: 3600, token_type: 'Bearer' },
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    let loggedOut: URL | null = null;
    await context.route(`https://${HOST}/logout**`, (r) => {
      loggedOut = new URL(r.request().url());
      return r.fulfill({ status: 302, headers: { location: loggedOut.searchParams.get('logout_uri')! } });
    });

    await page.goto('/proposals');
    await ready(page);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => e.name).filter((n) => n.endsWith('.js')));
    expect(scripts.length).toBeGreaterThan(0);
    const bodies = await Promise.all(scripts.map(async (u) => (await fetch(u)).text()));
    expect(bodies.filter((b) => b.includes('code_challenge')), 'the Cognito module loads only when signing in').toEqual([]);

    await page.goto('/signin?next=%2Fproposals');
    await ready(page);
    await page.getByRole('button', { name: '前往登录' }).click();
    await page.waitForURL((u) => u.pathname === '/proposals');
    await page.locator('header').getByText('你好，').waitFor();

    const a = authorize as URL | null;
    expect(a?.searchParams.get('response_type')).toBe('code');
    expect(a?.searchParams.get('client_id')).toBe(CLIENT);
    expect(a?.searchParams.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    expect(a?.searchParams.get('scope')).toBe('openid email phone profile');
    expect(a?.searchParams.get('code_challenge_method')).toBe('S256');
    const x = exchange as URLSearchParams | null;
    expect(x?.get('grant_type')).toBe('authorization_code');
    expect(x?.get('code')).toBe('the-code');
    expect(x?.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    // The verifier sent now hashes to the challenge sent before: the code is useless to anyone else.
    expect(base64url(createHash('sha256').update(x?.get('code_verifier') ?? '').digest())).toBe(a?.searchParams.get('code_challenge'));

    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect((loggedOut as URL | null)?.searchParams.get('client_id')).toBe(CLIENT);
    await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    await context.close();
  });

  it('refuses a callback whose state it did not send', async () => {
    const { context, page } = await site.newPage();
    await context.route('**/config.json', (r) => r.fulfill({
      json: { apiBase: '/api', cognito: { domain: HOST, clientId: CLIENT, region: 'ap-east-1' } },
    }));
    await page.goto('/auth/callback?code=stolen&state=forged');
    await page.getByText('登录没有完成，请再试一次。').waitFor();
    await context.close();
  });
});
