/**
 * `import-community --replace` against dynalite: it puts the community back as exported (items lost, changed
 * or written since), sets included, leaves another community as it was, and a second run changes nothing.
 */
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommunity, importCommunity } from '../../functions/admin/community-data.js';
import type { Engine } from '../../functions/local/dynamo.js';
import { contexts } from '../../functions/routes.js';
import { config } from '../../functions/shared/config.js';
import { startTestEngine } from '../support/engine.js';

const P1 = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const P2 = '01JBBBBBBBBBBBBBBBBBBBBBBB';
const A2 = '01JCCCCCCCCCCCCCCCCCCCCCCC';
let engine: Engine;
let db: Awaited<ReturnType<typeof startTestEngine>>['db'];
const t = () => config().tables;
const put = (table: string, Item: Record<string, unknown>) => db.send(new PutCommand({ TableName: table, Item }));
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const everything = async () => Object.fromEntries(await Promise.all(contexts.map(async (c) =>
  [c, ((await db.send(new ScanCommand({ TableName: t()[c] }))).Items ?? []).map((i) => `${i.pk} ${i.sk}`).sort()]))) as Record<string, string[]>;

beforeAll(async () => {
  ({ engine, db } = await startTestEngine());
  for (const c of ['a', 'b']) await put(t().community, { pk: `COMMUNITY#${c}`, sk: 'META', id: c });
  await put(t().community, { pk: 'USER#ann', sk: 'PROFILE', communityId: 'a', linkedPersons: new Set(['p-1']) });
  await put(t().proposals, { pk: `PROPOSAL#${P1}`, sk: 'META', communityId: 'a', supporters: new Set(['ann', 'bob']), supportCount: 2 });
  await put(t().proposals, { pk: `PROPOSAL#${P1}`, sk: 'BODY', description: '长椅' });
  await put(t().proposals, { pk: `PROPOSAL#${P2}`, sk: 'META', communityId: 'b', supporters: new Set(['cat']), supportCount: 1 });
  await put(t().activities, { pk: `ACTIVITY#${A2}`, sk: 'META', communityId: 'b', b: {} });
});
afterAll(() => engine.close());

describe('import-community --replace', () => {
  it('puts the community back exactly as exported, sets included, and only that community', async () => {
    const before = json(await exportCommunity(db, t(), 'a', 'then'));
    const bBefore = json(await exportCommunity(db, t(), 'b', 'then'));
    // Lost, changed, and written since the export: one of each; and b changes on its own meanwhile.
    await db.send(new DeleteCommand({ TableName: t().proposals, Key: { pk: `PROPOSAL#${P1}`, sk: 'BODY' } }));
    await db.send(new UpdateCommand({ TableName: t().proposals, Key: { pk: `PROPOSAL#${P1}`, sk: 'META' }, UpdateExpression: 'DELETE supporters :u ADD supportCount :m',
      ExpressionAttributeValues: { ':u': new Set(['bob']), ':m': -1 } }));
    await put(t().proposals, { pk: `PROPOSAL#${P1}`, sk: 'COMMENT#01JDDDDDDDDDDDDDDDDDDDDDDD', body: 'written after the export' });
    await put(t().notifications, { pk: 'USER#ann', sk: 'N#later', communityId: 'a' });
    await put(t().activities, { pk: 'USER#ann', sk: `BOOKING#${A2}`, activityId: A2 }); // ann books in b: b's as well

    const r = await importCommunity(db, t(), before, true);
    expect(r.deleted).toMatchObject({ proposals: 1, notifications: 0, activities: 0 });
    // The booking belongs to b's activity too, and so (by the export's rule) do ann's other items: kept, and named.
    expect(r.kept).toContain(`activities: USER#ann BOOKING#${A2}`);
    expect(r.kept).toContain('notifications: USER#ann N#later');

    const after = json(await exportCommunity(db, t(), 'a', 'now'));
    expect({ ...after.tables, activities: [], notifications: [] }).toEqual({ ...before.tables, activities: [], notifications: [] });
    expect(after.tables.proposals.find((i) => i.pk === `PROPOSAL#${P1}` && i.sk === 'META')!.supporters).toEqual({ $SS: ['ann', 'bob'] });
    const meta = await db.send(new ScanCommand({ TableName: t().proposals }));
    expect(meta.Items!.find((i) => i.pk === `PROPOSAL#${P1}` && i.sk === 'META')!.supporters).toEqual(new Set(['ann', 'bob']));
    expect(json(await exportCommunity(db, t(), 'b', 'now')).tables.proposals).toEqual(bBefore.tables.proposals);
  });

  it('changes nothing when run again', async () => {
    const doc = json(await exportCommunity(db, t(), 'a', 'then'));
    const tables = await everything();
    const r = await importCommunity(db, t(), doc, true);
    expect(Object.values(r.deleted).every((n) => n === 0)).toBe(true);
    expect(await everything()).toEqual(tables);
    expect(json(await exportCommunity(db, t(), 'a', 'then'))).toEqual(doc);
  });

  it('refuses to write over a community without --replace', async () => {
    const doc = json(await exportCommunity(db, t(), 'a', 'then'));
    await expect(importCommunity(db, t(), doc)).rejects.toThrow(/already here; pass --replace/);
  });
});
