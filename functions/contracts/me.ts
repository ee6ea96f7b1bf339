import * as z from 'zod/mini';
import { EstateId, HouseholdId, Slug, UserId, Ulid } from './common.js';
import { lazy } from './lazy.js';

export const Role = lazy(() => z.enum(['resident', 'owner', 'committee', 'staff']));
export type Role = z.infer<typeof Role>;

export const HouseholdRelation = lazy(() => z.enum(['owner', 'tenant', 'family']));

export const MyHousehold = lazy(() => z.object({
  id: HouseholdId,
  estateId: EstateId,
  estateName: z.string(),
  /** The estate's English name where the registry has one, for pages read in English. */
  estateNameEn: z.nullable(z.string()),
  building: z.string(),
  unit: z.string(),
  relation: HouseholdRelation,
}));

/** A year of birth (the roll records no birthday); whether it is in the future is checked by the use case. */
const BirthYear = lazy(() => z.int().check(z.gte(1900), z.lte(2100)));
/**
 * What gives priority seats at activities that hold some back: the person's birth year (65 and
 * over) and those of the children in their care (12 and under). Private: only the person sees it.
 */
export const PriorityProfile = lazy(() => z.object({
  birthYear: z.nullable(BirthYear),
  childBirthYears: z.array(BirthYear).check(z.maxLength(8)),
}));
export type PriorityProfile = z.infer<typeof PriorityProfile>;
/** The caller records their own (self-declared; staff may ask to see an ID at the door). */
export const PutPriorityProfileBody = lazy(() => z.strictObject({
  birthYear: z.nullable(BirthYear),
  childBirthYears: z.array(BirthYear).check(z.maxLength(8)),
}));
export type PutPriorityProfileBody = z.infer<typeof PutPriorityProfileBody>;

export const Me = lazy(() => z.object({
  id: UserId,
  displayName: z.string(),
  communityId: z.nullable(Slug),
  roles: z.array(Role),
  household: z.nullable(MyHousehold),
  /** Every verified household the caller belongs to (the first is `household`). */
  households: z.array(MyHousehold),
  estateId: z.nullable(EstateId),
  /** Estates whose property-management committee the caller sits on. */
  committeeOf: z.array(EstateId),
  /** Communities the caller is staff (网格员) of. */
  staffOf: z.array(Slug),
  /** The sub-district office: may create communities and appoint staff. */
  platformAdmin: z.boolean(),
  priority: PriorityProfile,
}));
export type Me = z.infer<typeof Me>;

/** Local development only: the dev server signs a token for any demo user. Never deployed. */
export const DevSessionBody = lazy(() => z.strictObject({ userId: UserId }));
export const DevSession = lazy(() => z.object({ token: z.string(), userId: UserId, expiresAt: z.iso.datetime() }));
export const DevUser = lazy(() => z.object({ id: UserId, displayName: z.string(), roles: z.array(Role), note: z.string() }));
export const DevUsers = lazy(() => z.object({ items: z.array(DevUser) }));

// Re-exported so the web can name a ULID without importing common directly.
export { Ulid };
export type DevSession = z.infer<typeof DevSession>;
export type DevUsers = z.infer<typeof DevUsers>;
/** Local development only: move the server's clock forward, e.g. past a 7-day notice period. */
export const DevClockBody = lazy(() => z.strictObject({ advanceDays: z.number().check(z.gte(0), z.lte(3650)) }));
/** Local only: run the notifier now; with `reminders`, also write tomorrow's reminders as the daily schedule does. */
export const DevNotifierBody = lazy(() => z.strictObject({ reminders: z._default(z.boolean(), false) }));
export const DevClock = lazy(() => z.object({ now: z.iso.datetime() }));
export type DevClock = z.infer<typeof DevClock>;
