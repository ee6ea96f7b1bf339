/**
 * Cognito hosted UI sign-in: authorization code with PKCE. Imported dynamically, only when someone
 * signs in on AWS, so it adds nothing to the first page load.
 */
import type { CognitoConfig } from './site-config.js';
import type { StoredSession } from './stored-session.js';

const PENDING_KEY = 'gongzhi.pkce';
interface Pending { verifier: string; state: string; next: string }

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomString = (size = 32): string => base64url(crypto.getRandomValues(new Uint8Array(size)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const hostOf = (c: CognitoConfig): string =>
  c.domain.includes('.') ? c.domain.replace(/^https?:\/\//, '').replace(/\/$/, '') : `${c.domain}.auth.${c.region}.amazoncognito.com`;

const redirectUri = (): string => `${location.origin}/auth/callback`;

/** Leaves the site for the hosted UI; comes back to /auth/callback with ?code&state. */
export async function startSignIn(config: CognitoConfig, next: string): Promise<void> {
  const pending: Pending = { verifier: randomString(48), state: randomString(16), next };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email phone profile',
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
  });
  location.assign(`https://${hostOf(config)}/oauth2/authorize?${q.toString().replace(/%20/g, '+')}`);
}

function subOf(jwt: string): string {
  const payload = jwt.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const sub = (JSON.parse(json) as { sub?: unknown }).sub;
  if (typeof sub !== 'string') throw new Error('token has no subject');
  return sub;
}

/** Exchanges the code from the callback URL for tokens; returns the session and where to go next. */
export async function completeSignIn(config: CognitoConfig, url: URL): Promise<{ session: StoredSession; next: string }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  const code = url.searchParams.get('code');
  // The state must be the one we sent: otherwise someone else started this sign-in.
  if (!pending || !code || url.searchParams.get('state') !== pending.state) throw new Error('sign-in state mismatch');
  const res = await fetch(`https://${hostOf(config)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const tokens = (await res.json()) as { id_token?: string; access_token?: string; expires_in?: number };
  // The ID token, like the local dev token, carries the person's name and `aud` = our client id,
  // which is what the HTTP API's JWT authorizer checks.
  const token = tokens.id_token ?? tokens.access_token;
  if (!token) throw new Error('no token in the answer');
  const expiresAt = new Date(Date.now() + (tokens.expires_in ?? 3600) * 1000).toISOString();
  return {
    session: { token, userId: subOf(token), expiresAt, provider: 'cognito' },
    next: pending.next,
  };
}

/** Ends the hosted UI's own session too, so the next person on a shared phone must sign in afresh. */
export function signOutOfHostedUi(config: CognitoConfig): void {
  const q = new URLSearchParams({ client_id: config.clientId, logout_uri: `${location.origin}/` });
  location.assign(`https://${hostOf(config)}/logout?${q.toString()}`);
}
