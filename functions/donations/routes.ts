/**
 * The donations context's rows of the route table (functions/routes.ts spreads them in). Imports zod
 * contracts only: the CDK app and the web read this file. See functions/contracts/ledger.ts for what
 * each endpoint does.
 */
import { IdParams, NoQuery } from '../contracts/common.js';
import {
  AllocationBody, CommunityQuery, ConfirmBody, CreateProjectBody, DonationBody, DonationPage, ExpenseBody, InKindUseBody,
  LedgerCsv, LedgerEntry, LedgerEntryFull, LedgerExport, LedgerExportQuery, LedgerPage, LedgerSummary, ListDonationsQuery, ListLedgerQuery,
  MyCommunityQuery, MyDonations, Project, ProjectList, ReversalBody, Verification, VolunteerHoursBody,
} from '../contracts/ledger.js';
import { committeesAndStaff, route, type RouteDef } from '../route-def.js';

const c = 'donations' as const;

export const donationRoutes = [
  route({ id: 'donations.create', idempotencyKey: 'required', method: 'POST', path: '/api/donations', context: c, access: 'user', allow: 'signed-in',
    summary: 'Record a gift of money or in kind (Idempotency-Key header required; staff may record for an offline donor)',
    query: NoQuery, body: DonationBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'donations.list', method: 'GET', path: '/api/donations', context: c, access: 'user', allow: committeesAndStaff,
    summary: 'Gifts with their donors, pledges and confirmed apart (staff and committee)', query: ListDonationsQuery,
    response: DonationPage, status: 200 }),
  route({ id: 'donations.get', method: 'GET', path: '/api/donations/{id}', context: c, access: 'user',
    allow: committeesAndStaff, alsoAllow: 'its-donor',
    summary: 'One gift with its donor, for the receipt (the donor, staff and committee)', params: IdParams, query: MyCommunityQuery,
    response: LedgerEntryFull, status: 200 }),
  route({ id: 'donations.confirm', idempotencyKey: 'optional', method: 'POST', path: '/api/donations/{id}/confirmation', context: c, access: 'user',
    allow: ['staff'], hiddenFrom: ['staff-other-community'],
    summary: 'Staff confirm that the money was counted or the goods received', params: IdParams, query: NoQuery,
    body: ConfirmBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'me.donations', method: 'GET', path: '/api/me/donations', context: c, access: 'user', allow: 'signed-in',
    summary: 'The caller\'s own gifts, newest first', query: MyCommunityQuery, response: MyDonations, status: 200 }),

  route({ id: 'projects.list', method: 'GET', path: '/api/projects', context: c, access: 'public', allow: 'anyone',
    summary: 'Fundable projects with budget, raised by source, spent and balance', query: CommunityQuery,
    response: ProjectList, status: 200 }),
  // The keepers' writes below act on the caller's own community (their household's, else the first they are staff of),
  // not on the object's: staff of another community write in their own ledger (C's entries are a 404 to them), and a
  // committee seat alone names no community, so a committee member without a household there is refused (403).
  route({ id: 'projects.create', idempotencyKey: 'optional', method: 'POST', path: '/api/projects', context: c, access: 'user',
    allow: ['staff-other-community', 'staff'],
    summary: 'Committee or staff open a fundable project with a budget, optionally for an accepted proposal', query: NoQuery,
    body: CreateProjectBody, response: Project, status: 201 }),
  route({ id: 'projects.get', method: 'GET', path: '/api/projects/{id}', context: c, access: 'public', allow: 'anyone',
    summary: 'One project with its funding', params: IdParams, query: CommunityQuery, response: Project, status: 200 }),
  route({ id: 'expenses.create', idempotencyKey: 'optional', method: 'POST', path: '/api/projects/{id}/expenses', context: c, access: 'user',
    allow: ['staff'], hiddenFrom: ['staff-other-community'],
    summary: 'Committee or staff record an expense against a project, with its receipt', params: IdParams, query: NoQuery,
    body: ExpenseBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'inKindUses.create', idempotencyKey: 'optional', method: 'POST', path: '/api/projects/{id}/in-kind-uses', context: c, access: 'user',
    allow: ['staff'], hiddenFrom: ['staff-other-community'],
    summary: 'Committee or staff record donated goods used (never more than received)', params: IdParams, query: NoQuery,
    body: InKindUseBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'volunteerHours.create', idempotencyKey: 'optional', method: 'POST', path: '/api/projects/{id}/volunteer-hours', context: c,
    access: 'user', allow: ['staff'], hiddenFrom: ['staff-other-community'],
    summary: 'Staff or committee record volunteer time on a project', params: IdParams, query: NoQuery,
    body: VolunteerHoursBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'allocations.create', idempotencyKey: 'optional', method: 'POST', path: '/api/allocations', context: c, access: 'user',
    allow: ['staff-other-community', 'staff'],
    summary: 'Staff or committee record government money for a project or the general fund', query: NoQuery,
    body: AllocationBody, response: LedgerEntryFull, status: 201 }),

  route({ id: 'ledger.list', method: 'GET', path: '/api/ledger', context: c, access: 'public', allow: 'anyone',
    summary: 'The public ledger, newest first, by project, kind and status', query: ListLedgerQuery,
    response: LedgerPage, status: 200 }),
  route({ id: 'ledger.summary', method: 'GET', path: '/api/ledger/summary', context: c, access: 'public', allow: 'anyone',
    summary: 'Totals by source for the community, the general fund and each project', query: CommunityQuery,
    response: LedgerSummary, status: 200 }),
  route({ id: 'ledger.entry', method: 'GET', path: '/api/ledger/entries/{id}', context: c, access: 'public', allow: 'anyone',
    summary: 'One ledger entry (what a receipt\'s QR code opens)', params: IdParams, query: CommunityQuery,
    response: LedgerEntry, status: 200 }),
  route({ id: 'ledger.reverse', idempotencyKey: 'optional', method: 'POST', path: '/api/ledger/entries/{id}/reversal', context: c, access: 'user',
    allow: ['staff'], hiddenFrom: ['staff-other-community'],
    summary: 'Committee or staff correct an entry by a new entry reversing it, with a reason', params: IdParams,
    query: NoQuery, body: ReversalBody, response: LedgerEntryFull, status: 201 }),
  route({ id: 'ledger.verify', method: 'GET', path: '/api/ledger/verify', context: c, access: 'public', allow: 'anyone',
    summary: 'Recompute the hash chain: ok, or the first broken position', query: CommunityQuery,
    response: Verification, status: 200 }),
  route({ id: 'ledger.export.json', method: 'GET', path: '/api/ledger/export.json', context: c, access: 'public', allow: 'anyone',
    summary: 'The public ledger as hashed (the first `through` entries, or all), for offline verification (npm run ledger:verify)', query: LedgerExportQuery,
    response: LedgerExport, status: 200 }),
  route({ id: 'ledger.export.csv', method: 'GET', path: '/api/ledger/export.csv', context: c, access: 'public', allow: 'anyone',
    summary: 'The public ledger as CSV (open data; the first `through` entries, or all)', query: LedgerExportQuery, response: LedgerCsv, status: 200,
    produces: 'text/csv' }),
] as const satisfies readonly RouteDef[];
