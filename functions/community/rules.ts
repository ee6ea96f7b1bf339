/** Pure rules about who someone is in the community; no I/O. */
import type { Role } from '../contracts/me.js';

export interface HouseholdLink {
  householdId: string;
  estateId: string;
  estateName: string;
  estateNameEn?: string | null;
  building: string;
  unit: string;
  relation: 'owner' | 'tenant' | 'family';
  verified: boolean;
}

export interface CommunitySettings {
  /** Backing that moves an open proposal to review. */
  supportThreshold: number;
  /** How many proposals one resident may back at once; 0 = no limit. */
  supportLimit: number;
  /** Days an answer or a result stays on public notice for objections (公示期). */
  noticePeriodDays: number;
  /** Writes one person may send per day (0 = no limit): see functions/shared/write-limits.ts. */
  proposalsPerDay: number;
  commentsPerDay: number;
  reportsPerDay: number;
  objectionsPerDay: number;
  householdRequestsPerDay: number;
}
/**
 * A resident proposes a few things a day at most, comments more, reports and objects rarely; a
 * household request is asked once or twice. Generous for people, tight for a script.
 */
export const defaultSettings: CommunitySettings = {
  supportThreshold: 30, supportLimit: 0, noticePeriodDays: 7,
  proposalsPerDay: 5, commentsPerDay: 50, reportsPerDay: 20, objectionsPerDay: 5, householdRequestsPerDay: 3,
};

/** Everything the community table says about one person, read in a single Query. */
export interface Member {
  id: string;
  /** False for someone the community table does not know (a fresh sign-in). */
  registered: boolean;
  displayName: string;
  communityId: string | null;
  households: HouseholdLink[];
  committeeOf: string[];
  staffOf: string[];
  /** The sub-district office running the deployment. */
  platformAdmin?: boolean;
  /** For priority seats only (residents 65 and over); recorded by staff when the household is verified. */
  birthYear?: number;
  /** Birth years of the children in the person's care (priority seats for families with children). */
  childBirthYears?: number[];
}

/** The household that speaks for this person: a verified owned one first, then any verified one. */
export function primaryHousehold(m: Member): HouseholdLink | null {
  const verified = m.households.filter((h) => h.verified);
  return verified.find((h) => h.relation === 'owner') ?? verified[0] ?? null;
}

export function rolesOf(m: Member): Role[] {
  const roles: Role[] = [];
  const home = primaryHousehold(m);
  if (home) roles.push('resident');
  if (m.households.some((h) => h.verified && h.relation === 'owner')) roles.push('owner');
  if (m.committeeOf.length > 0) roles.push('committee');
  if (m.staffOf.length > 0) roles.push('staff');
  return roles;
}

/** A resident of `communityId`: linked to a verified household there. */
export const isResidentOf = (m: Member, communityId: string): boolean =>
  m.communityId === communityId && primaryHousehold(m) !== null;

export const isStaffOf = (m: Member, communityId: string): boolean => m.staffOf.includes(communityId);
export const isPlatformAdmin = (m: Member): boolean => m.platformAdmin === true;
/** Staff of the community, or the platform admin (who may act in every community). */
export const isStaffOrAdmin = (m: Member, communityId: string): boolean => isStaffOf(m, communityId) || isPlatformAdmin(m);
export const isCommitteeOf = (m: Member, estateId: string): boolean => m.committeeOf.includes(estateId);

/** Someone not in the community table at all: a fresh sign-in with no household yet. */
export const stranger = (id: string): Member =>
  ({ id, registered: false, displayName: id, communityId: null, households: [], committeeOf: [], staffOf: [], platformAdmin: false });
