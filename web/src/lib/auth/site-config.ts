/**
 * Where are we? On AWS the site stack publishes /config.json (API base and the Cognito app
 * client); locally it is absent (404) and the dev server's demo sign-in is used instead.
 */
import * as z from 'zod/mini';
import { setApiBase } from '../http.js';

const CognitoConfig = z.object({
  /** Hosted UI host, e.g. `gongzhi.auth.ap-east-1.amazoncognito.com` (a bare prefix is accepted too). */
  domain: z.string().check(z.minLength(1)),
  clientId: z.string().check(z.minLength(1)),
  region: z.string().check(z.minLength(1)),
});
const SiteConfig = z.object({ apiBase: z._default(z.string().check(z.minLength(1)), '/api'), cognito: CognitoConfig });
export type SiteConfig = z.infer<typeof SiteConfig>;
export type CognitoConfig = z.infer<typeof CognitoConfig>;

let pending: Promise<SiteConfig | null> | null = null;

async function load(): Promise<SiteConfig | null> {
  const res = await fetch('/config.json', { cache: 'no-store' }).catch(() => null);
  if (!res || !res.ok) return null;
  const parsed = SiteConfig.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return null;
  setApiBase(parsed.data.apiBase);
  return parsed.data;
}

/** The deployed configuration, or null when running locally. Fetched once per page load. */
export function siteConfig(): Promise<SiteConfig | null> {
  pending ??= load();
  return pending;
}
