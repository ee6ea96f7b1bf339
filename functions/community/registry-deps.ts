/** What the registry's use cases need, and who may use them: from the caller's id and the community table only. */
import { createNotify, type Notify } from '../notifications/outbox.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { WriteLimits } from '../shared/write-limits.js';
import type { ContextName } from '../routes.js';
import type { Clock } from '../shared/clock.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { AuditLog } from './audit.js';
import { CodesRepository } from './codes-repository.js';
import { HouseholdsRepository } from './households-repository.js';
import { MembershipRepository } from './membership-repository.js';
import { RegistryRepository } from './registry-repository.js';
import { PersonalData } from './personal-data.js';
import { RequestsRepository } from './requests-repository.js';
import { CommunityRepository } from './repository.js';
import { RolesRepository } from './roles-repository.js';
import { signInAccounts, type SignInAccounts } from './sign-in-accounts.js';
import { config } from '../shared/config.js';
import { isCommitteeOf, isPlatformAdmin, isStaffOrAdmin, type Member } from './rules.js';

export interface RegistryDeps {
  members: Pick<CommunityRepository, 'getMember' | 'getSettings'>;
  /** Per-person daily limit on household requests. */
  writeLimits: WriteLimits;
  registry: RegistryRepository;
  roles: RolesRepository;
  households: HouseholdsRepository;
  audit: AuditLog;
  codes: CodesRepository;
  memberships: MembershipRepository;
  requests: RequestsRepository;
  /** Every context's table, for what is held about one person (PIPL). */
  personal: PersonalData;
  clock: Clock;
  newId: () => string;
  /** Writes the notifications a change causes, after it (DESIGN rule 9). */
  notify: Notify;
  /** The sign-in accounts removed when a person leaves (PIPL). */
  accounts: SignInAccounts;
}

export const createRegistryDeps = (db: DynamoDBDocumentClient, tables: Readonly<Record<ContextName, string>>, clock: Clock, newId: () => string,
  accounts: SignInAccounts = signInAccounts(config().signIn)): RegistryDeps => {
  const table = tables.community;
  return {
    members: new CommunityRepository(db, table), writeLimits: new WriteLimits(db, table), registry: new RegistryRepository(db, table), roles: new RolesRepository(db, table),
    households: new HouseholdsRepository(db, table), audit: new AuditLog(db, table), codes: new CodesRepository(db, table),
    memberships: new MembershipRepository(db, table), requests: new RequestsRepository(db, table), personal: new PersonalData(db, tables),
    clock, newId, notify: createNotify(db, tables.notifications), accounts,
  };
};

export async function requirePlatformAdmin(deps: RegistryDeps, callerId: string): Promise<Member> {
  const m = await deps.members.getMember(callerId);
  if (!isPlatformAdmin(m)) throw new ForbiddenError('Only the platform admin (the sub-district office) may do this.');
  return m;
}

/** The community must exist (404 otherwise); the caller must be its staff or the platform admin (403). */
export async function requireStaffOf(deps: RegistryDeps, callerId: string, communityId: string): Promise<Member> {
  const [m, community] = await Promise.all([deps.members.getMember(callerId), deps.registry.getCommunity(communityId)]);
  if (!community) throw new NotFoundError(`No community ${communityId}.`);
  if (!isStaffOrAdmin(m, communityId)) throw new ForbiddenError('Only this community\'s staff or the platform admin may do this.');
  return m;
}

/** Staff, the platform admin, or (when `committeeToo`) the estate's own committee. */
export async function requireEstateAccess(deps: RegistryDeps, callerId: string, communityId: string, estateId: string, committeeToo: boolean) {
  const [m, estate] = await Promise.all([deps.members.getMember(callerId), deps.registry.getEstate(communityId, estateId)]);
  if (!estate) throw new NotFoundError(`No estate ${estateId}.`);
  if (!isStaffOrAdmin(m, communityId) && !(committeeToo && isCommitteeOf(m, estateId))) {
    throw new ForbiddenError(committeeToo ? 'Only community staff or this estate\'s committee may see this.' : 'Only this community\'s staff may do this.');
  }
  return { member: m, estate };
}
