/**
 * What a route-table row is. Kept apart from routes.ts so each context can list its rows in its
 * own `routes.ts` (contracts only) and the table spreads them in without a circular import.
 */
import type * as z from 'zod/mini';

export const contexts = ['community', 'proposals', 'activities', 'donations', 'ballots', 'notifications'] as const;
export type ContextName = (typeof contexts)[number];
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** public: no token needed (and none is read); user: any signed-in caller, roles checked in the use case. */
export type Access = 'public' | 'user';

/**
 * Who calls, as seen from the object a request is about: it belongs to community C and, when it has
 * one, to estate A of C (a proposal, an activity or the ledger has no estate: then A is simply one of
 * C's estates). Each role is that and nothing more: the committee member has a seat, not a flat.
 * test/integration/authorization-matrix.test.ts calls every row as every role and proves `allow`.
 */
export const callerRoles = {
  visitor: 'a visitor (not signed in)',
  donor: 'someone signed in with no household and no role (a donor)',
  tenant: 'a verified tenant of a household in estate A',
  resident: 'a verified owner of a household in estate A (its unit\'s voting representative on the roll)',
  'owner-other-estate': 'a verified owner of a household in another estate of community C',
  'committee-other-estate': 'a member of another estate\'s property-management committee in community C',
  committee: 'a member of estate A\'s property-management committee',
  'staff-other-community': 'staff of another community',
  staff: 'staff of community C',
  'platform-admin': 'the platform admin (the sub-district office)',
} as const;
export type CallerRole = keyof typeof callerRoles;
export type SignedInRole = Exclude<CallerRole, 'visitor'>;
/** Besides any role: the person the object itself names. */
export const parties = {
  'its-author': 'the proposal\'s author',
  'its-donor': 'the gift\'s donor',
  'its-representative': 'the unit\'s voting representative',
} as const;
export type Party = keyof typeof parties;
/**
 * Who may call a row. `anyone`: every caller, signed in or not (the public rows). `signed-in`: anyone
 * with a token; it acts on the caller's own things (their bookings, their data, their gifts). A list:
 * only those roles; every other signed-in role gets 403 (404 for `hiddenFrom`), a visitor 401.
 */
export type Allow = 'anyone' | 'signed-in' | readonly SignedInRole[];
/** Verified members of a household anywhere in community C (tenants too): who propose, back, comment, book. */
export const residentsOfC = ['tenant', 'resident', 'owner-other-estate'] as const satisfies readonly SignedInRole[];
/** Any estate's committee in C and C's staff: who answer proposals, organise activities, see who gave. */
export const committeesAndStaff = ['committee-other-estate', 'committee', 'staff'] as const satisfies readonly SignedInRole[];
/** Everyone signed in whom the community table knows (a household, a seat, a role): all but a bare donor. */
export const registered = [
  'tenant', 'resident', 'owner-other-estate', 'committee-other-estate', 'committee', 'staff-other-community', 'staff', 'platform-admin',
] as const satisfies readonly SignedInRole[];
/** C's staff and the platform admin, who may act as staff in every community's registry. */
export const staffOrAdmin = ['staff', 'platform-admin'] as const satisfies readonly SignedInRole[];

export interface RouteDef {
  readonly id: string;
  readonly method: Method;
  readonly path: `/api/${string}`;
  readonly context: ContextName;
  readonly access: Access;
  /** Who may call it: what the use case checks, stated here and proven by the authorization matrix. */
  readonly allow: Allow;
  /** Besides `allow`'s roles: the person the object names (the proposal's author, the gift's donor...). */
  readonly alsoAllow?: Party;
  /** Refused roles answered 404, not 403: for them the object is not there (another community's ledger). */
  readonly hiddenFrom?: readonly SignedInRole[];
  readonly summary: string;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
  /**
   * The `Idempotency-Key` header the route reads (a retried write with the same key gets the first
   * answer): `required` (400 without it) or `optional`. Documented in the OpenAPI document.
   */
  readonly idempotencyKey?: 'required' | 'optional';
  /** The response's media type when it is not JSON (then `response` is a string schema). */
  readonly produces?: 'text/calendar' | 'text/csv';
}

export const route = <const R extends RouteDef>(r: R): R => r;

/** Every role a row lets in (a party the object names aside), `visitor` only for public rows. */
export function allowedRoles(allow: Allow): CallerRole[] {
  const all = Object.keys(callerRoles) as CallerRole[];
  if (allow === 'anyone') return all;
  if (allow === 'signed-in') return all.filter((r) => r !== 'visitor');
  return all.filter((r) => allow.includes(r as SignedInRole));
}

/** `GET /api/proposals/{id}`: the API Gateway route key of a row. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;
