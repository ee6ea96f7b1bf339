/**
 * Issue #14 item 4, the API half: every public GET says how long CloudFront may keep it
 * (functions/shared/http/edge-cache.ts), route by route, against the demo community: the browser is
 * always told `private, no-store`, and what the handler tells the edge for a visitor carries `public, max-age=0, s-maxage, stale-while-revalidate`; the same request with a
 * token carries `private, no-store`; the personal calendar feed and health are never cacheable;
 * errors never are. The CloudFront half (the cache policy) is in test/infra/site-stack.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '../../functions/routes.js';
import { edgeCache } from '../../functions/shared/http/edge-cache.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const publicGets = (routes as readonly RouteDef[]).filter((r) => r.access === 'public' && r.method === 'GET');

/** `cache`: what the handler told the edge (the local server, as CloudFront, gives the browser `private, no-store` and shows it as x-edge-cache-control). */
async function raw(path: string, token?: string): Promise<{ status: number; cache: string | null; browser: string | null }> {
  const res = await fetch(`${api.base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await res.arrayBuffer();
  return { status: res.status, cache: res.headers.get('x-edge-cache-control'), browser: res.headers.get('cache-control') };
}

/** A real path for each public GET row, from the demo community's own lists. */
async function paths(): Promise<Record<string, string>> {
  const c = 'community=chating';
  const first = async (path: string, token?: string) => ((await api.call('GET', path, token ? { token } : {})).body.items[0] as { id: string }).id;
  const resident = await as('resident1');
  const feed = await api.call<{ url: string }>('POST', '/api/me/calendar-feed', { token: resident });
  expect(feed.status, JSON.stringify(feed.body)).toBeLessThan(300);
  const token = /calendar-feeds\/([^/?]+)/.exec(feed.body.url)![1]!;
  const [proposal, activity, ballot, entry, project, space] = await Promise.all([
    first(`/api/proposals?${c}`), first(`/api/activities?${c}`), first(`/api/ballots?${c}`), first(`/api/ledger?${c}`),
    first(`/api/projects?${c}`), first(`/api/spaces?${c}`),
  ]);
  // Receipts are published once a ballot closes: the first ballot that has them.
  const ballots = (await api.call<{ items: { id: string }[] }>('GET', `/api/ballots?${c}`)).body.items;
  let closed = ballot;
  for (const b of ballots) if ((await raw(`/api/ballots/${b.id}/receipts`)).status === 200) { closed = b.id; break; }
  return {
    health: '/api/health', openapi: '/api/openapi.json',
    'proposals.list': `/api/proposals?${c}`, 'proposals.get': `/api/proposals/${proposal}`, 'comments.list': `/api/proposals/${proposal}/comments`,
    'spaces.list': `/api/spaces?${c}`, 'activities.list': `/api/activities?${c}`, 'activities.get': `/api/activities/${activity}`,
    'calendars.space': `/api/spaces/${space}/calendar.ics?${c}`, 'calendars.feed': `/api/calendar-feeds/${token}`,
    'communities.list': '/api/communities', 'estates.list': '/api/communities/chating/estates',
    'projects.list': `/api/projects?${c}`, 'projects.get': `/api/projects/${project}?${c}`,
    'ledger.list': `/api/ledger?${c}`, 'ledger.summary': `/api/ledger/summary?${c}`, 'ledger.entry': `/api/ledger/entries/${entry}?${c}`,
    'ledger.verify': `/api/ledger/verify?${c}`, 'ledger.export.json': `/api/ledger/export.json?${c}`, 'ledger.export.csv': `/api/ledger/export.csv?${c}`,
    'roll.summary': '/api/estates/chating.dongyuan/roll/summary',
    'ballots.list': `/api/ballots?${c}`, 'ballots.get': `/api/ballots/${ballot}`, 'ballots.receipts': `/api/ballots/${closed}/receipts`,
  };
}

describe('public reads say how long the edge may keep them', () => {
  it('lists every public GET, and nothing else', () => {
    expect(Object.keys(edgeCache).sort()).toEqual(publicGets.map((r) => r.id).sort());
  });

  it('answers each, route by route: cacheable for a visitor, private with a token, never for the personal feed', async () => {
    const byRow = await paths();
    expect(Object.keys(byRow).sort()).toEqual(publicGets.map((r) => r.id).sort());
    const staff = await as('staff1');
    for (const row of publicGets) {
      const path = byRow[row.id]!;
      const policy = edgeCache[row.id as keyof typeof edgeCache]!;
      const visitor = await raw(path);
      expect(visitor.status, `${row.id} ${path}`).toBe(200);
      expect(visitor.browser, `${row.id}: what the browser keeps`).toBe('private, no-store');
      if (typeof policy === 'object') {
        expect(visitor.cache, row.id).toBe(`public, max-age=0, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.swr}`);
      } else if (typeof policy === 'function') {
        // Depends on the answer: the cases are below.
        expect(visitor.cache, row.id).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      } else {
        expect(visitor.cache, row.id).toMatch(/no-store|no-cache/);
        expect(visitor.cache, row.id).not.toMatch(/s-maxage|public/);
      }
      const signedIn = await raw(path, staff);
      expect(signedIn.status, `${row.id} with a token`).toBeLessThan(300);
      expect(signedIn.cache, `${row.id} with a token`).toMatch(/^(private, no-store|no-store|no-cache)$/);
    }
    expect(byRow['calendars.feed'] && (await raw(byRow['calendars.feed']!)).cache).toBe('private, no-store');
  });

  it('keeps a ledger export through a length it has for a year, the growing ledger a minute', async () => {
    const c = 'community=chating';
    const { length } = (await api.call<{ length: number }>('GET', `/api/ledger/summary?${c}`)).body;
    expect(length).toBeGreaterThan(1);
    for (const file of ['export.json', 'export.csv']) {
      expect((await raw(`/api/ledger/${file}?${c}`)).cache).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
      expect((await raw(`/api/ledger/${file}?${c}&through=${length}`)).cache).toBe('public, max-age=0, s-maxage=31536000, stale-while-revalidate=0');
      const beyond = await raw(`/api/ledger/${file}?${c}&through=${length + 1}`);
      expect([beyond.status, beyond.cache]).toEqual([404, 'no-store']);
    }
    const part = (await api.call<{ length: number; entries: unknown[] }>('GET', `/api/ledger/export.json?${c}&through=1`)).body;
    expect([part.length, part.entries.length]).toEqual([1, 1]);
    expect((await api.call('GET', `/api/ledger/export.json?${c}&through=0`)).status).toBe(400);
  });

  it('keeps a final ballot for a day, one still open or under objection for seconds', async () => {
    const ballots = (await api.call<{ items: { id: string; status: string }[] }>('GET', '/api/ballots?community=chating')).body.items;
    const byStatus = new Map(ballots.map((b) => [b.status, b.id]));
    expect(byStatus.has('final') && byStatus.has('open')).toBe(true);
    expect((await raw(`/api/ballots/${byStatus.get('final')}`)).cache).toBe('public, max-age=0, s-maxage=86400, stale-while-revalidate=86400');
    expect((await raw(`/api/ballots/${byStatus.get('open')}`)).cache).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
  });

  it('never marks an error cacheable', async () => {
    for (const path of ['/api/proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/api/ledger/summary', '/api/proposals/%ZZ']) {
      const r = await raw(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.cache, path).toBe('no-store');
    }
  });
});
