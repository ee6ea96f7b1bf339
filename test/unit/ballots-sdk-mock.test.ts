/**
 * aws-sdk-client-mock checks the exact conditions a vote sends and injects the race the HTTP tests
 * cannot time: a vote checked as open that reaches the unit's item after closing (DESIGN rule 8).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { enterVote } from '../../functions/ballots/staff-entry.js';
import { vote } from '../../functions/ballots/vote.js';
import { createBallotDeps } from '../../functions/ballots/wire.js';
import { localTableName } from '../../functions/shared/db/tables.js';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const NOW = '2026-12-01T10:00:00.000Z';
const meta = {
  pk: `BALLOT#${ID}`, sk: 'META', id: ID, communityId: 'chating', estateId: 'chating.dongyuan', status: 'open', optionsKind: 'decision',
  options: [{ id: 'yes', label: '同意' }, { id: 'no', label: '反对' }, { id: 'abstain', label: '弃权' }],
  opensAt: '2026-11-30T00:00:00.000Z', closesAt: '2026-12-01T10:00:00.500Z',
};
const unit = { pk: `BALLOT#${ID}`, sk: 'UNIT#u1', unitId: 'u1', representativeId: 'resident1', opensAt: meta.opensAt, closesAt: meta.closesAt, areaCentiM2: 5000 };

function deps(now = NOW) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
  const tables = { community: localTableName('community'), ballots: localTableName('ballots') } as never;
  return { ...createBallotDeps(db, { tables }), clock: () => now, randomCode: (n: number) => 'R'.repeat(n) };
}
const keyOf = (input: unknown) => (input as { Key: { sk: string; pk: string } }).Key;

function world(unitAfter: Record<string, unknown> = unit) {
  ddb.on(GetCommand).callsFake((input) => {
    const k = keyOf(input);
    if (k.sk === 'META') return { Item: meta };
    if (k.sk === 'UNIT#u1') return { Item: unitAfter };
    return {};
  });
  ddb.on(QueryCommand).callsFake((input: { IndexName?: string }) => (input.IndexName === 'gsi1'
    ? { Items: [{ unitId: 'u1' }] }
    : { Items: [{ pk: 'USER#staff1', sk: 'PROFILE', displayName: '社区网格员' }, { pk: 'USER#staff1', sk: 'STAFF#chating' }] }));
}

describe('a vote is one conditional UpdateItem on the unit\'s item', () => {
  it('sends the representative, the voting window and "a change, or nothing" as its condition', async () => {
    world();
    ddb.on(UpdateCommand).resolves({ Attributes: { ...unit, choice: 'yes', ck: 'yes', via: 'online', receipt: 'RRRRRRRRRR', votedAt: NOW } });
    const out = await vote(deps(), 'resident1', ID, { choice: 'yes' });
    expect(out.items[0]).toMatchObject({ unitId: 'u1', choice: 'yes', receipt: 'RRRRRRRRRR' });
    const sent = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(sent.Key).toEqual({ pk: `BALLOT#${ID}`, sk: 'UNIT#u1' });
    expect(sent.ConditionExpression).toBe('attribute_exists(pk) AND :now >= opensAt AND :now < closesAt AND '
      + '(attribute_not_exists(changes) OR changes < :max) AND representativeId = :by AND (attribute_not_exists(ck) OR ck <> :ck OR via <> :via)');
    expect(sent.UpdateExpression).toContain('receipt = if_not_exists(receipt, :r)');
    expect(sent.UpdateExpression).toContain('history = list_append(if_not_exists(history, :empty), :entry)');
    expect(sent.ExpressionAttributeValues).toMatchObject({ ':by': 'resident1', ':now': NOW, ':ck': 'yes', ':entry': [{ choice: 'yes', at: NOW, via: 'online', by: 'resident1' }] });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses with 409 a vote that was open when checked but reaches the item after closing', async () => {
    world({ ...unit, closesAt: '2026-12-01T09:59:59.000Z' });
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    await expect(vote(deps(), 'resident1', ID, { choice: 'no' })).rejects.toMatchObject({ status: 409, code: 'closed' });
  });

  it('treats the same vote again as no change (200), not as an error', async () => {
    world({ ...unit, choice: 'no', ck: 'no', via: 'online', receipt: 'ABCDEFGHJK', changes: 1 });
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    const out = await vote(deps(), 'resident1', ID, { choice: 'no' });
    expect(out.items[0]).toMatchObject({ choice: 'no', receipt: 'ABCDEFGHJK' });
  });

  it('sends only the UpdateItem once the ballot and the voter\'s units are kept; a refusal on kept readings reads afresh first', async () => {
    world();
    ddb.on(UpdateCommand).resolves({ Attributes: { ...unit, choice: 'yes', ck: 'yes', via: 'online', receipt: 'RRRRRRRRRR', votedAt: NOW } });
    const warm = deps();
    await vote(warm, 'resident1', ID, { choice: 'yes' });
    ddb.resetHistory();
    await vote(warm, 'resident1', ID, { choice: 'no' });
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(['UpdateCommand']);
    ddb.resetHistory();
    world({ ...unit, closesAt: '2026-12-01T09:59:59.000Z' });
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    await expect(vote(warm, 'resident1', ID, { choice: 'no' })).rejects.toMatchObject({ status: 409, code: 'closed' });
    // The kept try (write, unit read), then afresh: META, the voter's units, the write, the unit read.
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(
      ['UpdateCommand', 'GetCommand', 'GetCommand', 'QueryCommand', 'UpdateCommand', 'GetCommand']);
  });

  it('staff entry without replace may only write a unit that has not voted; with replace, any unit, reason kept', async () => {
    world();
    ddb.on(UpdateCommand).resolves({ Attributes: { ...unit, choice: 'yes', ck: 'yes', via: 'paper', history: [{}] } });
    const paper = { choice: 'yes', via: 'paper' as const, evidence: { formNumber: 'ZB-1' }, replace: false };
    await enterVote(deps(), 'staff1', ID, 'u1', paper);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ConditionExpression).toMatch(/ AND attribute_not_exists\(ck\)$/);
    await enterVote(deps(), 'staff1', ID, 'u1', { ...paper, replace: true, reason: '业主更正' });
    const replaced = ddb.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(replaced.ConditionExpression).not.toContain('attribute_not_exists(ck)');
    expect(replaced.ConditionExpression).not.toContain('representativeId');
    expect(replaced.ExpressionAttributeValues![':entry']).toEqual([expect.objectContaining({ reason: '业主更正', by: 'staff1', evidence: expect.objectContaining({ formNumber: 'ZB-1' }) })]);
  });
});
