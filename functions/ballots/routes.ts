/**
 * The ballots context's rows of the route table (functions/routes.ts spreads them in). Imports zod
 * contracts only: the CDK app and the web read this file.
 */
import {
  Ballot, BallotObjectionBody, BallotObjectionParams, BallotObjectionResponseBody, BallotPage, BallotUnitParams, BallotUnits,
  CreateBallotBody, EnterVoteBody, EstateParams, ListBallotsQuery, MyVotes, ReceiptList, ReceiptsQuery, Roll, RollImport, RollImportBody,
  RollSummary, UnitHistory, UnitVote, VoteBody,
} from '../contracts/ballots.js';
import { IdParams, NoQuery } from '../contracts/common.js';
import { route, type RouteDef } from '../route-def.js';

const b = 'ballots' as const;

export const ballotRoutes = [
  route({ id: 'roll.import', method: 'PUT', path: '/api/estates/{id}/roll', context: b, access: 'user', allow: ['committee', 'staff'],
    summary: 'Staff or the estate\'s committee import the household roll from CSV (all rows checked first; idempotent)',
    params: EstateParams, query: NoQuery, body: RollImportBody, response: RollImport, status: 200 }),
  route({ id: 'roll.fromRegistry', method: 'POST', path: '/api/estates/{id}/roll/from-registry', context: b, access: 'user',
    allow: ['committee', 'staff'],
    summary: 'Staff or the estate\'s committee derive the roll from the household registry in one step (verified owners represent their unit)',
    params: EstateParams, query: NoQuery, response: RollImport, status: 200 }),
  route({ id: 'roll.get', method: 'GET', path: '/api/estates/{id}/roll', context: b, access: 'user', allow: ['committee', 'staff'],
    summary: 'The estate\'s household roll, unit by unit (staff and the estate\'s committee)',
    params: EstateParams, query: NoQuery, response: Roll, status: 200 }),
  route({ id: 'roll.summary', method: 'GET', path: '/api/estates/{id}/roll/summary', context: b, access: 'public', allow: 'anyone',
    summary: 'The estate\'s roll in totals: units, exclusive area, owners by head',
    params: EstateParams, query: NoQuery, response: RollSummary, status: 200 }),
  route({ id: 'ballots.list', method: 'GET', path: '/api/ballots', context: b, access: 'public', allow: 'anyone',
    summary: 'Ballots, newest first, optionally of one estate', query: ListBallotsQuery, response: BallotPage, status: 200 }),
  route({ id: 'ballots.create', method: 'POST', path: '/api/ballots', context: b, access: 'user', allow: ['committee'],
    summary: 'The estate\'s committee creates a ballot; the roll is frozen into it', query: NoQuery,
    body: CreateBallotBody, response: Ballot, status: 201 }),
  route({ id: 'ballots.get', method: 'GET', path: '/api/ballots/{id}', context: b, access: 'public', allow: 'anyone',
    summary: 'One ballot: question, rule, frozen roll, live participation (never choices while open), result',
    params: IdParams, query: NoQuery, response: Ballot, status: 200 }),
  route({ id: 'ballots.vote.get', method: 'GET', path: '/api/ballots/{id}/vote', context: b, access: 'user', allow: 'signed-in',
    summary: 'The units the caller represents in this ballot and their current votes',
    params: IdParams, query: NoQuery, response: MyVotes, status: 200 }),
  route({ id: 'ballots.vote.put', method: 'PUT', path: '/api/ballots/{id}/vote', context: b, access: 'user', allow: ['resident'],
    summary: 'A unit\'s representative votes (all their units, or one by unitId); the last vote before close counts',
    params: IdParams, query: NoQuery, body: VoteBody, response: MyVotes, status: 200 }),
  route({ id: 'ballots.units.list', method: 'GET', path: '/api/ballots/{id}/units', context: b, access: 'user', allow: ['committee', 'staff'],
    summary: 'Staff or committee: the frozen roll and which units have voted (not how)',
    params: IdParams, query: NoQuery, response: BallotUnits, status: 200 }),
  route({ id: 'ballots.units.vote', method: 'PUT', path: '/api/ballots/{id}/units/{unitId}/vote', context: b, access: 'user', allow: ['staff'],
    summary: 'Staff enter a paper ballot or a proxy vote with its evidence (replacing one needs a reason)',
    params: BallotUnitParams, query: NoQuery, body: EnterVoteBody, response: UnitVote, status: 200 }),
  route({ id: 'ballots.units.history', method: 'GET', path: '/api/ballots/{id}/units/{unitId}/history', context: b,
    access: 'user',
    allow: ['committee', 'staff'], alsoAllow: 'its-representative',
    summary: 'Every vote and change of one unit (its representative, staff, committee)',
    params: BallotUnitParams, query: NoQuery, response: UnitHistory, status: 200 }),
  route({ id: 'ballots.close', method: 'POST', path: '/api/ballots/{id}/close', context: b, access: 'user', allow: ['committee'],
    summary: 'The committee closes a ballot after its closing time: exact tally, result on public notice',
    params: IdParams, query: NoQuery, response: Ballot, status: 200 }),
  route({ id: 'ballots.receipts', method: 'GET', path: '/api/ballots/{id}/receipts', context: b, access: 'public', allow: 'anyone',
    summary: 'After close: every receipt code with its counted choice, area and head key, to recompute the result (sorted by code, in pages)',
    params: IdParams, query: ReceiptsQuery, response: ReceiptList, status: 200 }),
  route({ id: 'ballots.objections.create', method: 'POST', path: '/api/ballots/{id}/objections', context: b, access: 'user', allow: ['resident'],
    summary: 'An owner on the roll objects to the published result during the notice period',
    params: IdParams, query: NoQuery, body: BallotObjectionBody, response: Ballot, status: 201 }),
  route({ id: 'ballots.objections.respond', method: 'POST', path: '/api/ballots/{id}/objections/{objectionId}/response',
    context: b, access: 'user', allow: ['committee'], summary: 'The committee answers an objection',
    params: BallotObjectionParams, query: NoQuery, body: BallotObjectionResponseBody, response: Ballot, status: 200 }),
] as const satisfies readonly RouteDef[];
