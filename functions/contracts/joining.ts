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
import { z } from 'zod';
import { EstateId, HouseholdId, Slug, Timestamp, Ulid, UserId } from './common.js';
import { Evidence } from './registry.js';

export const Relation = z.enum(['owner', 'tenant', 'family']);
const DisplayName = z.string().trim().min(1).max(60);
const BirthYear = z.number().int().min(1900).max(2100);

/**
 * What the person agreed to when joining (shown on the join page): the basic notice is required; the
 * separate consent for birth years (a sensitive field under PIPL) only when they give one.
 */
export const Consent = z.strictObject({
  /** The version of the notice shown, e.g. `2026-12`. */
  notice: z.string().regex(/^\d{4}-\d{2}$/),
  sensitive: z.boolean().default(false),
});

// ---- Codes ----
/** 12 characters of Crockford base-32 shown as XXXX-XXXX-XXXX; dashes, spaces and case do not matter. */
export const JoinCode = z.string().trim().min(12).max(20)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'must be the 12-character code on the letter'));
export const IssueCodesBody = z.strictObject({
  /** Only this building's households; absent: every household of the estate. */
  building: z.string().trim().min(1).max(20).optional(),
  /** Days until the codes stop working. */
  validDays: z.number().int().min(1).max(180).default(30),
  /** Issue again for households whose earlier code is unused (the earlier one is revoked). */
  replace: z.boolean().default(false),
});
export const CodeStatus = z.enum(['issued', 'redeemed', 'revoked', 'expired']);
export const HouseholdCodeState = z.object({
  id: z.string().regex(/^[0-9a-f]{20}$/), householdId: HouseholdId, building: z.string(), room: z.string(),
  status: CodeStatus, issuedAt: Timestamp, expiresAt: Timestamp, issuedBy: UserId,
  redeemedBy: UserId.nullable(), redeemedAt: Timestamp.nullable(),
});
export type HouseholdCodeState = z.infer<typeof HouseholdCodeState>;
/** One letter: the code in clear, once. */
export const HouseholdLetter = HouseholdCodeState.extend({ code: z.string() });
export const HouseholdCodeBatch = z.object({
  estateId: EstateId, estateName: z.string(), communityName: z.string(), letters: z.array(HouseholdLetter),
  /** Households skipped because they still have an unused code (ask again with `replace`). */
  skipped: z.array(HouseholdId),
});
export const HouseholdCodeList = z.object({ estateId: EstateId, items: z.array(HouseholdCodeState) });
export const CodeParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{20}$/, 'must be a code id') });

export const JoinWithCodeBody = z.strictObject({
  code: JoinCode,
  relation: Relation,
  displayName: DisplayName,
  consent: Consent,
});
export const HouseholdParams = z.strictObject({ householdId: HouseholdId });

// ---- Requests ----
export const HouseholdRequestBody = z.strictObject({
  estateId: EstateId,
  building: z.string().trim().min(1).max(20),
  room: z.string().trim().min(1).max(20),
  relation: Relation,
  displayName: DisplayName,
  /** What the person can show staff (optional): "产权证在家，可以上门看". */
  note: z.string().trim().max(300).optional(),
  consent: Consent,
});
export const RequestStatus = z.enum(['pending', 'accepted', 'refused']);
export const HouseholdRequest = z.object({
  id: Ulid, communityId: Slug, estateId: EstateId, householdId: HouseholdId.nullable(), building: z.string(), room: z.string(),
  relation: Relation, userId: UserId, displayName: z.string(), note: z.string().nullable(), status: RequestStatus,
  createdAt: Timestamp, decidedAt: Timestamp.nullable(), decidedBy: UserId.nullable(), reason: z.string().nullable(),
});
export type HouseholdRequest = z.infer<typeof HouseholdRequest>;
export const HouseholdRequestList = z.object({ items: z.array(HouseholdRequest) });
export const RequestQueueQuery = z.strictObject({ status: RequestStatus.optional() });
export const DecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), evidence: Evidence }),
  z.strictObject({ decision: z.literal('refuse'), reason: Evidence }),
]);
export const EndMembershipParams = z.strictObject({ id: HouseholdId, userId: UserId });
export const EndMembershipBody = z.strictObject({ reason: Evidence });
export const HouseholdMember = z.object({ householdId: HouseholdId, userId: UserId, relation: Relation, active: z.boolean() });

// ---- People without phones ----
export const RegisterPersonBody = z.strictObject({
  displayName: DisplayName,
  householdId: HouseholdId,
  relation: Relation,
  /** Sensitive (PIPL): only with the person's consent, recorded in `evidence`. */
  birthYear: BirthYear.optional(),
  /** How the grid member reaches them: a note, never a full phone number. */
  contactNote: z.string().trim().max(200).default('通过网格员联系'),
  evidence: Evidence,
});
export const PersonParams = z.strictObject({ id: Slug, personId: UserId });
export const LinkPersonBody = z.strictObject({ userId: UserId, evidence: Evidence });
export const Person = z.object({
  id: UserId, communityId: Slug, displayName: z.string(), householdId: HouseholdId, relation: Relation,
  birthYear: BirthYear.nullable(), contactNote: z.string(), registeredBy: UserId, registeredAt: Timestamp,
  /** The account that signs in for this person now, once linked. */
  linkedUserId: UserId.nullable(),
});
export type Person = z.infer<typeof Person>;
export const PersonList = z.object({ items: z.array(Person) });

// ---- PIPL ----
export const MyData = z.object({
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
});
export type MyData = z.infer<typeof MyData>;
export const LeftPlatform = z.object({
  userId: UserId, leftAt: Timestamp,
  /** The name public records (ledger, ballots, timelines) now carry instead of yours. */
  pseudonym: z.string(),
  membershipsEnded: z.number().int(), fieldsErased: z.number().int(),
});
export const LeaveBody = z.strictObject({ confirm: z.literal(true) });
export type LeftPlatform = z.infer<typeof LeftPlatform>;
