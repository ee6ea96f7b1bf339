/**
 * The typed client of the community registry (contracts/registry.ts) and of the staff's side of
 * joining (contracts/joining.ts: the request queue, residents without a phone): what the platform
 * admin's and the staff's pages call. Contracts are imported as types only; the transport is http.ts.
 */
import type * as z from 'zod/mini';
import type { SpaceList } from '$contracts/activities.js';
import type {
  DecisionBody, HouseholdRequest, HouseholdRequestList, LinkPersonBody, Person, PersonList, RegisterPersonBody, RequestStatus,
} from '$contracts/joining.js';
import type {
  AuditPage, Community, CommunityList, CommunitySettingsBody, CreateCommunityBody, CreateEstateBody, CreateSpaceBody, Estate,
  EstateList, GrantBody, HouseholdImport, HouseholdImportBody, HouseholdList, PatchSpaceBody, RegistrySpace, RevokeBody, RoleGrant,
  RoleHolders,
} from '$contracts/registry.js';
import { call, type Out } from './http.js';

type In<S extends z.ZodMiniType> = z.input<S>;
const seg = encodeURIComponent;
const of = (id: string) => `/communities/${seg(id)}`;
const estate = (id: string) => `/estates/${seg(id)}`;

export type RoleHolder = Out<typeof RoleHolders>['items'][number];
export type AuditEntries = Out<typeof AuditPage>;
export type Households = Out<typeof HouseholdList>;

export const registryApi = {
  communities: () => call<Out<typeof CommunityList>>('GET', '/communities', { auth: false }),
  createCommunity: (body: In<typeof CreateCommunityBody>) => call<Out<typeof Community>>('POST', '/communities', { body }),
  putSettings: (id: string, body: In<typeof CommunitySettingsBody>) =>
    call<Out<typeof Community>>('PUT', `${of(id)}/settings`, { body }),

  roles: (id: string) => call<Out<typeof RoleHolders>>('GET', `${of(id)}/roles`),
  grantStaff: (id: string, userId: string, body: In<typeof GrantBody>) =>
    call<Out<typeof RoleGrant>>('PUT', `${of(id)}/staff/${seg(userId)}`, { body }),
  revokeStaff: (id: string, userId: string, body: In<typeof RevokeBody>) =>
    call<Out<typeof RoleGrant>>('DELETE', `${of(id)}/staff/${seg(userId)}`, { body }),
  grantCommittee: (estateId: string, userId: string, body: In<typeof GrantBody>) =>
    call<Out<typeof RoleGrant>>('PUT', `${estate(estateId)}/committee/${seg(userId)}`, { body }),
  revokeCommittee: (estateId: string, userId: string, body: In<typeof RevokeBody>) =>
    call<Out<typeof RoleGrant>>('DELETE', `${estate(estateId)}/committee/${seg(userId)}`, { body }),

  audit: (id: string, cursor?: string, limit = 20) => {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    return call<AuditEntries>('GET', `${of(id)}/audit?${q.toString()}`);
  },

  estates: (id: string) => call<Out<typeof EstateList>>('GET', `${of(id)}/estates`, { auth: false }),
  createEstate: (id: string, body: In<typeof CreateEstateBody>) => call<Out<typeof Estate>>('POST', `${of(id)}/estates`, { body }),
  importHouseholds: (estateId: string, body: In<typeof HouseholdImportBody>) =>
    call<Out<typeof HouseholdImport>>('PUT', `${estate(estateId)}/households`, { body }),
  households: (estateId: string) => call<Households>('GET', `${estate(estateId)}/households`),

  spaces: (id: string) => call<Out<typeof SpaceList>>('GET', `/spaces?community=${seg(id)}`, { auth: false }),
  createSpace: (id: string, body: In<typeof CreateSpaceBody>) => call<Out<typeof RegistrySpace>>('POST', `${of(id)}/spaces`, { body }),
  patchSpace: (id: string, spaceId: string, body: In<typeof PatchSpaceBody>) =>
    call<Out<typeof RegistrySpace>>('PATCH', `${of(id)}/spaces/${seg(spaceId)}`, { body }),

  requests: (id: string, status?: z.output<typeof RequestStatus>) =>
    call<Out<typeof HouseholdRequestList>>('GET', `${of(id)}/household-requests${status ? `?status=${status}` : ''}`),
  decide: (requestId: string, body: In<typeof DecisionBody>) =>
    call<Out<typeof HouseholdRequest>>('POST', `/household-requests/${seg(requestId)}/decision`, { body }),

  people: (id: string) => call<Out<typeof PersonList>>('GET', `${of(id)}/people`),
  registerPerson: (id: string, body: In<typeof RegisterPersonBody>) => call<Out<typeof Person>>('POST', `${of(id)}/people`, { body }),
  linkPerson: (id: string, personId: string, body: In<typeof LinkPersonBody>) =>
    call<Out<typeof Person>>('POST', `${of(id)}/people/${seg(personId)}/link`, { body }),
};
