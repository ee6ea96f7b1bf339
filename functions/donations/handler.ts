/** Lambda entry for the donations ledger (placeholder until the use cases land). */
import type { ContextRouteId } from '../routes.js';
import { createHandler } from '../shared/http/create-handler.js';
import type { ContextImpls } from '../shared/http/types.js';

const todo = (): never => { throw new Error('The donations ledger is being built.'); };

export const impls: ContextImpls<ContextRouteId<'donations'>> = {
  'donations.create': async () => todo(),
  'donations.list': async () => todo(),
  'donations.get': async () => todo(),
  'donations.confirm': async () => todo(),
  'me.donations': async () => todo(),
  'projects.list': async () => todo(),
  'projects.create': async () => todo(),
  'projects.get': async () => todo(),
  'expenses.create': async () => todo(),
  'inKindUses.create': async () => todo(),
  'volunteerHours.create': async () => todo(),
  'allocations.create': async () => todo(),
  'ledger.list': async () => todo(),
  'ledger.summary': async () => todo(),
  'ledger.entry': async () => todo(),
  'ledger.reverse': async () => todo(),
  'ledger.verify': async () => todo(),
  'ledger.export.json': async () => todo(),
  'ledger.export.csv': async () => todo(),
};

export const handler = createHandler('donations', impls);
