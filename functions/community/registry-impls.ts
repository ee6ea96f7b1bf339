/** The registry rows' implementations (communities, roles, audit, estates, households, spaces). */
import type { registryRoutes } from './routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { createCommunity, listCommunities, putSettings } from './communities.js';
import { createEstate, createSpace, listAudit, listEstates, patchSpace } from './estates-spaces.js';
import { importHouseholds, listHouseholds } from './import-households.js';
import type { RegistryDeps } from './registry-deps.js';
import { grantCommittee, grantStaff, listRoles, revokeCommittee, revokeStaff } from './roles.js';

export const registryImpls = (deps: RegistryDeps): ContextImpls<(typeof registryRoutes)[number]['id']> => ({
  'communities.list': () => listCommunities(deps),
  'communities.create': ({ callerId, body }) => createCommunity(deps, callerId, body),
  'communities.settings': ({ callerId, params, body }) => putSettings(deps, callerId, params.id, body),
  'staff.grant': ({ callerId, params, body }) => grantStaff(deps, callerId, params.id, params.userId, body),
  'staff.revoke': ({ callerId, params, body }) => revokeStaff(deps, callerId, params.id, params.userId, body.reason),
  'roles.list': ({ callerId, params }) => listRoles(deps, callerId, params.id),
  'audit.list': ({ callerId, params, query }) => listAudit(deps, callerId, params.id, query),
  'estates.list': ({ params }) => listEstates(deps, params.id),
  'estates.create': ({ callerId, params, body }) => createEstate(deps, callerId, params.id, body),
  'committee.grant': ({ callerId, params, body }) => grantCommittee(deps, callerId, params.id, params.userId, body),
  'committee.revoke': ({ callerId, params, body }) => revokeCommittee(deps, callerId, params.id, params.userId, body.reason),
  'households.import': ({ callerId, params, body }) => importHouseholds(deps, callerId, params.id, body),
  'households.list': ({ callerId, params }) => listHouseholds(deps, callerId, params.id),
  'spaces.create': ({ callerId, params, body }) => createSpace(deps, callerId, params.id, body),
  'spaces.patch': ({ callerId, params, body }) => patchSpace(deps, callerId, params.id, params.spaceId, body),
});
