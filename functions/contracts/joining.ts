/**
 * How people join their household, how staff register residents without a phone, and what the
 * platform keeps about each person (PIPL: see it, take it, leave).
 *
 * Endpoints (all under /api):
 * - POST   /estates/{id}/household-codes              staff: one-time join codes for a building's households
 *                                                     (or the whole estate); the codes are shown once, in this
 *                                                     answer, for the printed letters. → HouseholdCodeBatch
 * - GET    /estates/{id}/household-codes              staff: every code's state (never the code itself). → HouseholdCodeList
 * - DELETE /household-codes/{id}                      staff: revoke a code not yet used. → HouseholdCodeState
 * - POST   /me/household                              signed in: join with a code `{code, relation, displayName, consent}`. → Me
 * - DELETE /me/household/{householdId}                the member: leave a household (moving out). → Me
 * - POST   /me/household-requests                     signed in: ask to join a household. → HouseholdRequest
 * - GET    /me/household-requests                     the caller's own requests. → HouseholdRequestList
 * - GET    /communities/{id}/household-requests       staff: the queue (pending first). → HouseholdRequestList
 * - POST   /household-requests/{id}/decision          staff: accept or refuse, with the evidence or reason. → HouseholdRequest
 * - DELETE /households/{id}/members/{userId}          staff: end a membership (moved out), with a reason. → HouseholdMember
 * - POST   /communities/{id}/people                   staff: register a resident who has no account. → Person
 * - GET    /communities/{id}/people                   staff: the offline residents they look after. → PersonList
 * - POST   /communities/{id}/people/{personId}/link   staff: the person now signs in; their account takes over. → Person
 * - GET    /me/data                                   signed in: everything held about the caller. → MyData
 * - DELETE /me                                        signed in: leave the platform. → LeftPlatform
 */
import * as z from 'zod/mini';
import { EstateId, HouseholdId, Slug, Timestamp, Ulid, UserId } from './common.js';
import { Evidence } from './registry.js';
import { lazy } from './lazy.js';

export const Relation = lazy(() => z.enum(['owner', 'tenant', 'family']));
const DisplayName = lazy(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(60)));
const BirthYear = lazy(() => z.int().check(z.gte(1900), z.lte(2100)));

/**
 * What the person agreed to when joining (shown on the join page): the basic notice is required; the
 * separate consent for birth years (a sensitive field under PIPL) only when they give one.
 */
export const Consent = lazy(() => z.strictObject({
  /** The version of the notice shown, e.g. `2026-12`. */
  notice: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  sensitive: z._default(z.boolean(), false),
}));

// ---- Codes ----
/** 12 characters of Crockford base-32 shown as XXXX-XXXX-XXXX; dashes, spaces and case do not matter. */
export const JoinCode = lazy(() => z.pipe(z.pipe(z.string().check(z.trim(), z.minLength(12), z.maxLength(20)), z.transform((s) => s.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0'))), z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'must be the 12-character code on the letter'))));
export const IssueCodesBody = lazy(() => z.strictObject({
  /** Only this building's households; absent: every household of the estate. */
  building: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))),
  /** Days until the codes stop working. */
  validDays: z._default(z.int().check(z.gte(1), z.lte(180)), 30),
  /** Issue again for households whose earlier code is unused (the earlier one is revoked). */
  replace: z._default(z.boolean(), false),
}));
export const CodeStatus = lazy(() => z.enum(['issued', 'redeemed', 'revoked', 'expired']));
export const HouseholdCodeState = lazy(() => z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{20}$/)), householdId: HouseholdId, building: z.string(), room: z.string(),
  status: CodeStatus, issuedAt: Timestamp, expiresAt: Timestamp, issuedBy: UserId,
  redeemedBy: z.nullable(UserId), redeemedAt: z.nullable(Timestamp),
}));
export type HouseholdCodeState = z.infer<typeof HouseholdCodeState>;
/** One letter: the code in clear, once. */
export const HouseholdLetter = lazy(() => z.extend(HouseholdCodeState, { code: z.string() }));
export const HouseholdCodeBatch = lazy(() => z.object({
  estateId: EstateId, estateName: z.string(), communityName: z.string(), letters: z.array(HouseholdLetter),
  /** Households skipped because they still have an unused code (ask again with `replace`). */
  skipped: z.array(HouseholdId),
}));
export const HouseholdCodeList = lazy(() => z.object({ estateId: EstateId, items: z.array(HouseholdCodeState) }));
export const CodeParams = lazy(() => z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{20}$/, 'must be a code id')) }));

export const JoinWithCodeBody = lazy(() => z.strictObject({
  code: JoinCode,
  relation: Relation,
  displayName: DisplayName,
  consent: Consent,
}));
export const HouseholdParams = lazy(() => z.strictObject({ householdId: HouseholdId }));

// ---- Requests ----
export const HouseholdRequestBody = lazy(() => z.strictObject({
  estateId: EstateId,
  building: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  room: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  relation: Relation,
  displayName: DisplayName,
  /** What the person can show staff (optional): "产权证在家，可以上门看". */
  note: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  consent: Consent,
}));
export const RequestStatus = lazy(() => z.enum(['pending', 'accepted', 'refused']));
export const HouseholdRequest = lazy(() => z.object({
  id: Ulid, communityId: Slug, estateId: EstateId, householdId: z.nullable(HouseholdId), building: z.string(), room: z.string(),
  relation: Relation, userId: UserId, displayName: z.string(), note: z.nullable(z.string()), status: RequestStatus,
  createdAt: Timestamp, decidedAt: z.nullable(Timestamp), decidedBy: z.nullable(UserId), reason: z.nullable(z.string()),
}));
export type HouseholdRequest = z.infer<typeof HouseholdRequest>;
export const HouseholdRequestList = lazy(() => z.object({ items: z.array(HouseholdRequest) }));
export const RequestQueueQuery = lazy(() => z.strictObject({ status: z.optional(RequestStatus) }));
export const DecisionBody = lazy(() => z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), evidence: Evidence }),
  z.strictObject({ decision: z.literal('refuse'), reason: Evidence }),
]));
export const EndMembershipParams = lazy(() => z.strictObject({ id: HouseholdId, userId: UserId }));
export const EndMembershipBody = lazy(() => z.strictObject({ reason: Evidence }));
export const HouseholdMember = lazy(() => z.object({ householdId: HouseholdId, userId: UserId, relation: Relation, active: z.boolean() }));

// ---- People without phones ----
export const RegisterPersonBody = lazy(() => z.strictObject({
  displayName: DisplayName,
  householdId: HouseholdId,
  relation: Relation,
  /** Sensitive (PIPL): only with the person's consent, recorded in `evidence`. */
  birthYear: z.optional(BirthYear),
  /** How the grid member reaches them: a note, never a full phone number. */
  contactNote: z._default(z.string().check(z.trim(), z.maxLength(200)), '通过网格员联系'),
  evidence: Evidence,
}));
export const PersonParams = lazy(() => z.strictObject({ id: Slug, personId: UserId }));
export const LinkPersonBody = lazy(() => z.strictObject({ userId: UserId, evidence: Evidence }));
export const Person = lazy(() => z.object({
  id: UserId, communityId: Slug, displayName: z.string(), householdId: HouseholdId, relation: Relation,
  birthYear: z.nullable(BirthYear), contactNote: z.string(), registeredBy: UserId, registeredAt: Timestamp,
  /** The account that signs in for this person now, once linked. */
  linkedUserId: z.nullable(UserId),
}));
export type Person = z.infer<typeof Person>;
export const PersonList = lazy(() => z.object({ items: z.array(Person) }));

// ---- PIPL ----
export const MyData = lazy(() => z.object({
  exportedAt: Timestamp,
  userId: UserId,
  /** Plain words: what is kept, why, who sees it (the same notice as at joining). */
  notice: z.string(),
  /** Every item the platform holds about the caller, by context, as stored (keys removed). */
  community: z.array(z.record(z.string(), z.unknown())),
  proposals: z.array(z.record(z.string(), z.unknown())),
  activities: z.array(z.record(z.string(), z.unknown())),
  donations: z.array(z.record(z.string(), z.unknown())),
  ballots: z.array(z.record(z.string(), z.unknown())),
  notifications: z.array(z.record(z.string(), z.unknown())),
}));
export type MyData = z.infer<typeof MyData>;
export const LeftPlatform = lazy(() => z.object({
  userId: UserId, leftAt: Timestamp,
  /** The name public records (ledger, ballots, timelines) now carry instead of yours. */
  pseudonym: z.string(),
  membershipsEnded: z.int(), fieldsErased: z.int(),
  /**
   * The sign-in account (phone number or email): `deleted` from the platform's own Cognito pool (or
   * `already-gone`), `kept-by-provider` when another sign-in provider keeps it (close it there), `none`
   * when there is none (the local development sign-in).
   */
  signInAccount: z.enum(['deleted', 'already-gone', 'kept-by-provider', 'none']),
}));
export const LeaveBody = lazy(() => z.strictObject({ confirm: z.literal(true) }));
export type LeftPlatform = z.infer<typeof LeftPlatform>;
