/**
 * Signing in with any OpenID Connect provider: /config.json names only the issuer, so the pages
 * read its discovery document, go to its authorize endpoint with PKCE, state and nonce, check the
 * ID token (iss, aud, nonce), send the access token to the API (apiToken 'access') and sign out
 * at its end_session_endpoint with id_token_hint. The provider is a real HTTP server in this
 * process (support/fake-oidc.ts); its access token is a local dev token, the only kind the local
 * API accepts, while the ID token is its own, signed by it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { allowProviderInCsp, oidcModuleMarkers, scriptsContaining, startFakeProvider, type FakeProvider } from './support/fake-oidc.js';
import { startSite, type Site } from './support/site.js';
import { axeViolations, describeViolations, ready, screenshot, signInAs, switchLanguage } from './support/steps.js';

const ORIGIN = 'https://id.gongzhi-test.example';
const CLIENT = 'gongzhi-web-client';

let site: Site;
let idp: FakeProvider;
let devToken: string;
beforeAll(async () => {
  site = await startSite();
  devToken = ((await (await fetch(`${site.url}/api/dev/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'resident7' }),
  })).json()) as { token: string }).token;
  idp = await startFakeProvider({
    origin: ORIGIN, clientId: CLIENT, subject: 'resident7', accessToken: devToken,
    paths: { authorize: '/protocol/auth', token: '/protocol/token', endSession: '/protocol/logout' },
  });
});
afterAll(async () => { await idp?.close(); await site?.close(); });

const auth = () => ({ provider: 'oidc', issuer: idp.issuer, clientId: CLIENT, scope: 'openid profile email', apiToken: 'access' });

/** A phone whose site is deployed with the generic provider: config.json, the CSP that names it, and its server. */
async function deployed(): Promise<{ context: BrowserContext; page: Page; bearers: string[] }> {
  const { context, page } = await site.newPage();
  await allowProviderInCsp(context, site.url, ORIGIN);
  await context.route('**/config.json', (r) => r.fulfill({ json: { apiBase: '/api', auth: auth() } }));
  await idp.route(context, { backByPage: true });
  const bearers: string[] = [];
  await context.route(`${site.url}/api/**`, (r) => {
    const authorization = r.request().headers()['authorization'];
    if (authorization) bearers.push(authorization);
    return r.fallback();
  });
  return { context, page, bearers };
}

async function tapSignIn(page: Page, next = '/proposals'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await ready(page);
  await page.getByText('用您社区的账号登录，和您在社区其他服务里用的是同一个账号。').waitFor();
  await page.getByRole('button', { name: '前往登录' }).click();
}

describe('generic OpenID Connect sign-in (discovery, PKCE, state, nonce, apiToken access)', () => {
  it('signs in with the community\'s provider, calls the API with the access token and signs out at end_session_endpoint', async () => {
    const { context, page, bearers } = await deployed();
    await page.goto('/proposals');
    await ready(page);
    expect(await scriptsContaining(page, oidcModuleMarkers), 'the OIDC module loads only when signing in').toEqual([]);

    await tapSignIn(page);
    await page.waitForURL((u) => u.pathname === '/proposals');
    await page.locator('header').getByText('你好，').waitFor();

    expect(idp.seen.discovery, 'no endpoints configured: they come from the discovery document').toBeGreaterThan(0);
    const a = idp.seen.authorize.at(-1);
    expect(a?.origin + (a?.pathname ?? '')).toBe(idp.endpoints.authorization);
    expect(a?.searchParams.get('response_type')).toBe('code');
    expect(a?.searchParams.get('client_id')).toBe(CLIENT);
    expect(a?.searchParams.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    expect(a?.searchParams.get('scope')).toBe('openid profile email');
    expect(a?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(a?.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    const x = idp.seen.token.at(-1);
    expect(x?.get('redirect_uri')).toBe(`${site.url}/auth/callback`);
    expect(createHash('sha256').update(x?.get('code_verifier') ?? '').digest('base64url')).toBe(a?.searchParams.get('code_challenge'));
    const idToken = idp.seen.idTokens.at(-1)!;
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as { nonce?: string; aud?: string };
    expect(claims.nonce, 'the ID token carries the nonce the page sent').toBe(a?.searchParams.get('nonce'));
    // apiToken 'access': the API got the access token, never the ID token.
    expect(bearers.length).toBeGreaterThan(0);
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${devToken}`]));

    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const out = idp.seen.endSession.at(-1);
    expect(out?.origin + (out?.pathname ?? '')).toBe(idp.endpoints.endSession);
    expect(out?.searchParams.get('client_id')).toBe(CLIENT);
    expect(out?.searchParams.get('post_logout_redirect_uri')).toBe(`${site.url}/`);
    expect(out?.searchParams.get('id_token_hint'), 'the provider is told whose session to end').toBe(idToken);
    await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('gongzhi.session'))).toBeNull();
    await context.close();
  });

  const refused: [string, () => void, boolean][] = [
    ['a forged state (the code is never exchanged)', () => { idp.tamper.state = 'forged-by-someone-else'; }, false],
    ['an ID token for another sign-in (wrong nonce)', () => { idp.tamper.idTokenClaims = { nonce: 'replayed' }; }, true],
    ['an ID token for another client (wrong aud)', () => { idp.tamper.idTokenClaims = { aud: 'another-client' }; }, true],
    ['an ID token from another issuer (wrong iss)', () => { idp.tamper.idTokenClaims = { iss: 'https://evil.example' }; }, true],
  ];
  it.each(refused)('refuses %s', async (_name, misbehave, exchanged) => {
    const { context, page, bearers } = await deployed();
    misbehave();
    const exchanges = idp.seen.token.length;
    try {
      await tapSignIn(page);
      await page.waitForURL((u) => u.pathname === '/auth/callback');
      await page.getByText('登录没有完成，请再试一次。').waitFor();
      expect(idp.seen.token.length - exchanges).toBe(exchanged ? 1 : 0);
      expect(await page.evaluate(() => localStorage.getItem('gongzhi.session'))).toBeNull();
      expect(bearers).toEqual([]);
      await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    } finally {
      idp.tamper.state = undefined;
      idp.tamper.idTokenClaims = undefined;
      await context.close();
    }
  });

  it('signs out on this phone only when the provider names no end_session_endpoint', async () => {
    const { context, page } = await deployed();
    await page.goto('/');
    await ready(page);
    // A session stored before sign-in was provider-neutral ('cognito'), and a provider without
    // RP-initiated logout (its discovery document names no end_session_endpoint).
    let asked = 0;
    await context.route(`${idp.issuer}/.well-known/openid-configuration`, (r) => {
      asked += 1;
      return r.fulfill({
        json: { issuer: idp.issuer, authorization_endpoint: idp.endpoints.authorization, token_endpoint: idp.endpoints.token },
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    await page.evaluate((token) => localStorage.setItem('gongzhi.session', JSON.stringify({
      token, userId: 'resident7', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), provider: 'cognito',
    })), devToken);
    await page.reload();
    await page.locator('header').getByText('你好，').waitFor();
    const ends = idp.seen.endSession.length;
    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => asked, { message: 'the old session was read as a provider\'s: its sign-out was looked up' }).toBeGreaterThan(0);
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    expect(new URL(page.url()).origin).toBe(site.url);
    expect(idp.seen.endSession.length).toBe(ends);
    await context.close();
  });

  const wordings = [
    { provider: 'cognito', lang: 'zh-CN', intro: '用手机号或邮箱登录，我们会发一个验证码给您，不用记密码。', button: '前往登录' },
    { provider: 'cognito', lang: 'en', intro: /one-time code to it, so there is no password to remember/, button: 'Go to sign-in' },
    { provider: 'oidc', lang: 'zh-CN', intro: '用您社区的账号登录，和您在社区其他服务里用的是同一个账号。', button: '前往登录' },
    { provider: 'oidc', lang: 'en', intro: /^Sign in with your community’s account/, button: 'Go to sign-in' },
  ] as const;
  it.each(wordings)('the $provider sign-in page in $lang says how, in large type, and passes axe', async (w) => {
    const { context, page } = await site.newPage();
    await allowProviderInCsp(context, site.url, ORIGIN);
    await context.route('**/config.json', (r) => r.fulfill({ json: { apiBase: '/api', auth: { ...auth(), provider: w.provider } } }));
    await page.goto('/signin');
    await ready(page);
    if (w.lang === 'en') await switchLanguage(page, 'en');
    await page.getByText(w.intro).waitFor();
    const button = page.getByRole('button', { name: w.button });
    // Big enough to read and to tap for someone whose eyes and hands are not what they were.
    const size = await button.evaluate((b) => ({ font: parseFloat(getComputedStyle(b).fontSize), height: b.getBoundingClientRect().height }));
    expect(size.font).toBeGreaterThanOrEqual(20);
    expect(size.height).toBeGreaterThanOrEqual(48);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, `signin-${w.provider}-${w.lang === 'en' ? 'en' : 'zh'}`);
    await context.close();
  });

  it('without config.json the demo sign-in and sign-out stay local and never load the OIDC module', async () => {
    const { context, page } = await site.newPage();
    await signInAs(page, 'resident1', '/proposals');
    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('header').getByRole('link', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('gongzhi.session'))).toBeNull();
    expect(await scriptsContaining(page, oidcModuleMarkers)).toEqual([]);
    await context.close();
  });
});
