/**
 * Where are we? On AWS the api stack publishes /config.json (API base and who signs people in:
 * Cognito or any OpenID Connect provider, infra/identity.ts); locally it is absent (404) and the
 * dev server's demo sign-in is used instead.
 */
import * as z from 'zod/mini';
import { setApiBase } from '../http.js';

/** Sign-in pages and token endpoints only over TLS: a code or a token must never cross in clear. */
const HttpsUrl = z.url({ protocol: /^https$/ });

const AuthConfig = z.object({
  /** 'cognito' changes only how sign-out is asked for (Cognito's /logout has its own form). */
  provider: z.enum(['cognito', 'oidc']),
  /** The tokens' `iss`, e.g. `https://cognito-idp.<region>.amazonaws.com/<poolId>`; its discovery document names any endpoint left out below. */
  issuer: HttpsUrl,
  clientId: z.string().check(z.minLength(1)),
  /** Must ask for `openid`: the ID token (its `sub`, `aud`, `nonce`) is how we know who signed in. */
  scope: z.string().check(z.refine((s) => s.split(/\s+/).includes('openid'), 'scope must contain openid')),
  /** Which token the pages send to the API as Bearer: the one whose audience the API's authorizer accepts. */
  apiToken: z.enum(['id', 'access']),
  authorizationEndpoint: z.optional(HttpsUrl),
  tokenEndpoint: z.optional(HttpsUrl),
  endSessionEndpoint: z.optional(HttpsUrl),
});
const SiteConfig = z.object({ apiBase: z._default(z.string().check(z.minLength(1)), '/api'), auth: AuthConfig });
export type SiteConfig = z.infer<typeof SiteConfig>;
export type AuthConfig = z.infer<typeof AuthConfig>;

/** A config.json body as the pages use it, or null when it is not one (e.g. the old `cognito` shape). */
export function parseSiteConfig(body: unknown): SiteConfig | null {
  const parsed = SiteConfig.safeParse(body);
  return parsed.success ? parsed.data : null;
}

let pending: Promise<SiteConfig | null> | null = null;

async function load(): Promise<SiteConfig | null> {
  const res = await fetch('/config.json', { cache: 'no-store' }).catch(() => null);
  if (!res || !res.ok) return null;
  const config = parseSiteConfig(await res.json().catch(() => null));
  if (config) setApiBase(config.apiBase);
  return config;
}

/** The deployed configuration, or null when running locally. Fetched once per page load. */
export function siteConfig(): Promise<SiteConfig | null> {
  pending ??= load();
  return pending;
}
