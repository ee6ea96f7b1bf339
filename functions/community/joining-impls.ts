/** The joining rows' implementations (codes, joining, requests, memberships, offline people, PIPL). */
import type { ContextImpls } from '../shared/http/types.js';
import { issueCodes, listCodes, revokeCode } from './codes.js';
import { createRequest, decideRequest, myRequests, requestQueue } from './household-requests.js';
import { endMembership, joinWithCode, leaveHousehold } from './join.js';
import { leavePlatform, myData } from './my-data.js';
import { linkPerson, listPeople, registerPerson } from './people.js';
import type { RegistryDeps } from './registry-deps.js';
import type { joiningRoutes } from './routes.js';

export const joiningImpls = (deps: RegistryDeps): ContextImpls<(typeof joiningRoutes)[number]['id']> => ({
  'codes.issue': ({ callerId, params, body }) => issueCodes(deps, callerId, params.id, body),
  'codes.list': ({ callerId, params }) => listCodes(deps, callerId, params.id),
  'codes.revoke': ({ callerId, params }) => revokeCode(deps, callerId, params.id),
  'me.household.join': ({ callerId, body }) => joinWithCode(deps, callerId, body),
  'me.household.leave': ({ callerId, params }) => leaveHousehold(deps, callerId, params.householdId),
  'me.requests.create': ({ callerId, body }) => createRequest(deps, callerId, body),
  'me.requests.list': ({ callerId }) => myRequests(deps, callerId),
  'requests.queue': ({ callerId, params, query }) => requestQueue(deps, callerId, params.id, query.status),
  'requests.decide': ({ callerId, params, body }) => decideRequest(deps, callerId, params.id, body),
  'households.members.end': ({ callerId, params, body }) => endMembership(deps, callerId, params.id, params.userId, body.reason),
  'people.register': ({ callerId, params, body }) => registerPerson(deps, callerId, params.id, body),
  'people.list': ({ callerId, params }) => listPeople(deps, callerId, params.id),
  'people.link': ({ callerId, params, body }) => linkPerson(deps, callerId, params.id, params.personId, body),
  'me.data': ({ callerId }) => myData(deps, callerId),
  'me.leave': ({ callerId }) => leavePlatform(deps, callerId),
});
