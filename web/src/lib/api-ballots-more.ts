/**
 * The ballots calls that only the parts below a ballot's first view, the vote page and the
 * committee and staff tools make (see api-ballots.ts): they download with that code.
 */
import type * as z from 'zod/mini';
import type {
  Ballot, BallotObjectionBody, BallotObjectionResponseBody, BallotUnits, CreateBallotBody, EnterVoteBody,
  MyVotes, ReceiptList, RollSummary, UnitHistory, UnitVote, VoteBody,
} from '$contracts/ballots.js';
import { call } from './http.js';
import { at, seg } from './api-ballots.js';

type In<S extends z.ZodMiniType> = z.input<S>;

export const rollSummary = (estateId: string) => call<RollSummary>('GET', `/estates/${seg(estateId)}/roll/summary`, { auth: false });
export const create = (body: CreateBallotBody) => call<Ballot>('POST', '/ballots', { body });
export const vote = (id: string, body: VoteBody) => call<MyVotes>('PUT', `${at(id)}/vote`, { body });
export const units = (id: string) => call<BallotUnits>('GET', `${at(id)}/units`);
export const enterVote = (id: string, unitId: string, body: EnterVoteBody) =>
  call<UnitVote>('PUT', `${at(id)}/units/${seg(unitId)}/vote`, { body });
export const history = (id: string, unitId: string) => call<UnitHistory>('GET', `${at(id)}/units/${seg(unitId)}/history`);
export const close = (id: string) => call<Ballot>('POST', `${at(id)}/close`);
/** One page of the receipt list (`cursor` from the page before; at most 500 a page). */
export const receipts = (id: string, page: { limit?: number; cursor?: string } = {}) => {
  const q = new URLSearchParams();
  if (page.limit !== undefined) q.set('limit', String(page.limit));
  if (page.cursor !== undefined) q.set('cursor', page.cursor);
  const s = q.toString();
  return call<ReceiptList>('GET', `${at(id)}/receipts${s ? `?${s}` : ''}`, { auth: false });
};
/** The whole receipt list, page after page (a 1,000-unit ballot: two requests). */
export async function allReceipts(id: string): Promise<ReceiptList> {
  const first = await receipts(id, { limit: 500 });
  const items = [...first.items];
  for (let cursor = first.cursor; cursor !== null;) {
    const next = await receipts(id, { limit: 500, cursor });
    items.push(...next.items);
    cursor = next.cursor;
  }
  return { ...first, items, cursor: null };
}
export const object = (id: string, body: In<typeof BallotObjectionBody>) => call<Ballot>('POST', `${at(id)}/objections`, { body });
export const respond = (id: string, objectionId: string, body: In<typeof BallotObjectionResponseBody>) =>
  call<Ballot>('POST', `${at(id)}/objections/${seg(objectionId)}/response`, { body });
