/**
 * The community registry: communities, the people who run them (platform admin → staff → estate
 * committees), estates and their households, pocket-park spaces, settings, and the append-only audit
 * log of every grant, revocation, verification and registry change.
 *
 * Endpoints (all under /api):
 * - GET    /communities                          public: every community on this deployment. → CommunityList
 * - POST   /communities                          platform admin: create one. → Community
 * - PUT    /communities/{id}/settings            staff or platform admin: participation settings. → Community
 * - PUT    /communities/{id}/staff/{userId}      platform admin: appoint staff, with evidence. → RoleGrant
 * - DELETE /communities/{id}/staff/{userId}      platform admin: revoke, with a reason (body). → RoleGrant
 * - GET    /communities/{id}/staff               staff or platform admin: who holds which role now. → RoleHolders
 * - GET    /communities/{id}/audit               staff or platform admin: the audit log, newest first. → AuditPage
 * - GET    /communities/{id}/estates             public: the community's estates. → EstateList
 * - POST   /communities/{id}/estates             staff: create an estate. → Estate
 * - PUT    /estates/{id}/committee/{userId}      staff: seat a committee member, evidence required. → RoleGrant
 * - DELETE /estates/{id}/committee/{userId}      staff: unseat, with a reason. → RoleGrant
 * - PUT    /estates/{id}/households              staff: import buildings and households from CSV. → HouseholdImport
 * - GET    /estates/{id}/households              staff or the estate's committee: the registry. → HouseholdList
 * - POST   /communities/{id}/spaces              staff: add a pocket park or other bookable space. → Space
 * - PATCH  /communities/{id}/spaces/{spaceId}    staff: change a space's name, hours, capacity, notes. → Space
 *
 * Household CSV (UTF-8 or GB18030/GBK as Excel saves it; first line the header; columns in any order):
 *   building   楼栋 label, e.g. `1` or `3栋`                       (required)
 *   room       door label, e.g. `101`                              (required)
 *   area_m2    exclusive floor area in m², at most two decimals    (required, > 0)
 *   owners     owners' names, `;`-separated; `developer` alone for an unsold unit (required)
 *   tenants    tenants' names, `;`-separated                       (optional)
 *   phone_hint the last 4 digits of a contact phone, for the grid member (optional; never a full number)
 * Header names may also be the Chinese ones: 楼栋, 房号, 面积, 业主, 租户, 电话尾号.
 */
import * as z from 'zod/mini';
import { Space } from './activities.js';
import { Cursor, EstateId, HouseholdId, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';
import { lazy } from './lazy.js';

const PerDay = lazy(() => z.int().check(z.gte(0), z.lte(10_000)));

export const CommunitySettingsBody = lazy(() => z.strictObject({
  /** Backing that moves an open proposal to review. */
  supportThreshold: z.int().check(z.gte(1), z.lte(100_000)),
  /** How many open proposals one resident may back at once; 0 = no limit. */
  supportLimit: z.int().check(z.gte(0), z.lte(1000)),
  /** Days an answer or a result stays on public notice (公示期). */
  noticePeriodDays: z.int().check(z.gte(1), z.lte(90)),
  /**
   * How many of each write one person may send per day (Beijing time, from midnight), so nobody
   * can flood the others; 0 = no limit. Staff acting in their community are never held by these.
   * Optional in a change: what is left out stays as it was.
   */
  proposalsPerDay: z.optional(PerDay),
  commentsPerDay: z.optional(PerDay),
  reportsPerDay: z.optional(PerDay),
  objectionsPerDay: z.optional(PerDay),
  householdRequestsPerDay: z.optional(PerDay),
}));
export type CommunitySettingsBody = z.infer<typeof CommunitySettingsBody>;
/** The settings as stored and shown: every limit filled in. */
export const CommunitySettings = lazy(() => z.required(CommunitySettingsBody));

const Name = lazy(() => z.string().check(z.trim(), z.minLength(2), z.maxLength(60)));
const NameEn = lazy(() => z.string().check(z.trim(), z.minLength(2), z.maxLength(80)));
/** What the person granting, revoking or deciding saw: "街道办任命文件 2026-12 号", "saw the property certificate". */
export const Evidence = lazy(() => z.string().check(z.trim(), z.minLength(4), z.maxLength(500)));

export const CreateCommunityBody = lazy(() => z.strictObject({
  id: Slug,
  name: Name,
  nameEn: z.optional(NameEn),
  district: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(60))),
  settings: z.optional(z.partial(CommunitySettingsBody)),
}));
export const Community = lazy(() => z.object({
  id: Slug, name: z.string(), nameEn: z.nullable(z.string()), district: z.nullable(z.string()),
  settings: CommunitySettings, createdAt: Timestamp,
}));
export type Community = z.infer<typeof Community>;
export const CommunityList = lazy(() => z.object({ items: z.array(Community) }));
export const CommunityParams = lazy(() => z.strictObject({ id: Slug }));

// ---- Roles ----
export const RoleKind = lazy(() => z.enum(['platform-admin', 'staff', 'committee']));
export const GrantBody = lazy(() => z.strictObject({
  /** How the person is shown (their own name); kept only while they hold the role or live here. */
  displayName: z.optional(Name),
  evidence: Evidence,
}));
export const RevokeBody = lazy(() => z.strictObject({ reason: Evidence }));
export const StaffParams = lazy(() => z.strictObject({ id: Slug, userId: UserId }));
export const CommitteeParams = lazy(() => z.strictObject({ id: EstateId, userId: UserId }));
export const RoleGrant = lazy(() => z.object({
  userId: UserId, role: RoleKind, scope: z.string(), active: z.boolean(),
  /** false when the request changed nothing (already appointed, already revoked). */
  changed: z.boolean(),
  at: Timestamp,
}));
export type RoleGrant = z.infer<typeof RoleGrant>;
export const RoleHolder = lazy(() => z.object({
  userId: UserId, displayName: z.string(), role: RoleKind, scope: z.string(), since: Timestamp, evidence: z.string(),
}));
export const RoleHolders = lazy(() => z.object({ items: z.array(RoleHolder) }));

// ---- Audit ----
export const AuditAction = lazy(() => z.enum([
  'community.create', 'settings.change', 'staff.grant', 'staff.revoke', 'committee.grant', 'committee.revoke',
  'platform-admin.grant', 'platform-admin.revoke', 'estate.create', 'households.import', 'space.create', 'space.change',
  'codes.issue', 'codes.revoke', 'household.join', 'household.request', 'household.accept', 'household.refuse',
  'household.end', 'household.leave', 'person.register', 'person.link', 'person.leave', 'community.import',
]));
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditEntry = lazy(() => z.object({
  id: Ulid, communityId: z.string(), at: Timestamp, actorId: UserId, action: AuditAction,
  /** What it was about: a user id, an estate, a household, a space. */
  subject: z.string(),
  evidence: z.nullable(z.string()),
  /** Small facts of the change (counts, old and new values); never a phone number or a birth year. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
}));
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = lazy(() => z.strictObject({ limit: PageLimit, cursor: z.optional(Cursor) }));
export const AuditPage = lazy(() => z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(Cursor) }));

// ---- Estates and households ----
export const CreateEstateBody = lazy(() => z.strictObject({
  /** The estate's own short name; its id becomes `<community>.<slug>`. */
  slug: Slug,
  name: Name,
  nameEn: z.optional(NameEn),
}));
export const Estate = lazy(() => z.object({
  id: EstateId, communityId: Slug, name: z.string(), nameEn: z.nullable(z.string()),
  households: z.int().check(z.gte(0)), buildings: z.array(z.string()), createdAt: Timestamp,
}));
export type Estate = z.infer<typeof Estate>;
export const EstateList = lazy(() => z.object({ items: z.array(Estate) }));
export const EstateIdParams = lazy(() => z.strictObject({ id: EstateId }));

export const HouseholdImportBody = lazy(() => z.strictObject({
  /** The file's text, or its bytes in base64 (`encoding: 'base64'`) when Excel saved it as GB18030/GBK. */
  csv: z.string().check(z.minLength(1), z.maxLength(3_000_000)),
  encoding: z._default(z.enum(['text', 'base64']), 'text'),
}));
export const Household = lazy(() => z.object({
  id: HouseholdId, estateId: EstateId, building: z.string(), room: z.string(),
  areaCentiM2: z.int().check(z.gte(1)), owners: z.array(z.string()), tenants: z.array(z.string()),
  phoneHint: z.nullable(z.string()),
  /** Verified members now (owners, tenants, family) — ids only, for staff. */
  members: z.array(z.object({ userId: UserId, displayName: z.string(), relation: z.enum(['owner', 'tenant', 'family']) })),
}));
export type Household = z.infer<typeof Household>;
export const HouseholdList = lazy(() => z.object({ estateId: EstateId, items: z.array(Household) }));
export type HouseholdList = z.infer<typeof HouseholdList>;
export const HouseholdImport = lazy(() => z.object({
  estateId: EstateId, households: z.int(), buildings: z.array(z.string()),
  added: z.int(), changed: z.int(), unchanged: z.int(),
  /** Households of the registry missing from this file; they stay (end them one by one), listed for staff to check. */
  missing: z.array(HouseholdId),
  hash: z.string(),
}));
export type HouseholdImport = z.infer<typeof HouseholdImport>;

// ---- Spaces ----
export const HoursText = lazy(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM-HH:MM')));
export const CreateSpaceBody = lazy(() => z.strictObject({
  id: Slug,
  name: Name,
  nameEn: z.optional(NameEn),
  description: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
  descriptionEn: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  openingHours: HoursText,
  capacity: z.int().check(z.gte(1), z.lte(10_000)),
  accessibility: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
  accessibilityEn: z.optional(z.string().check(z.trim(), z.maxLength(500))),
}));
export const PatchSpaceBody = lazy(() => z.strictObject({
  name: z.optional(Name), nameEn: z.optional(NameEn), description: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  descriptionEn: z.optional(z.string().check(z.trim(), z.maxLength(1000))), openingHours: z.optional(HoursText),
  capacity: z.optional(z.int().check(z.gte(1), z.lte(10_000))), accessibility: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  accessibilityEn: z.optional(z.string().check(z.trim(), z.maxLength(500))),
}).check(z.refine((b) => Object.keys(b).length > 0, 'name at least one field to change')));
export const SpaceParamsOf = lazy(() => z.strictObject({ id: Slug, spaceId: Slug }));
/** A space as the registry keeps it: the activities' `Space`, with its community. Missing English falls back to the Chinese. */
export const RegistrySpace = lazy(() => z.extend(Space, { communityId: Slug }));
export type RegistrySpace = z.infer<typeof RegistrySpace>;
