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

/**
 * PIPL only (`GET /api/me/data`, `DELETE /api/me`): find every item naming a person in a table and put
 * a pseudonym in place of their name. The one Scan: rare, and nothing held about someone is missed.
 */
export const personalActions = ['dynamodb:Scan', 'dynamodb:UpdateItem'] as const;

/**
 * Producing notifications (functions/notifications/outbox.ts): one conditional put per person and
 * change, nothing else. The notifications table is the outbox, and producers never read it.
 */
export const notifyActions = ['dynamodb:PutItem'] as const;

export interface TableAccess {
  readonly write: readonly ContextName[];
  readonly read: readonly ContextName[];
  /** Tables scanned for a person's data and rewritten with their pseudonym (the community context). */
  readonly personal?: readonly ContextName[];
  /** Writes notifications after its changes: PutItem on the notifications table (`notifyActions`) and its name. */
  readonly notify?: boolean;
}

/** The contexts whose use cases tell people what happened to them (DESIGN rule 9). */
export const notifyingContexts: readonly ContextName[] = ['community', 'proposals', 'activities', 'donations', 'ballots'];

const overrides: Partial<Record<ContextName, TableAccess>> = {
  // The community context keeps the registry and memberships in its own table; for PIPL it finds
  // and pseudonymizes a person's items in every table (functions/community/my-data.ts walks `contexts`).
  community: { write: ['community'], read: [], personal: ['community', 'proposals', 'activities', 'donations', 'ballots', 'notifications'] },
  proposals: { write: ['proposals'], read: ['community'] },
  // The ledger links a project to an accepted proposal, read from the proposals table.
  donations: { write: ['donations'], read: ['community', 'proposals'] },
};

export const tableAccess = (context: ContextName): TableAccess => ({
  ...(overrides[context] ?? { write: [context], read: context === 'community' ? [] : ['community'] }),
  notify: notifyingContexts.includes(context),
});

/**
 * The notifier (infra/notifier.ts): it reads what is owed and the people's settings and marks what it
 * sent in the notifications table (no Delete, no BatchWrite, no Scan), and for the daily reminders
 * reads the community registry, tomorrow's activities, the ballots closing and the proposals whose
 * notice period ends, and writes their notifications.
 */
export const notifierAccess: Readonly<Partial<Record<ContextName, readonly string[]>>> = {
  notifications: [...readActions, 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  community: readActions,
  activities: readActions,
  ballots: readActions,
  proposals: readActions,
};
