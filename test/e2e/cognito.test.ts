/**
 * Signing in on AWS with Cognito: /config.json names the hosted UI's endpoints (no discovery), the
 * site goes there with PKCE, state and nonce, exchanges the code on /auth/callback, checks the ID
 * token and sends it to the API (apiToken 'id'), and signs out through Cognito's /logout too. The
 * hosted UI is the in-process fake provider (support/fake-oidc.ts). The local API accepts only its
 * own dev tokens, so a route plays API Gateway's JWT authorizer: the Cognito ID token, and only
 * it, is swapped for resident7's dev token on the way in.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcModuleMarkers, scriptsContaining, startFakeProvider, type FakeProvider } from './support/fake-oidc.js';
import { startSite, type Site } from './support/site.js';
import { ready } from './support/steps.js';

const HOST = 'https://gongzhi-test.auth.ap-east-1.amazoncognito.com';
const ISSUER = 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_TestPool';
const CLIENT = 'test-client-id';
const auth = {
  provider: 'cognito', issuer: ISSUER, clientId: CLIENT, scope: 'openid email phone profile', apiToken: 'id',
  authorizationEndpoint: `${HOST}/oauth2/authorize`, tokenEndpoint: `${HOST}/oauth2/token`, endSessionEndpoint: `${HOST}/logout`,
};

let site: Site;
let cognito: FakeProvider;
let devToken: string;
beforeAll(async () => {
  site = await startSite();
  devToken = ((await (await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'resident7' }),
  })).json()) as { token: string }).token;
  cognito = await startFakeProvider({
    origin: HOST, issuer: ISSUER, clientId: CLIENT, subject: 'resident7', accessToken: 'cognito-access-token',
    paths: { authorize: '/oauth2/authorize', token: '/oauth2/token', endSession: '/logout' },
  });
});
afterAll(async () => { await cognito?.close(); await site?.close(); });

describe('Cognito sign-in (authorization code + PKCE, apiToken id)', () => {
  it('signs in through the hosted UI, sends the ID token to the API and comes back to the page it started from', async () => {
    const { context, page } = await site.newPage();
    await context.route('**/config.json', (r) => r.fulfill({ json: { apiBase: '/api', auth } }));
    await cognito.route(context);
    const bearers: string[] = [];
    await context.route(`${site.url}/api/**`, (r) => {
      const authorization = r.request().headers()['authorization'];
      if (!authorization) return r.fallback();
      bearers.push(authorization);
      const swapped = cognito.seen.idTokens.some((t) => authorization === `Bearer ${t}`);
      return r.fallback({ headers: { ...r.request().headers(), ...(swapped && { authorization: `Bearer ${devToken}` }) } });
    });

    await page.goto('/proposals');
    await ready(page);
    expect(await scriptsContaining(page, oidcModuleMarkers), 'the OIDC module loads only when signing in').toEqual([]);

    await page.goto('/signin?next=%2Fproposals');
    await ready(page);
    await page.getByText('用手机号或邮箱登录，我们会发一个验证码给您，不用记密码。').waitFor();
    expect(await scriptsContaining(page, oidcModuleMarkers), 'not even on the sign-in page before the tap').toEqual([]);
    await page.getByRole('button', { name: '前往登录' }).click();
    await page.waitForURL((u) => u.pathname === '/proposals');
    await page.locator('header').getByText('你好，').waitFor();

    expect(cognito.seen.discovery, 'Cognito\'s endpoints come from config.json').toBe(0);
    const a = cognito.seen.authorize.at(-1);
    expect(a?.searchParams.get('response_type')).toBe('code');
    expect(a?.searchParams.get('client_id')).toBe(CLIENT);
    expect(a?.searchParams.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    expect(a?.searchParams.get('scope')).toBe('openid email phone profile');
    expect(a?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(a?.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const x = cognito.seen.token.at(-1);
    expect(x?.get('grant_type')).toBe('authorization_code');
    expect(x?.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    // The verifier sent now hashes to the challenge sent before: the code is useless to anyone else.
    expect(createHash('sha256').update(x?.get('code_verifier') ?? '').digest('base64url')).toBe(a?.searchParams.get('code_challenge'));
    // apiToken 'id': the API got the ID token (which the authorizer checks), never the access token.
    expect(bearers.length).toBeGreaterThan(0);
    expect(bearers.every((b) => b === `Bearer ${cognito.seen.idTokens.at(-1)}`)).toBe(true);

    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const out = cognito.seen.endSession.at(-1);
    expect(out?.searchParams.get('client_id')).toBe(CLIENT);
    expect(out?.searchParams.get('logout_uri')).toBe(`${site.url}/`);
    await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    await context.close();
  });

  it('refuses a callback whose state it did not send', async () => {
    const { context, page } = await site.newPage();
    await context.route('**/config.json', (r) => r.fulfill({ json: { apiBase: '/api', auth } }));
    await cognito.route(context);
    const exchanges = cognito.seen.token.length;
    await page.goto('/auth/callback?code=stolen&state=forged');
    await page.getByText('登录没有完成，请再试一次。').waitFor();
    expect(cognito.seen.token.length, 'no code is exchanged').toBe(exchanges);
    await context.close();
  });
});
