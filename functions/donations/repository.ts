/**
 * The only code that speaks DynamoDB for the donations table.
 *
 * Why the chain cannot fork or leave a gap, even when a Lambda dies: an entry is ONE item, keyed by
 * its community and its position (`pk = LEDGER#<community>`, `sk = POS#0000000042`), written with
 * `attribute_not_exists(pk)`. A writer first reads the chain's tail (position n, hash h), then puts
 * position n + 1 carrying `prevHash = h`. Two writers racing for n + 1: DynamoDB lets exactly one
 * put through, the other gets ConditionalCheckFailed, reads the new tail and tries n + 2. So:
 * - no fork: a position is a key, and a key holds one item;
 * - no gap: n + 1 is only ever written by someone who has read n;
 * - no half-done append: there is no second write. The usual alternative, a "head" item advanced by a
 *   conditional update and then the entry put, leaves a head pointing at a missing entry (a gap) when
 *   the Lambda dies between its two writes, and needs repair; here the tail *is* the head.
 * The idempotency key travels inside the entry (its private part), and the key check runs on the
 * tail read just before the put, so "key already used" and "append" are serialised by the same
 * conditional write: a replay, a concurrent duplicate or a retry after a crash finds the entry, never
 * writes a second one, and no separate key record can be lost or left half-written.
 */
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { proposalKeys } from '../proposals/records.js';
import { isConditionFailed } from '../shared/db/client.js';
import type { ChainItem } from './ledger.js';

export const ledgerKeys = {
  pk: (communityId: string) => `LEDGER#${communityId}`,
  sk: (position: number) => `POS#${String(position).padStart(10, '0')}`,
};
export const positionOfSk = (sk: string): number => Number(sk.slice(4));

type Row = { pk: string; sk: string; e: ChainItem['e']; h: string; p?: ChainItem['p'] };
const toItem = (r: Row): ChainItem => ({ e: r.e, h: r.h, ...(r.p ? { p: r.p } : {}) });

export class LedgerRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** Entries from `fromPosition` on (through `toPosition` when given), in order, strongly consistent (the tail decides the next append). */
  async readFrom(communityId: string, fromPosition: number, toPosition?: number): Promise<ChainItem[]> {
    const out: ChainItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({
        TableName: this.table, ConsistentRead: true,
        KeyConditionExpression: toPosition === undefined ? 'pk = :pk AND sk >= :from' : 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': ledgerKeys.pk(communityId), ':from': ledgerKeys.sk(fromPosition), ...(toPosition === undefined ? {} : { ':to': ledgerKeys.sk(toPosition) }) },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      for (const r of (page.Items ?? []) as Row[]) out.push(toItem(r));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Writes the entry at its position; false when that position is taken (someone appended first). */
  async append(item: ChainItem): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { pk: ledgerKeys.pk(item.e.communityId), sk: ledgerKeys.sk(item.e.position), ...item },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }
}

export interface LinkedProposal { id: string; communityId: string; status: string; title: string }

/** Reads one proposal's META from the proposals table (read-only access, see infra/table-access.ts). */
export class ProposalReader {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(id: string): Promise<LinkedProposal | null> {
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: proposalKeys.pk(id), sk: 'META' },
      ProjectionExpression: '#s, communityId, title', ExpressionAttributeNames: { '#s': 'status' },
    }));
    const m = out.Item;
    return m ? { id, communityId: String(m.communityId), status: String(m.status), title: String(m.title) } : null;
  }
}
