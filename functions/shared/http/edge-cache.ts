/**
 * How long CloudFront may keep each public GET's answer (infra/site-stack.ts keys its `/api/*`
 * cache on the query string and the Authorization header, and keeps nothing the API does not mark).
 *
 * - A visitor's or a display screen's request to a row listed with times gets
 *   `public, max-age=0, s-maxage=S, stale-while-revalidate=W`: the edge answers it for S seconds,
 *   then serves the old answer for up to W more while it fetches a new one. Browsers always ask again.
 * - A request that carries an Authorization header gets `private, no-store`, cached nowhere: a
 *   signed-in resident sees their own proposal, booking or vote the moment after they make it.
 * - `personal` rows (an address that is itself a secret, like a calendar feed token) and `live` rows
 *   are never cached. Errors are never cached.
 * Every public GET must be listed (test/integration/edge-cache.test.ts): a new public read chooses.
 *
 * Browsers never keep an API answer: `stale-while-revalidate` would let a browser show a stale list
 * too (and a visitor who then signs in would read the visitor's copy), so CloudFront's response
 * headers policy for `/api/*` sets `Cache-Control: private, no-store` towards the viewer after the
 * edge has decided what to keep (infra/site-stack.ts); the local server does the same and shows what
 * CloudFront would keep as `x-edge-cache-control`.
 */
import type { RouteId } from '../../routes.js';

/** What every browser receives on an API answer (CloudFront's `/api/*` response headers policy, and the local server). */
export const viewerCacheControl = 'private, no-store';

export type EdgePolicy = { readonly sMaxAge: number; readonly swr: number } | 'personal' | 'live';
/** What a row's policy may depend on: the parsed query and the answer (a final ballot is not an open one). */
export interface Answer { readonly query: Readonly<Record<string, unknown>>; readonly result: unknown }
export type EdgeRule = EdgePolicy | ((answer: Answer) => EdgePolicy);

const seconds = (sMaxAge: number, swr: number): EdgePolicy => ({ sMaxAge, swr });
const DAY = 86_400;
/** An answer that can never change (infra/api-cache.ts lets the edge keep it this long). */
const forever = seconds(365 * DAY, 0);
/** The open ledger grows; the part up to a length it already has never changes (`through`, contracts/ledger.ts). */
const ledgerExport: EdgeRule = ({ query }) => (query.through === undefined ? seconds(60, 300) : forever);
/** A ballot's page: a final result is settled (a day); while votes come in or objections may, a short time. */
const ballotStatus = (result: unknown) => (result as { status?: string } | null)?.status;
const ballot: EdgeRule = ({ result }) => (ballotStatus(result) === 'final' ? seconds(DAY, DAY) : seconds(10, 30));
/** Lists that residents refresh while things happen: a few seconds old at most. */
const lively = seconds(15, 60);
/** The community's furniture: spaces, estates, communities. */
const settled = seconds(300, 3600);

export const edgeCache: Partial<Record<RouteId, EdgeRule>> = {
  health: 'live',
  openapi: seconds(3600, 86_400),
  'proposals.list': lively,
  'proposals.get': lively,
  'comments.list': lively,
  'spaces.list': settled,
  'activities.list': lively,
  // Seats left: the booking itself is the authority; the page is at most 10 s behind.
  'activities.get': seconds(10, 30),
  'calendars.space': settled,
  'calendars.feed': 'personal',
  'communities.list': settled,
  'estates.list': settled,
  'projects.list': seconds(60, 300),
  'projects.get': seconds(60, 300),
  'ledger.list': seconds(30, 120),
  'ledger.summary': seconds(30, 120),
  'ledger.entry': seconds(60, 600),
  'ledger.verify': seconds(60, 300),
  'ledger.export.json': ledgerExport,
  'ledger.export.csv': ledgerExport,
  'roll.summary': seconds(60, 300),
  'ballots.list': lively,
  // The screen polls each minute while a ballot is open: one answer serves every screen and visitor.
  'ballots.get': ballot,
  // Published when the ballot closes and fixed from then (the answer does not say whether the notice period is over).
  'ballots.receipts': seconds(300, 3600),
};

/** The Cache-Control of a successful answer to this row, for a request with or without a token. */
export function cacheControlFor(id: string, signedIn: boolean, fallback: string, answer: Answer = { query: {}, result: null }): string {
  const rule = edgeCache[id as RouteId];
  const policy = typeof rule === 'function' ? rule(answer) : rule;
  if (policy === 'personal') return 'private, no-store';
  if (signedIn) return policy === undefined ? fallback : 'private, no-store';
  if (policy === undefined || policy === 'live') return fallback;
  return `public, max-age=0, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.swr}`;
}
