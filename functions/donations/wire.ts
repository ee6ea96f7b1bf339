/** Builds the ledger's dependencies from a document client and the configuration (the handler, the seed and the bench share it). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RegistryRepository } from '../community/registry-repository.js';
import { CommunityRepository } from '../community/repository.js';
import type { Clock } from '../shared/clock.js';
import type { Config } from '../shared/config.js';
import { createNotify } from '../notifications/outbox.js';
import { newId } from '../shared/ids.js';
import { LedgerRepository, ProposalReader } from './repository.js';
import { LedgerStore } from './store.js';
import type { LedgerDeps } from './access.js';

export function createLedgerDeps(db: DynamoDBDocumentClient, cfg: Pick<Config, 'tables'>, clock: Clock, ids: () => string = newId): LedgerDeps {
  const repo = new LedgerRepository(db, cfg.tables.donations);
  return {
    repo, store: new LedgerStore(repo, clock, ids),
    community: new CommunityRepository(db, cfg.tables.community),
    communities: new RegistryRepository(db, cfg.tables.community),
    proposals: new ProposalReader(db, cfg.tables.proposals),
    clock, notify: createNotify(db, cfg.tables.notifications),
  };
}
