/** Lambda entry for the donations ledger: gifts, projects, spending and the public, verifiable chain. */
import type { ContextRouteId } from '../routes.js';
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import { donationRoutes } from './routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { createLedgerDeps } from './wire.js';
import {
  exportCsv, exportJson, getDonation, getProject, ledgerEntry, ledgerSummary, listDonations, listLedger, listProjects, myDonations,
  verifyLedger,
} from './read-ledger.js';
import { allocationPayload, confirmGift, createProject, expensePayload, recordDonation, recordFact, reverseEntry } from './use-cases.js';

const deps = createLedgerDeps(documentClient(), config(), systemClock);

export const impls: ContextImpls<ContextRouteId<'donations'>> = {
  'donations.create': ({ callerId, headers, body }) => recordDonation(deps, callerId, headers, body),
  'donations.list': ({ callerId, query }) => listDonations(deps, callerId, query),
  'donations.get': ({ callerId, query, params }) => getDonation(deps, callerId, query, params.id),
  'donations.confirm': ({ callerId, headers, params, body }) => confirmGift(deps, callerId, headers, params.id, body),
  'me.donations': ({ callerId, query }) => myDonations(deps, callerId, query),
  'projects.list': ({ query }) => listProjects(deps, query),
  'projects.create': ({ callerId, headers, body }) => createProject(deps, callerId, headers, body),
  'projects.get': ({ query, params }) => getProject(deps, query, params.id),
  'expenses.create': ({ callerId, headers, params, body }) =>
    recordFact(deps, callerId, headers, 'expenses.create', params.id, false, expensePayload(body)),
  'inKindUses.create': ({ callerId, headers, params, body }) =>
    recordFact(deps, callerId, headers, 'inKindUses.create', params.id, false, { kind: 'in_kind_use', ...body }),
  'volunteerHours.create': ({ callerId, headers, params, body }) =>
    recordFact(deps, callerId, headers, 'volunteerHours.create', params.id, false, { kind: 'volunteer_hours', ...body }),
  'allocations.create': ({ callerId, headers, body }) =>
    recordFact(deps, callerId, headers, 'allocations.create', body.projectId ?? null, true, allocationPayload(body)),
  'ledger.list': ({ query }) => listLedger(deps, query),
  'ledger.summary': ({ query }) => ledgerSummary(deps, query),
  'ledger.entry': ({ query, params }) => ledgerEntry(deps, query, params.id),
  'ledger.reverse': ({ callerId, headers, params, body }) => reverseEntry(deps, callerId, headers, params.id, body.reason),
  'ledger.verify': ({ query }) => verifyLedger(deps, query),
  'ledger.export.json': ({ query }) => exportJson(deps, query),
  'ledger.export.csv': ({ query }) => exportCsv(deps, query),
};

export const handler = createHandler(donationRoutes, impls);
