/** Lambda entry for proposals: parse (done by the route row) → use case → return. */
import { CommunityRepository } from '../community/repository.js';
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import type { ContextRouteId } from '../routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { newId } from '../shared/ids.js';
import { createProposal } from './create-proposal.js';
import type { ProposalDeps } from './deps.js';
import { getProposal, listProposals } from './read-proposals.js';
import { ProposalRepository } from './repository.js';
import { changeSupport, getSupport } from './support-proposal.js';

const cfg = config();
const deps: ProposalDeps = {
  proposals: new ProposalRepository(documentClient(), cfg.tables.proposals),
  community: new CommunityRepository(documentClient(), cfg.tables.community),
  clock: systemClock, newId, defaultCommunity: cfg.defaultCommunity,
};

export const impls: ContextImpls<ContextRouteId<'proposals'>> = {
  'proposals.list': ({ query }) => listProposals(deps, query),
  'proposals.create': ({ callerId, body }) => createProposal(deps, callerId, body),
  'proposals.get': ({ params }) => getProposal(deps, params.id),
  'proposals.support.get': ({ callerId, params }) => getSupport(deps, callerId, params.id),
  'proposals.support.put': ({ callerId, params }) => changeSupport(deps, callerId, params.id, true),
  'proposals.support.delete': ({ callerId, params }) => changeSupport(deps, callerId, params.id, false),
};

export const handler = createHandler('proposals', impls);
