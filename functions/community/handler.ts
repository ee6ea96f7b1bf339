/**
 * Lambda entry for the community context: health, the API description, the caller's identity, the
 * registry (communities, roles, estates, households, spaces, audit) and joining a household.
 */
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { newId } from '../shared/ids.js';
import type { ContextRouteId } from '../routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { createHandler } from '../shared/http/create-handler.js';
import { communityRoutes } from './routes.js';
import { getMe } from './get-me.js';
import { joiningImpls } from './joining-impls.js';
import { servedOpenApiDocument } from './openapi-file.js';
import { setPriorityProfile } from './priority-profile.js';
import { createRegistryDeps } from './registry-deps.js';
import { registryImpls } from './registry-impls.js';
import { CommunityRepository } from './repository.js';

const table = config().tables.community;
const community = new CommunityRepository(documentClient(), table);
const registry = createRegistryDeps(documentClient(), config().tables, systemClock, newId);

export const impls: ContextImpls<ContextRouteId<'community'>> = {
  health: async () => ({ ok: true as const }),
  openapi: () => servedOpenApiDocument(),
  me: ({ callerId }) => getMe(community, callerId),
  'me.priority.put': ({ callerId, body }) => setPriorityProfile(community, systemClock, callerId, body),
  ...registryImpls(registry),
  ...joiningImpls(registry),
};

export const handler = createHandler(communityRoutes, impls);
