/**
 * The donations ledger's client functions, on the shared `call` (contracts imported as types only).
 * A gift carries its Idempotency-Key header, added by a small fetch wrapper so `call` stays as it is.
 */
import type * as z from 'zod/mini';
import type {
  AllocationBody, ConfirmBody, DonationBody, DonationPage, EntryKind, EntryStatus, ExpenseBody, InKindUseBody, LedgerEntry,
  LedgerEntryFull, LedgerPage, LedgerSummary, MyDonations, Project, ProjectList, ReversalBody, Verification, VolunteerHoursBody,
  CreateProjectBody,
} from '$contracts/ledger.js';
import { apiUrl, call, type Out } from './http.js';

type In<S extends z.ZodMiniType> = z.input<S>;

/**
 * Where one entry is shown. It names the entry's community, so a receipt's QR code or a shared link
 * opens the right ledger on any device, whichever community that device showed before.
 */
export const entryHref = (id: string, communityId: string): string => `/ledger/entries/${encodeURIComponent(id)}?community=${encodeURIComponent(communityId)}`;
type Fetch = typeof fetch;

/** `general` names the community's general fund. */
export type LedgerFilter = { projectId?: string; kind?: EntryKind; status?: EntryStatus; limit?: number; cursor?: string };

function queryString(filter: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const seg = encodeURIComponent;

/** `fetch` with one more header, for the requests that need it (the gift's Idempotency-Key). */
const withHeader = (name: string, value: string): Fetch => (input, init = {}) =>
  fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), [name]: value } });

/** A write's options: its body, and its Idempotency-Key when it has one. */
const write = (body: unknown, key?: string) => (key ? { body, fetch: withHeader('Idempotency-Key', key) } : { body });

export const ledgerApi = {
  summary: (fetch?: Fetch) => call<Out<typeof LedgerSummary>>('GET', '/ledger/summary', { fetch, auth: false }),
  list: (filter: LedgerFilter = {}) => call<Out<typeof LedgerPage>>('GET', `/ledger${queryString(filter)}`, { auth: false }),
  entry: (id: string, fetch?: Fetch) => call<LedgerEntry>('GET', `/ledger/entries/${seg(id)}`, { fetch, auth: false }),
  verify: () => call<Out<typeof Verification>>('GET', '/ledger/verify', { auth: false }),
  /**
   * Open data: plain links (CloudFront serves /api/* on AWS as the local server does), through the
   * length the page shows: that file never changes, so the edge keeps it, and the link changes with
   * the next entry (edge-cache.ts).
   */
  exportUrl: (file: 'csv' | 'json', s: { communityId: string; length: number }) =>
    apiUrl(`/ledger/export.${file}?community=${seg(s.communityId)}${s.length > 0 ? `&through=${s.length}` : ''}`),
  projects: () => call<Out<typeof ProjectList>>('GET', '/projects', { auth: false }),

  /** A gift; `key` is the submission's Idempotency-Key (the same key when the same gift is retried). */
  donate: (body: DonationBody, key: string) =>
    call<LedgerEntryFull>('POST', '/donations', write(body, key)),
  /** One gift with its donor (the donor, staff and committee): the receipt's name. */
  donation: (id: string) => call<LedgerEntryFull>('GET', `/donations/${seg(id)}`),
  myDonations: () => call<Out<typeof MyDonations>>('GET', '/me/donations'),

  // Staff and committee. Their writes take an Idempotency-Key too (optional on the API), so a retry
  // after a network failure never records an expense or a confirmation twice.
  donations: (filter: { status?: 'pledged' | 'confirmed' | 'reversed'; limit?: number; cursor?: string } = {}) =>
    call<Out<typeof DonationPage>>('GET', `/donations${queryString(filter)}`),
  confirm: (id: string, body: In<typeof ConfirmBody>, key?: string) =>
    call<LedgerEntryFull>('POST', `/donations/${seg(id)}/confirmation`, write(body, key)),
  createProject: (body: CreateProjectBody, key?: string) => call<Out<typeof Project>>('POST', '/projects', write(body, key)),
  expense: (projectId: string, body: ExpenseBody, key?: string) =>
    call<LedgerEntryFull>('POST', `/projects/${seg(projectId)}/expenses`, write(body, key)),
  inKindUse: (projectId: string, body: In<typeof InKindUseBody>, key?: string) =>
    call<LedgerEntryFull>('POST', `/projects/${seg(projectId)}/in-kind-uses`, write(body, key)),
  volunteerHours: (projectId: string, body: In<typeof VolunteerHoursBody>, key?: string) =>
    call<LedgerEntryFull>('POST', `/projects/${seg(projectId)}/volunteer-hours`, write(body, key)),
  allocation: (body: In<typeof AllocationBody>, key?: string) => call<LedgerEntryFull>('POST', '/allocations', write(body, key)),
  reverse: (id: string, body: In<typeof ReversalBody>, key?: string) =>
    call<LedgerEntryFull>('POST', `/ledger/entries/${seg(id)}/reversal`, write(body, key)),
};
