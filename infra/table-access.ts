/**
 * Which tables each context's Lambda may touch. Least privilege is the default path: a context
 * writes only its own table and reads the community table (memberships, households) to authorize.
 */
import type { ContextName } from '../functions/routes.js';

/** What the repositories send (Get, BatchGet, Query); no Scan: every access pattern is a named Query. */
export const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** Single-item writes only (Put, Update, Delete, BatchWrite); no transactions, see DESIGN rule 4. */
export const writeActions = [
  'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem',
] as const;

export interface TableAccess {
  readonly write: readonly ContextName[];
  readonly read: readonly ContextName[];
}

const overrides: Partial<Record<ContextName, TableAccess>> = {
  // The community context reads estates and memberships ("me") and writes only a member's own
  // priority-seat details (birth years) on their profile.
  community: { write: ['community'], read: [] },
  proposals: { write: ['proposals'], read: ['community'] },
  // The ledger links a project to an accepted proposal, read from the proposals table.
  donations: { write: ['donations'], read: ['community', 'proposals'] },
};

export const tableAccess = (context: ContextName): TableAccess =>
  overrides[context] ?? { write: [context], read: context === 'community' ? [] : ['community'] };
