/**
 * OpenID Connect sign-in (Cognito's hosted pages or any provider): authorization code with PKCE
 * (S256), state and nonce, the callback and the ID token's claims checked by oauth4webapi.
 * Imported dynamically, only when someone signs in or out on AWS, so it adds nothing to the first
 * page load. We are a public client (a web page keeps no secret): PKCE is what protects the code.
 */
import * as oauth from 'oauth4webapi';
import { siteConfig, type AuthConfig } from './site-config.js';
import type { StoredSession } from './stored-session.js';

const PENDING_KEY = 'gongzhi.oidc';
interface Pending { verifier: string; state: string; nonce: string; next: string }

type Endpoint = 'authorization_endpoint' | 'token_endpoint' | 'end_session_endpoint';

const redirectUri = (): string => `${location.origin}/auth/callback`;

/** The endpoints config.json names (Cognito's always, a generic provider's maybe): no network. */
const configured = (auth: AuthConfig): oauth.AuthorizationServer => ({
  issuer: auth.issuer,
  ...(auth.authorizationEndpoint && { authorization_endpoint: auth.authorizationEndpoint }),
  ...(auth.tokenEndpoint && { token_endpoint: auth.tokenEndpoint }),
  ...(auth.endSessionEndpoint && { end_session_endpoint: auth.endSessionEndpoint }),
});

/**
 * The authorization server with the endpoints a step needs: as configured when they are all there,
 * otherwise from the issuer's discovery document (whose `issuer` must be ours), configured ones winning.
 */
async function serverFor(auth: AuthConfig, needs: readonly Endpoint[]): Promise<oauth.AuthorizationServer> {
  const own = configured(auth);
  if (needs.every((n) => own[n] !== undefined)) return own;
  const issuer = new URL(auth.issuer);
  const found = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }));
  return { ...found, ...own };
}

/** A discovered address we send the person to: TLS only (the library checks the token endpoint itself). */
function httpsUrl(value: string | undefined): URL {
  const url = value ? new URL(value) : null;
  if (url?.protocol !== 'https:') throw new Error('the provider names no https endpoint for this step');
  return url;
}

const clientOf = (auth: AuthConfig): oauth.Client => ({ client_id: auth.clientId });

/** Leaves the site for the provider's sign-in page; it comes back to /auth/callback with ?code&state. */
export async function startSignIn(auth: AuthConfig, next: string): Promise<void> {
  const as = await serverFor(auth, ['authorization_endpoint']);
  const url = httpsUrl(as.authorization_endpoint);
  // The config's schema makes the scope ask for openid, so an ID token comes back: a nonce binds it to this attempt.
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), next,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const q = url.searchParams;
  q.set('response_type', 'code');
  q.set('client_id', auth.clientId);
  q.set('redirect_uri', redirectUri());
  q.set('scope', auth.scope);
  q.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.verifier));
  q.set('code_challenge_method', 'S256');
  q.set('state', pending.state);
  q.set('nonce', pending.nonce);
  location.assign(url.href);
}

/** What startSignIn left in this tab, used once: a second callback with the same code finds nothing. */
function takePending(): Pending {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const p = raw ? (JSON.parse(raw) as Partial<Pending>) : null;
  if (!p || typeof p.verifier !== 'string' || typeof p.state !== 'string' || typeof p.nonce !== 'string' || typeof p.next !== 'string') {
    throw new Error('no sign-in was started in this tab');
  }
  return p as Pending;
}

/** Exchanges the code from the callback URL for tokens; returns the session and where to go next. */
export async function completeSignIn(auth: AuthConfig, url: URL): Promise<{ session: StoredSession; next: string }> {
  const pending = takePending();
  const as = await serverFor(auth, ['token_endpoint']);
  const client = clientOf(auth);
  // The state must be the one we sent (otherwise someone else started this sign-in); an error answer throws here too.
  const params = oauth.validateAuthResponse(as, client, url, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier);
  // Checks the ID token's iss (our issuer), aud (our client id), exp/iat, and the nonce we sent.
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  const idToken = tokens.id_token;
  if (!claims || !idToken) throw new Error('no ID token in the answer');
  const token = auth.apiToken === 'id' ? idToken : tokens.access_token;
  const expiresAt = new Date(Date.now() + (tokens.expires_in ?? 3600) * 1000).toISOString();
  return {
    session: { token, userId: claims.sub, expiresAt, provider: 'oidc', ...(auth.apiToken === 'access' && { idToken }) },
    next: pending.next,
  };
}

/**
 * Ends the provider's own session too, so the next person on a shared phone must sign in afresh.
 * False when the provider offers no way to (the site's session is gone already either way).
 */
export async function signOutAt(auth: AuthConfig, idToken?: string): Promise<boolean> {
  const home = `${location.origin}/`;
  if (auth.provider === 'cognito') {
    if (!auth.endSessionEndpoint) return false;
    // Cognito's /logout has its own form: client_id and logout_uri (one of the client's sign-out URLs).
    const url = httpsUrl(auth.endSessionEndpoint);
    url.searchParams.set('client_id', auth.clientId);
    url.searchParams.set('logout_uri', home);
    location.assign(url.href);
    return true;
  }
  const as = await serverFor(auth, ['end_session_endpoint']).catch(() => null);
  if (!as?.end_session_endpoint) return false;
  // OpenID Connect RP-Initiated Logout 1.0.
  const url = httpsUrl(as.end_session_endpoint);
  url.searchParams.set('client_id', auth.clientId);
  url.searchParams.set('post_logout_redirect_uri', home);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  location.assign(url.href);
  return true;
}

/** After the site's own sign-out (the header's button): ends the provider's session too, if this deployment has one. */
export async function endProviderSession(ended: StoredSession): Promise<boolean> {
  const config = await siteConfig();
  if (!config) return false;
  // The hint is the ID token: the Bearer token itself with apiToken 'id', else the one kept beside it.
  return signOutAt(config.auth, ended.idToken ?? (config.auth.apiToken === 'id' ? ended.token : undefined)).catch(() => false);
}
