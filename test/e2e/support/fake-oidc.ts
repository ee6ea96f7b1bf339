/**
 * A fake OpenID Connect provider for the browser tests: a real HTTP server in this process serving
 * discovery, authorize (302 back with code and state), token (an ID token it signs with jose) and
 * end_session, checking what a provider checks (client, redirect_uri, PKCE). The pages accept
 * only https endpoints, so the browser reaches it at an https origin that Playwright routes here.
 * `tamper` makes it misbehave the way an attacker or a misconfigured provider would.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';

export interface FakeProviderOptions {
  /** The https origin the browser uses, e.g. `https://id.example.test`. */
  origin: string;
  /** The tokens' `iss`; its discovery document is served under it. Default: origin + '/realm'. */
  issuer?: string;
  clientId: string;
  /** Paths of the endpoints under `origin`. */
  paths: { authorize: string; token: string; endSession: string };
  /** Who signs in: the ID token's `sub`. */
  subject: string;
  /** The access token the token endpoint hands out. */
  accessToken: string;
}

export interface Tampering {
  /** Sent back as `state` instead of the one the page sent. */
  state?: string;
  /** Claims that override the right ones in the next ID tokens (a wrong nonce, aud, iss). */
  idTokenClaims?: Record<string, unknown>;
}

export interface FakeProvider {
  issuer: string;
  endpoints: { authorization: string; token: string; endSession: string };
  seen: { discovery: number; authorize: URL[]; token: URLSearchParams[]; endSession: URL[]; idTokens: string[] };
  tamper: Tampering;
  /**
   * Sends the browser's requests for `origin` to this server. Playwright does not route the request
   * a redirect leads to, so a page that allowProviderInCsp must reach asks for `backByPage`: the
   * redirects back to the site become a provider page that goes there itself (as some providers'
   * interstitial pages do), and the site's page is then routed like any other.
   */
  route(context: BrowserContext, opts?: { backByPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const b64url = (s: string) => createHash('sha256').update(s).digest('base64url');
const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization' };

function send(res: ServerResponse, status: number, body: object | null, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...cors, ...(body && { 'content-type': 'application/json' }), 'cache-control': 'no-store', ...headers });
  res.end(body ? JSON.stringify(body) : undefined);
}

async function bodyOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeProvider(o: FakeProviderOptions): Promise<FakeProvider> {
  const issuer = o.issuer ?? `${o.origin}/realm`;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const endpoints = { authorization: `${o.origin}${o.paths.authorize}`, token: `${o.origin}${o.paths.token}`, endSession: `${o.origin}${o.paths.endSession}` };
  const codes = new Map<string, { redirectUri: string; challenge: string; nonce: string | null }>();
  const seen: FakeProvider['seen'] = { discovery: 0, authorize: [], token: [], endSession: [], idTokens: [] };
  const tamper: Tampering = {};
  const discoveryPath = `${new URL(issuer).pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', o.origin);
    if (req.method === 'OPTIONS') return send(res, 204, null);
    if (url.pathname === discoveryPath && new URL(issuer).origin === o.origin) {
      seen.discovery += 1;
      return send(res, 200, {
        issuer, authorization_endpoint: endpoints.authorization, token_endpoint: endpoints.token,
        end_session_endpoint: endpoints.endSession, jwks_uri: `${o.origin}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
    if (url.pathname === o.paths.authorize) {
      seen.authorize.push(url);
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== o.clientId || !redirectUri.endsWith('/auth/callback') || q.get('code_challenge_method') !== 'S256') {
        return send(res, 400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      codes.set(code, { redirectUri, challenge: q.get('code_challenge') ?? '', nonce: q.get('nonce') });
      const back = new URL(redirectUri);
      back.search = new URLSearchParams({ code, state: tamper.state ?? q.get('state') ?? '' }).toString();
      return send(res, 302, null, { location: back.href });
    }
    if (url.pathname === o.paths.token && req.method === 'POST') {
      const form = await bodyOf(req);
      seen.token.push(form);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      // What a provider checks before it hands out tokens: the code, the client, the same redirect_uri, PKCE.
      if (!grant || form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== o.clientId
        || form.get('redirect_uri') !== grant.redirectUri || b64url(form.get('code_verifier') ?? '') !== grant.challenge) {
        return send(res, 400, { error: 'invalid_grant' });
      }
      const claims = { iss: issuer, aud: o.clientId, sub: o.subject, ...(grant.nonce && { nonce: grant.nonce }), email: `${o.subject}@example.test` };
      const idToken = await new SignJWT({ ...claims, ...tamper.idTokenClaims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
      seen.idTokens.push(idToken);
      return send(res, 200, { access_token: o.accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600 });
    }
    if (url.pathname === o.paths.endSession) {
      seen.endSession.push(url);
      const back = url.searchParams.get('post_logout_redirect_uri') ?? url.searchParams.get('logout_uri');
      return back ? send(res, 302, null, { location: back }) : send(res, 200, { signedOut: true });
    }
    return send(res, 404, { error: 'not_found' });
  }

  const server = createServer((req, res) => { handle(req, res).catch(() => send(res, 500, { error: 'server_error' })); });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer, endpoints, seen, tamper,
    async route(context, opts = {}) {
      await context.route(`${o.origin}/**`, async (r) => {
        const req = r.request();
        const u = new URL(req.url());
        const body = req.postDataBuffer();
        const res = await fetch(`${local}${u.pathname}${u.search}`, {
          method: req.method(), redirect: 'manual',
          headers: { 'content-type': (await req.allHeaders())['content-type'] ?? 'text/plain' },
          ...(body && { body: new Uint8Array(body) }),
        });
        const headers: Record<string, string> = {};
        res.headers.forEach((value, name) => { headers[name] = value; });
        const back = res.status === 302 ? headers['location'] : undefined;
        if (opts.backByPage && back && new URL(back).origin !== o.origin) {
          return r.fulfill({ contentType: 'text/html', body: `<!doctype html><script>location.replace(${JSON.stringify(back)})</script>` });
        }
        await r.fulfill({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
      });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Serves the site's pages with `origin` added to the CSP's connect-src and form-action, as the
 * deployed site does for a generic provider (infra/identity.ts signInOrigins): the local server's
 * policy names only Cognito's hosts.
 */
export async function allowProviderInCsp(context: BrowserContext, siteUrl: string, origin: string): Promise<void> {
  await context.route(`${siteUrl}/**`, async (r) => {
    if (r.request().resourceType() !== 'document') return r.fallback();
    const response = await r.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = (headers['content-security-policy'] ?? '')
      .replace(/(connect-src [^;]*)/, `$1 ${origin}`).replace(/(form-action [^;]*)/, `$1 ${origin}`);
    return r.fulfill({ response, headers });
  });
}

/** The scripts a page has loaded that contain any of `markers` (to prove a module stayed unloaded). */
export async function scriptsContaining(page: Page, markers: readonly string[]): Promise<string[]> {
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  if (scripts.length === 0) throw new Error('no scripts loaded: the check would prove nothing');
  const bodies = await Promise.all(scripts.map(async (u) => [u, await (await fetch(u)).text()] as const));
  return bodies.filter(([, b]) => markers.some((m) => b.includes(m))).map(([u]) => u);
}

/** Strings only the OIDC module's chunk holds: our PKCE parameter and one of oauth4webapi's error codes. */
export const oidcModuleMarkers = ['code_challenge', 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'] as const;
