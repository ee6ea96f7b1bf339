/**
 * Table definitions, written once: the CDK data stack and the local start-up both build their
 * tables from these rows, so the keys and indexes tested locally are the ones deployed.
 */
import type { ContextName } from '../../routes.js';

export interface IndexDef {
  readonly name: string;
  readonly pk: string;
  readonly sk: string;
  /** Non-key attributes copied into the index; 'ALL' copies the whole item. */
  readonly projection: 'ALL' | readonly string[];
}

export interface TableDef {
  readonly context: ContextName;
  /** Environment variable carrying the table's real name into the Lambda. */
  readonly envVar: `TABLE_${Uppercase<ContextName>}`;
  readonly indexes: readonly IndexDef[];
}

/** List pages read only these; keeping big attributes (descriptions, supporter sets) out of the
 * index keeps index writes at 1 WCU whatever the proposal's size. */
const proposalSummary = [
  'id', 'communityId', 'title', 'category', 'location', 'estimatedCostFen', 'status', 'supportCount',
  'supportThreshold', 'progress', 'openObjections', 'hiddenAt', 'authorId', 'authorName', 'createdAt', 'updatedAt',
] as const;

/** What an activity list shows: never the bookings map, so index writes stay small. */
const activitySummary = [
  'id', 'communityId', 'spaceId', 'title', 'host', 'audience', 'startsAt', 'endsAt', 'capacity', 'confirmed', 'waiting', 'status',
  'cancelReason',
] as const;

const gsi1 = (projection: IndexDef['projection'] = 'ALL'): IndexDef =>
  ({ name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk', projection });

export const tableDefs: Readonly<Record<ContextName, TableDef>> = {
  community: { context: 'community', envVar: 'TABLE_COMMUNITY', indexes: [gsi1()] },
  proposals: {
    context: 'proposals', envVar: 'TABLE_PROPOSALS',
    indexes: [
      gsi1(proposalSummary),
      { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: proposalSummary },
      // Sparse: only open reports carry gsi3pk, so the index is the moderation queue.
      { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk', projection: 'ALL' },
    ],
  },
  activities: {
    context: 'activities', envVar: 'TABLE_ACTIVITIES',
    // gsi1: a space's activities by start time; gsi2: the community's.
    indexes: [gsi1(activitySummary), { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: activitySummary }],
  },
  donations: { context: 'donations', envVar: 'TABLE_DONATIONS', indexes: [gsi1()] },
  ballots: {
    context: 'ballots', envVar: 'TABLE_BALLOTS',
    // gsi1: the units a person represents (projects only the unit id, so a vote's write never touches the
    // index); gsi2: an estate's ballots; gsi3: the community's (only ballot META items carry gsi2/gsi3 keys).
    indexes: [gsi1(['ballotId', 'unitId']), { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: 'ALL' },
      { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk', projection: 'ALL' }],
  },
  notifications: {
    context: 'notifications', envVar: 'TABLE_NOTIFICATIONS',
    // gsi1: a person's inbox by time; gsi2 (sparse, only unread ones): the unread count by a query;
    // gsi3 (sparse, only while a message is owed): what the notifier sends next, by when it is due;
    // gsi4 (sparse, only for people with no channel): a community's call list by day.
    indexes: [gsi1(), { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: ['id'] }, { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk', projection: 'ALL' },
      { name: 'gsi4', pk: 'gsi4pk', sk: 'gsi4sk', projection: 'ALL' }],
  },
};

/** Name of a table when nothing else is configured (local start-up and tests). */
export const localTableName = (context: ContextName): string => `gongzhi-${context}`;
