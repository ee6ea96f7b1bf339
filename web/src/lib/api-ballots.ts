/**
 * The ballots client (property-committee votes). Contracts are types only: zod never reaches a
 * voter's phone; the API checks its own answers against the same contracts. This module holds
 * the reads of the list and a ballot's first view; every other call is in api-ballots-more.ts,
 * which downloads with the parts that make them. Import both as `ballotsApi` namespaces.
 */
import type { Ballot, BallotPage, MyVotes } from '$contracts/ballots.js';
import { call } from './http.js';

type Fetch = typeof fetch;
export const seg = encodeURIComponent;
export const at = (id: string) => `/ballots/${seg(id)}`;

export const list = (filter: { estateId?: string; limit?: number; cursor?: string } = {}, fetch?: Fetch) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return call<BallotPage>('GET', `/ballots${s ? `?${s}` : ''}`, { fetch, auth: false });
};
export const get = (id: string, fetch?: Fetch) => call<Ballot>('GET', at(id), { fetch, auth: false });
/** The caller's units on this ballot (an open ballot's first view shows them). */
export const myVotes = (id: string) => call<MyVotes>('GET', `${at(id)}/vote`);
