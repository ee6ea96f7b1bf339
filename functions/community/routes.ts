/**
 * The community context's registry and joining rows of the route table (functions/routes.ts spreads
 * them in). Imports zod contracts only: the CDK app and the web read this file.
 */
import { IdParams, NoQuery } from '../contracts/common.js';
import {
  CodeParams, DecisionBody, EndMembershipBody, EndMembershipParams, HouseholdCodeBatch, HouseholdCodeList, HouseholdCodeState,
  HouseholdMember, HouseholdParams, HouseholdRequest, HouseholdRequestBody, HouseholdRequestList, IssueCodesBody, JoinWithCodeBody,
  LeaveBody, LeftPlatform, LinkPersonBody, MyData, Person, PersonList, PersonParams, RegisterPersonBody, RequestQueueQuery,
} from '../contracts/joining.js';
import { Health, OpenApiDocument } from '../contracts/health.js';
import { Me, PutPriorityProfileBody } from '../contracts/me.js';
import {
  AuditPage, AuditQuery, CommitteeParams, Community, CommunityList, CommunityParams, CommunitySettingsBody, CreateCommunityBody,
  CreateEstateBody, CreateSpaceBody, Estate, EstateIdParams, EstateList, GrantBody, HouseholdImport, HouseholdImportBody,
  HouseholdList, PatchSpaceBody, RegistrySpace, RevokeBody, RoleGrant, RoleHolders, SpaceParamsOf, StaffParams,
} from '../contracts/registry.js';
import { residentsOfC, route, staffOrAdmin, type RouteDef } from '../route-def.js';

const c = 'community' as const;

/** Liveness, this API's own description, and the caller. */
export const coreRoutes = [
  route({ id: 'health', method: 'GET', path: '/api/health', context: 'community', access: 'public', allow: 'anyone',
    summary: 'Liveness check', query: NoQuery, response: Health, status: 200 }),
  route({ id: 'openapi', method: 'GET', path: '/api/openapi.json', context: 'community', access: 'public', allow: 'anyone',
    summary: 'This API as an OpenAPI 3.1 document', query: NoQuery, response: OpenApiDocument, status: 200 }),
  route({ id: 'me', method: 'GET', path: '/api/me', context: 'community', access: 'user', allow: 'signed-in',
    summary: 'The caller: name, roles, household and estate', query: NoQuery, response: Me, status: 200 }),
  route({ id: 'me.priority.put', method: 'PUT', path: '/api/me/priority-profile', context: 'community', access: 'user', allow: residentsOfC,
    summary: 'Record your birth year and your children\'s (priority seats for 65 and over, and for carers of children of 12 and under)',
    query: NoQuery, body: PutPriorityProfileBody, response: Me, status: 200 }),
] as const satisfies readonly RouteDef[];

export const registryRoutes = [
  route({ id: 'communities.list', method: 'GET', path: '/api/communities', context: c, access: 'public', allow: 'anyone',
    summary: 'Every community on this deployment', query: NoQuery, response: CommunityList, status: 200 }),
  route({ id: 'communities.create', method: 'POST', path: '/api/communities', context: c, access: 'user', allow: ['platform-admin'],
    summary: 'Platform admin: create a community', query: NoQuery, body: CreateCommunityBody, response: Community, status: 201 }),
  route({ id: 'communities.settings', method: 'PUT', path: '/api/communities/{id}/settings', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff or platform admin: support threshold, support limit, notice days', params: CommunityParams, query: NoQuery,
    body: CommunitySettingsBody, response: Community, status: 200 }),
  route({ id: 'staff.grant', method: 'PUT', path: '/api/communities/{id}/staff/{userId}', context: c, access: 'user', allow: ['platform-admin'],
    summary: 'Platform admin: appoint community staff, with the evidence (idempotent)', params: StaffParams, query: NoQuery,
    body: GrantBody, response: RoleGrant, status: 200 }),
  route({ id: 'staff.revoke', method: 'DELETE', path: '/api/communities/{id}/staff/{userId}', context: c, access: 'user', allow: ['platform-admin'],
    summary: 'Platform admin: revoke a staff appointment, with the reason (idempotent)', params: StaffParams, query: NoQuery,
    body: RevokeBody, response: RoleGrant, status: 200 }),
  route({ id: 'roles.list', method: 'GET', path: '/api/communities/{id}/roles', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff or platform admin: who is staff and who sits on each estate committee now', params: CommunityParams,
    query: NoQuery, response: RoleHolders, status: 200 }),
  route({ id: 'audit.list', method: 'GET', path: '/api/communities/{id}/audit', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff or platform admin: the community\'s append-only audit log, newest first', params: CommunityParams,
    query: AuditQuery, response: AuditPage, status: 200 }),
  route({ id: 'estates.list', method: 'GET', path: '/api/communities/{id}/estates', context: c, access: 'public', allow: 'anyone',
    summary: 'The community\'s housing estates', params: CommunityParams, query: NoQuery, response: EstateList, status: 200 }),
  route({ id: 'estates.create', method: 'POST', path: '/api/communities/{id}/estates', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: add a housing estate', params: CommunityParams, query: NoQuery, body: CreateEstateBody, response: Estate, status: 201 }),
  route({ id: 'committee.grant', method: 'PUT', path: '/api/estates/{id}/committee/{userId}', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: seat a member of the estate\'s property-management committee, with the filing record (idempotent)',
    params: CommitteeParams, query: NoQuery, body: GrantBody, response: RoleGrant, status: 200 }),
  route({ id: 'committee.revoke', method: 'DELETE', path: '/api/estates/{id}/committee/{userId}', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: unseat a committee member, with the reason (idempotent)', params: CommitteeParams, query: NoQuery,
    body: RevokeBody, response: RoleGrant, status: 200 }),
  route({ id: 'households.import', method: 'PUT', path: '/api/estates/{id}/households', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: import buildings and households from CSV (all rows checked first; the same file changes nothing)',
    params: EstateIdParams, query: NoQuery, body: HouseholdImportBody, response: HouseholdImport, status: 200 }),
  route({ id: 'households.list', method: 'GET', path: '/api/estates/{id}/households', context: c, access: 'user',
    allow: ['committee', 'staff', 'platform-admin'],
    summary: 'Staff or the estate\'s committee: the estate\'s households and their verified members', params: EstateIdParams,
    query: NoQuery, response: HouseholdList, status: 200 }),
  route({ id: 'spaces.create', method: 'POST', path: '/api/communities/{id}/spaces', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: add a pocket park or other bookable space', params: CommunityParams, query: NoQuery, body: CreateSpaceBody,
    response: RegistrySpace, status: 201 }),
  route({ id: 'spaces.patch', method: 'PATCH', path: '/api/communities/{id}/spaces/{spaceId}', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: change a space\'s name, opening hours, capacity or accessibility notes', params: SpaceParamsOf, query: NoQuery,
    body: PatchSpaceBody, response: RegistrySpace, status: 200 }),
] as const satisfies readonly RouteDef[];

export const joiningRoutes = [
  route({ id: 'codes.issue', method: 'POST', path: '/api/estates/{id}/household-codes', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: one-time join codes for the letters (a building, or the whole estate); shown once', params: EstateIdParams,
    query: NoQuery, body: IssueCodesBody, response: HouseholdCodeBatch, status: 201 }),
  route({ id: 'codes.list', method: 'GET', path: '/api/estates/{id}/household-codes', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: every join code of the estate and its state (never the code)', params: EstateIdParams, query: NoQuery,
    response: HouseholdCodeList, status: 200 }),
  route({ id: 'codes.revoke', method: 'DELETE', path: '/api/household-codes/{id}', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: revoke a join code that was not used yet', params: CodeParams, query: NoQuery,
    response: HouseholdCodeState, status: 200 }),
  route({ id: 'me.household.join', method: 'POST', path: '/api/me/household', context: c, access: 'user', allow: 'signed-in',
    summary: 'Join your household with the code from your letter (once per code)', query: NoQuery, body: JoinWithCodeBody,
    response: Me, status: 200 }),
  route({ id: 'me.household.leave', method: 'DELETE', path: '/api/me/household/{householdId}', context: c, access: 'user', allow: 'signed-in',
    summary: 'Leave a household (moving out)', params: HouseholdParams, query: NoQuery, response: Me, status: 200 }),
  route({ id: 'me.requests.create', method: 'POST', path: '/api/me/household-requests', context: c, access: 'user', allow: 'signed-in',
    summary: 'Ask community staff to verify you as a member of a household', query: NoQuery, body: HouseholdRequestBody,
    response: HouseholdRequest, status: 201 }),
  route({ id: 'me.requests.list', method: 'GET', path: '/api/me/household-requests', context: c, access: 'user', allow: 'signed-in',
    summary: 'Your own household requests and their decisions', query: NoQuery, response: HouseholdRequestList, status: 200 }),
  route({ id: 'requests.queue', method: 'GET', path: '/api/communities/{id}/household-requests', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: household requests, pending first', params: CommunityParams, query: RequestQueueQuery,
    response: HouseholdRequestList, status: 200 }),
  route({ id: 'requests.decide', method: 'POST', path: '/api/household-requests/{id}/decision', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: accept (with the evidence seen) or refuse (with the reason) a household request, once', params: IdParams,
    query: NoQuery, body: DecisionBody, response: HouseholdRequest, status: 200 }),
  route({ id: 'households.members.end', method: 'DELETE', path: '/api/households/{id}/members/{userId}', context: c, access: 'user',
    allow: staffOrAdmin,
    summary: 'Staff: end a membership (moved out), with the reason', params: EndMembershipParams, query: NoQuery,
    body: EndMembershipBody, response: HouseholdMember, status: 200 }),
  route({ id: 'people.register', method: 'POST', path: '/api/communities/{id}/people', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: register a resident who has no account (contact through the grid member)', params: CommunityParams,
    query: NoQuery, body: RegisterPersonBody, response: Person, status: 201 }),
  route({ id: 'people.list', method: 'GET', path: '/api/communities/{id}/people', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: the residents registered without an account', params: CommunityParams, query: NoQuery,
    response: PersonList, status: 200 }),
  route({ id: 'people.link', method: 'POST', path: '/api/communities/{id}/people/{personId}/link', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: the person now signs in with this account; their history stays theirs', params: PersonParams, query: NoQuery,
    body: LinkPersonBody, response: Person, status: 200 }),
  route({ id: 'me.data', method: 'GET', path: '/api/me/data', context: c, access: 'user', allow: 'signed-in',
    summary: 'Everything Gongzhi holds about you, as JSON', query: NoQuery, response: MyData, status: 200 }),
  route({ id: 'me.leave', method: 'DELETE', path: '/api/me', context: c, access: 'user', allow: 'signed-in',
    summary: 'Leave the platform: memberships end, personal fields are erased, public records keep a pseudonym',
    query: NoQuery, body: LeaveBody, response: LeftPlatform, status: 200 }),
] as const satisfies readonly RouteDef[];

/** The community Lambda's rows. */
export const communityRoutes = [...coreRoutes, ...registryRoutes, ...joiningRoutes] as const;
