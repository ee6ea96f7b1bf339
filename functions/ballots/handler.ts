/** Lambda entry for property-committee ballots: rolls, ballots, votes, paper entry, results. */
import type { ContextRouteId } from '../routes.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import { ballotRoutes } from './routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { closeBallot, receipts } from './close-ballot.js';
import { createBallot } from './create-ballot.js';
import { fileObjection, respondToObjection } from './objections.js';
import { getBallot, listBallots } from './read-ballots.js';
import { rollFromRegistry } from './roll-from-registry.js';
import { getRoll, importRoll, rollSummary } from './roll.js';
import { ballotUnits, enterVote, unitHistory } from './staff-entry.js';
import { myVotes, vote } from './vote.js';
import { createBallotDeps } from './wire.js';

const deps = createBallotDeps(documentClient(), config());

export const impls: ContextImpls<ContextRouteId<'ballots'>> = {
  'roll.import': ({ callerId, params, body }) => importRoll(deps, callerId, params.id, body.csv),
  'roll.fromRegistry': ({ callerId, params }) => rollFromRegistry(deps, callerId, params.id),
  'roll.get': ({ callerId, params }) => getRoll(deps, callerId, params.id),
  'roll.summary': ({ params }) => rollSummary(deps, params.id),
  'ballots.list': ({ query }) => listBallots(deps, query),
  'ballots.create': ({ callerId, body }) => createBallot(deps, callerId, body),
  'ballots.get': ({ params }) => getBallot(deps, params.id),
  'ballots.vote.get': ({ callerId, params }) => myVotes(deps, callerId, params.id),
  'ballots.vote.put': ({ callerId, params, body }) => vote(deps, callerId, params.id, body),
  'ballots.units.list': ({ callerId, params }) => ballotUnits(deps, callerId, params.id),
  'ballots.units.vote': ({ callerId, params, body }) => enterVote(deps, callerId, params.id, params.unitId, body),
  'ballots.units.history': ({ callerId, params }) => unitHistory(deps, callerId, params.id, params.unitId),
  'ballots.close': ({ callerId, params }) => closeBallot(deps, callerId, params.id),
  'ballots.receipts': ({ params, query }) => receipts(deps, params.id, query),
  'ballots.objections.create': ({ callerId, params, body }) => fileObjection(deps, callerId, params.id, body.text),
  'ballots.objections.respond': ({ callerId, params, body }) =>
    respondToObjection(deps, callerId, params.id, params.objectionId, body.text),
};

export const handler = createHandler(ballotRoutes, impls);
