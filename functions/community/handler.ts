/** Lambda entry for the community context: health, the API description, the caller's identity and priority-seat details. */
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import type { ContextRouteId } from '../routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { createHandler } from '../shared/http/create-handler.js';
import { openApiDocument } from '../shared/http/openapi.js';
import { getMe } from './get-me.js';
import { setPriorityProfile } from './priority-profile.js';
import { CommunityRepository } from './repository.js';

const community = new CommunityRepository(documentClient(), config().tables.community);

export const impls: ContextImpls<ContextRouteId<'community'>> = {
  health: async () => ({ ok: true as const }),
  openapi: async () => openApiDocument('0.1.0'),
  me: ({ callerId }) => getMe(community, callerId),
  'me.priority.put': ({ callerId, body }) => setPriorityProfile(community, systemClock, callerId, body),
};

export const handler = createHandler('community', impls);
