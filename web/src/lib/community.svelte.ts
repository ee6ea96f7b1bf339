/**
 * Which community the site shows. Every public read names its community (the API has no default):
 * a link that names one (`?community=`) wins and is remembered, then the signed-in person's own
 * community, then the one chosen before on this device, then the deployment's only community.
 * The transport (`http.ts`) adds it to the reads that need it, so pages never forget it.
 */
import { readSession } from './auth/stored-session.js';

const KEY = 'gongzhi.community';
const SLUG = /^[a-z0-9-]{1,40}$/;
let chosen: Promise<string | null> | null = null;
let known: string | null = null;

const fromUrl = (): string | null => {
  if (typeof location === 'undefined') return null;
  const c = new URLSearchParams(location.search).get('community');
  return c && SLUG.test(c) ? c : null;
};
const remembered = (): string | null => {
  try {
    const c = localStorage.getItem(KEY);
    return c && SLUG.test(c) ? c : null;
  } catch {
    return null;
  }
};

/** Remember a choice (the picker, or a shared link). */
export function chooseCommunity(id: string): void {
  chosen = Promise.resolve(id);
  known = id;
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

async function resolve(base: string): Promise<string | null> {
  const linked = fromUrl();
  if (linked) {
    chooseCommunity(linked);
    return linked;
  }
  const get = async <T>(path: string, token?: string): Promise<T | null> => {
    const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }).catch(() => null);
    return res?.ok ? ((await res.json()) as T) : null;
  };
  const token = readSession()?.token;
  const own = token ? (await get<{ communityId: string | null }>('/me', token))?.communityId ?? null : null;
  if (own) return own;
  const before = remembered();
  if (before) return before;
  const all = await get<{ items: { id: string }[] }>('/communities');
  return all?.items.length === 1 ? all.items[0]!.id : null;
}

/** The current community (resolved once per page load), or null when none can be told. */
export function currentCommunity(base: string): Promise<string | null> {
  chosen ??= resolve(base).then((c) => (known = c));
  return chosen;
}

/** The community once resolved (by the page's first read), for links built while rendering. */
export const knownCommunity = (): string | null => known;

/** The reads that name their community (the route table's rows with a `community` query). */
const SCOPED = [
  /^\/proposals$/, /^\/dashboard\/proposals$/, /^\/moderation\/reports$/, /^\/spaces$/, /^\/activities$/, /^\/spaces\/[^/]+\/calendar\.ics$/,
  /^\/donations(\/[^/]+)?$/, /^\/me\/donations$/, /^\/projects(\/[^/]+)?$/, /^\/ledger(\/summary|\/verify|\/export\.json|\/export\.csv|\/entries\/[^/]+)?$/,
  /^\/ballots$/,
];

/** `path` with `community=` added when it is a scoped read that does not name one yet. */
export function scoped(path: string, community: string | null, method = 'GET'): string {
  if (method !== 'GET' || community === null) return path;
  const [p, q = ''] = path.split('?');
  if (!SCOPED.some((r) => r.test(p!)) || new URLSearchParams(q).has('community')) return path;
  return `${p}?${q ? `${q}&` : ''}community=${encodeURIComponent(community)}`;
}
