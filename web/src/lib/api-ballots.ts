/**
 * The ballots client (property-committee votes). Contracts are types only: zod never reaches a
 * voter's phone; the API checks its own answers against the same contracts.
 */
import type { z } from 'zod';
import type {
  Ballot, BallotObjectionBody, BallotObjectionResponseBody, BallotPage, BallotUnits, CreateBallotBody, EnterVoteBody,
  MyVotes, ReceiptList, RollSummary, UnitHistory, UnitVote, VoteBody,
} from '$contracts/ballots.js';
import { call } from './api.js';

type Fetch = typeof fetch;
type In<S extends z.ZodType> = z.input<S>;
const seg = encodeURIComponent;
const at = (id: string) => `/ballots/${seg(id)}`;

export const ballotsApi = {
  list: (filter: { estateId?: string; limit?: number; cursor?: string } = {}, fetch?: Fetch) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return call<BallotPage>('GET', `/ballots${s ? `?${s}` : ''}`, { fetch, auth: false });
  },
  get: (id: string, fetch?: Fetch) => call<Ballot>('GET', at(id), { fetch, auth: false }),
  rollSummary: (estateId: string) => call<RollSummary>('GET', `/estates/${seg(estateId)}/roll/summary`, { auth: false }),
  create: (body: CreateBallotBody) => call<Ballot>('POST', '/ballots', { body }),
  myVotes: (id: string) => call<MyVotes>('GET', `${at(id)}/vote`),
  vote: (id: string, body: VoteBody) => call<MyVotes>('PUT', `${at(id)}/vote`, { body }),
  units: (id: string) => call<BallotUnits>('GET', `${at(id)}/units`),
  enterVote: (id: string, unitId: string, body: EnterVoteBody) =>
    call<UnitVote>('PUT', `${at(id)}/units/${seg(unitId)}/vote`, { body }),
  history: (id: string, unitId: string) => call<UnitHistory>('GET', `${at(id)}/units/${seg(unitId)}/history`),
  close: (id: string) => call<Ballot>('POST', `${at(id)}/close`),
  receipts: (id: string) => call<ReceiptList>('GET', `${at(id)}/receipts`, { auth: false }),
  object: (id: string, body: In<typeof BallotObjectionBody>) => call<Ballot>('POST', `${at(id)}/objections`, { body }),
  respond: (id: string, objectionId: string, body: In<typeof BallotObjectionResponseBody>) =>
    call<Ballot>('POST', `${at(id)}/objections/${seg(objectionId)}/response`, { body }),
};
