/** Builds the proposal use cases' dependencies on one DynamoDB client (handler, demo seed, tests). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CommunityRepository } from '../community/repository.js';
import { systemClock } from '../shared/clock.js';
import type { Config } from '../shared/config.js';
import { newId } from '../shared/ids.js';
import { createNotify } from '../notifications/outbox.js';
import { WriteLimits } from '../shared/write-limits.js';
import { CommentRepository } from './comment-repository.js';
import type { ProposalDeps } from './deps.js';
import { LifecycleRepository } from './lifecycle-repository.js';
import { ProposalRepository } from './repository.js';
import { SupportLimitRepository } from './support-limit-repository.js';

export function createProposalDeps(db: DynamoDBDocumentClient, cfg: Pick<Config, 'tables'>): ProposalDeps {
  const proposals = new ProposalRepository(db, cfg.tables.proposals);
  return {
    proposals,
    lifecycle: new LifecycleRepository(proposals),
    comments: new CommentRepository(db, cfg.tables.proposals),
    supportLimits: new SupportLimitRepository(db, cfg.tables.proposals),
    community: new CommunityRepository(db, cfg.tables.community),
    writeLimits: new WriteLimits(db, cfg.tables.proposals),
    clock: systemClock,
    newId,
    notify: createNotify(db, cfg.tables.notifications),
  };
}
