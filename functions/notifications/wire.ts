/** The notifications context's dependencies, built once per container (the API Lambda, the notifier, the local server). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ActivityRepository } from '../activities/repository.js';
import { BallotRepository } from '../ballots/repository.js';
import { CommunityRepository } from '../community/repository.js';
import { ProposalRepository } from '../proposals/repository.js';
import { RegistryRepository } from '../community/registry-repository.js';
import type { Config } from '../shared/config.js';
import { newId } from '../shared/ids.js';
import { adaptersFrom } from './channels.js';
import type { InboxDeps } from './inbox.js';
import type { NotifierDeps } from './notifier.js';
import { createNotify } from './outbox.js';
import type { ReminderDeps } from './reminders.js';
import { NotificationRepository } from './repository.js';
import { UnsubscribeTokens } from './unsubscribe.js';

export function createInboxDeps(db: DynamoDBDocumentClient, cfg: Config, clock: () => string): InboxDeps {
  return { notifications: new NotificationRepository(db, cfg.tables.notifications), community: new CommunityRepository(db, cfg.tables.community), clock };
}

export function createNotifierDeps(db: DynamoDBDocumentClient, cfg: Config, clock: () => string): NotifierDeps {
  const notifications = new NotificationRepository(db, cfg.tables.notifications);
  return {
    notifications, tokens: new UnsubscribeTokens(db, cfg.tables.notifications, notifications),
    adapters: adaptersFrom(cfg, (m) => notifications.recordDevMessage(m), clock), clock, newId, siteUrl: cfg.notify.siteUrl,
  };
}

export function createReminderDeps(db: DynamoDBDocumentClient, cfg: Config, clock: () => string): ReminderDeps {
  return {
    registry: new RegistryRepository(db, cfg.tables.community), community: new CommunityRepository(db, cfg.tables.community),
    activities: new ActivityRepository(db, cfg.tables.activities), ballots: new BallotRepository(db, cfg.tables.ballots),
    proposals: new ProposalRepository(db, cfg.tables.proposals), notify: createNotify(db, cfg.tables.notifications), clock,
  };
}
