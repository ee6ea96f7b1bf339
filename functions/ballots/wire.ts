/** Builds the ballots context's dependencies (the Lambda, the demo seed and the bench share it). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CommunityRepository } from '../community/repository.js';
import { systemClock } from '../shared/clock.js';
import type { Config } from '../shared/config.js';
import { newId } from '../shared/ids.js';
import { createNotify } from '../notifications/outbox.js';
import { WriteLimits } from '../shared/write-limits.js';
import { BallotCache } from './ballot-cache.js';
import { randomCode } from './codes.js';
import type { BallotDeps } from './deps.js';
import { ReceiptRepository } from './receipt-repository.js';
import { BallotRepository } from './repository.js';
import { RegistryReader } from './roll-from-registry.js';
import { RollRepository } from './roll-repository.js';

export const createBallotDeps = (db: DynamoDBDocumentClient, cfg: Pick<Config, 'tables'>): BallotDeps => ({
  ballots: new BallotRepository(db, cfg.tables.ballots),
  receipts: new ReceiptRepository(db, cfg.tables.ballots),
  rolls: new RollRepository(db, cfg.tables.ballots, cfg.tables.community),
  community: new CommunityRepository(db, cfg.tables.community),
  writeLimits: new WriteLimits(db, cfg.tables.ballots),
  registry: new RegistryReader(db, cfg.tables.community),
  cache: new BallotCache(), clock: systemClock, newId, randomCode, notify: createNotify(db, cfg.tables.notifications),
});
