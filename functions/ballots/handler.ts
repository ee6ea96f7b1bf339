/** Lambda entry for property-committee ballots: rolls, ballots, votes, results. */
import type { ContextRouteId } from '../routes.js';
import { createHandler } from '../shared/http/create-handler.js';
import type { ContextImpls } from '../shared/http/types.js';
import { ConflictError } from '../shared/errors.js';

const todo = async (): Promise<never> => { throw new ConflictError('Not built yet.', 'not_implemented'); };

export const impls: ContextImpls<ContextRouteId<'ballots'>> = {
  'roll.import': todo, 'roll.get': todo, 'roll.summary': todo,
  'ballots.list': todo, 'ballots.create': todo, 'ballots.get': todo,
  'ballots.vote.get': todo, 'ballots.vote.put': todo,
  'ballots.units.list': todo, 'ballots.units.vote': todo, 'ballots.units.history': todo,
  'ballots.close': todo, 'ballots.receipts': todo,
  'ballots.objections.create': todo, 'ballots.objections.respond': todo,
};

export const handler = createHandler('ballots', impls);
