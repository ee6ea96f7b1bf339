/** The donations ledger through the HTTP layer against dynalite: idempotent gifts, the chain under a rush, tampering, roles. */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  LedgerEntry, LedgerEntryFull, LedgerExport, LedgerPage, LedgerSummary, Project, Verification,
} from '../../functions/contracts/ledger.js';
import { ledgerKeys } from '../../functions/donations/repository.js';
import { verifyExport } from '../../functions/donations/verify-cli.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { usePlatform } from '../support/platform.js';
import { addResidents } from '../support/residents.js';

const { api, as } = usePlatform();

interface Raw { status: number; text: string; body: any; type: string | null }
async function send(method: string, path: string, opts: { who?: string; body?: unknown; key?: string | null } = {}): Promise<Raw> {
  const headers: Record<string, string> = {};
  if (opts.who) headers.authorization = `Bearer ${await as(opts.who)}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await fetch(`${api.base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* CSV */ }
  return { status: res.status, text, body, type: res.headers.get('content-type') };
}
const give = (who: string, body: object, key: string | null = randomUUID()) => send('POST', '/api/donations', { who, body, key });
const money = (amountFen: number, over: object = {}) => ({ type: 'money', amountFen, currency: 'CNY', channel: 'wechat_pay', ...over });
const summary = async () => LedgerSummary.parse((await send('GET', '/api/ledger/summary?community=chating')).body);
const chain = async () => LedgerExport.parse((await send('GET', '/api/ledger/export.json?community=chating')).body);

async function newProject(title = '动感乐园遮阳棚', budgetFen = 2_000_000): Promise<Project> {
  const r = await send('POST', '/api/projects', { who: 'committee1', body: { title, budgetFen } });
  expect(r.status).toBe(201);
  return Project.parse(r.body);
}

describe('recording a gift with an Idempotency-Key', () => {
  it('needs the key: 400 naming the header, and nothing is written', async () => {
    const before = (await summary()).length;
    const r = await give('resident1', money(100), null);
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([expect.objectContaining({ path: 'headers.idempotency-key' })]);
    expect((await summary()).length).toBe(before);
  });

  it('answers a sequential replay with the first response, same status and body, and makes one entry', async () => {
    const key = randomUUID();
    const before = (await summary()).length;
    const first = await give('resident2', money(5000), key);
    expect(first.status).toBe(201);
    const entry = LedgerEntryFull.parse(first.body);
    expect(entry).toMatchObject({ kind: 'money_gift', amountFen: 5000, status: 'pledged', donor: { userId: 'resident2' } });
    for (let i = 0; i < 3; i++) {
      const again = await give('resident2', money(5000), key);
      expect(again.status).toBe(first.status);
      expect(again.text).toBe(first.text);
    }
    expect((await summary()).length).toBe(before + 1);
    // Still the first response after the gift was confirmed: a replay is not a fresh read.
    expect((await send('POST', `/api/donations/${entry.id}/confirmation`, { who: 'staff1', body: {} })).status).toBe(201);
    expect((await give('resident2', money(5000), key)).text).toBe(first.text);
  });

  it('makes one entry for 50 concurrent replays, each answered with the same 201 and body', async () => {
    const key = randomUUID();
    const before = (await summary()).length;
    const replies = await Promise.all(Array.from({ length: 50 }, () => give('resident3', money(888, { channel: 'cash' }), key)));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    const after = await chain();
    expect(after.length).toBe(before + 1);
    expect(after.entries.filter((e) => e.id === replies[0]!.body.id)).toHaveLength(1);
  });

  it('refuses the same key with a different body (409), and a key is the caller\'s own', async () => {
    const key = randomUUID();
    expect((await give('resident4', money(100), key)).status).toBe(201);
    const other = await give('resident4', money(200), key);
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'idempotency_key_reused' } } });
    // Another donor may happen to use the same key: that is a different gift.
    expect((await give('resident5', money(200), key)).status).toBe(201);
  });
});

describe('the chain under a rush', () => {
  it('makes a chain of 100 for 100 concurrent donations from different donors: no fork, no gap, verified', async () => {
    const donors = await addResidents('rushdonor', 100);
    const before = await chain();
    const replies = await Promise.all(donors.map((d, i) => give(d, money(100 + i))));
    expect(replies.map((r) => r.status)).toEqual(Array(100).fill(201));
    const after = await chain();
    expect(after.length).toBe(before.length + 100);
    const added = after.entries.slice(before.length);
    expect(added.map((e) => e.position)).toEqual(Array.from({ length: 100 }, (_, i) => before.length + 1 + i));
    expect(new Set(added.map((e) => e.id))).toEqual(new Set(replies.map((r) => r.body.id)));
    added.forEach((e, i) => expect(e.prevHash).toBe((i === 0 ? before.entries.at(-1)! : added[i - 1]!).hash));
    expect(Verification.parse((await send('GET', '/api/ledger/verify?community=chating')).body)).toMatchObject({ ok: true, length: after.length, firstBroken: null });
  });
});

describe('totals by source', () => {
  it('shows budget, raised by source, pledges apart, spent, balance and stock for a project', async () => {
    const p = await newProject('华侨里花架', 1_000_000);
    const id = p.id;
    expect((await send('POST', '/api/allocations', { who: 'staff1', body: { projectId: id, amountFen: 400_000, source: '莫愁湖街道' } })).status).toBe(201);
    const cash = LedgerEntryFull.parse((await give('resident6', money(30_000, { projectId: id }))).body);
    await give('resident7', money(20_000, { projectId: id }));
    const tents = LedgerEntryFull.parse((await give('resident8', { type: 'in_kind', item: '帐篷', quantity: 12, unit: '顶', estimatedValueFen: 240_000, projectId: id })).body);
    for (const g of [cash, tents]) expect((await send('POST', `/api/donations/${g.id}/confirmation`, { who: 'staff1', body: { note: '已清点' } })).status).toBe(201);
    expect((await send('POST', `/api/projects/${id}/expenses`, { who: 'committee1', body: { amountFen: 150_000, payee: '南京花木公司', purpose: '花架材料', receiptNumber: 'FP-2026-001' } })).status).toBe(201);
    expect((await send('POST', `/api/projects/${id}/in-kind-uses`, { who: 'committee1', body: { item: '帐篷', quantity: 10, unit: '顶', purpose: '大门口使用' } })).status).toBe(201);
    const over = await send('POST', `/api/projects/${id}/in-kind-uses`, { who: 'committee1', body: { item: '帐篷', quantity: 3, unit: '顶', purpose: '再用三顶' } });
    expect(over).toMatchObject({ status: 409, body: { error: { code: 'not_enough_stock' } } });
    expect((await send('POST', `/api/projects/${id}/volunteer-hours`, { who: 'staff1', body: { minutes: 240, volunteers: 4, description: '搭花架', workedOn: '2026-11-20' } })).status).toBe(201);
    const got = Project.parse((await send('GET', `/api/projects/${id}?community=chating`)).body);
    expect(got.funding).toEqual({
      budgetFen: 1_000_000, governmentFen: 400_000, donationsFen: 30_000, inKindFen: 240_000, volunteerMinutes: 240,
      pledgedFen: 20_000, inKindPledgedFen: 0, spentFen: 150_000, balanceFen: 280_000,
      stock: [{ item: '帐篷', unit: '顶', received: 12, used: 10, left: 2 }],
    });
    // A correction is a new entry: reversing the expense puts the money back, and the expense stays on the ledger as reversed.
    const page = LedgerPage.parse((await send('GET', `/api/ledger?community=chating&projectId=${id}&kind=expense`)).body);
    expect(page.items).toHaveLength(1);
    const rev = await send('POST', `/api/ledger/entries/${page.items[0]!.id}/reversal`, { who: 'committee1', body: { reason: '重复录入' } });
    expect(rev.status).toBe(201);
    expect((await send('POST', `/api/ledger/entries/${page.items[0]!.id}/reversal`, { who: 'committee1', body: { reason: '重复录入' } })).body.error.code).toBe('already_reversed');
    expect(Project.parse((await send('GET', `/api/projects/${id}?community=chating`)).body).funding).toMatchObject({ spentFen: 0, balanceFen: 430_000 });
    expect(LedgerEntry.parse((await send('GET', `/api/ledger/entries/${page.items[0]!.id}?community=chating`)).body)).toMatchObject({ status: 'reversed', reversedBy: rev.body.id });
    // Pledges and confirmed gifts apart, for staff.
    const pledged = (await send('GET', `/api/donations?projectId=${id}&status=pledged`, { who: 'staff1' })).body;
    expect(pledged.items.map((g: { amountFen: number }) => g.amountFen)).toEqual([20_000]);
    const confirmed = (await send('GET', `/api/donations?projectId=${id}&status=confirmed`, { who: 'staff1' })).body;
    expect(confirmed.items.map((g: LedgerEntryFull) => g.id).sort()).toEqual([cash.id, tents.id].sort());
    // Community totals are the sum of the general fund and every project.
    const s = await summary();
    for (const k of ['governmentFen', 'donationsFen', 'inKindFen', 'volunteerMinutes', 'pledgedFen', 'spentFen', 'balanceFen'] as const) {
      expect(s.totals[k]).toBe(s.generalFund[k] + s.projects.reduce((a, pr) => a + pr.funding[k], 0));
    }
  });

  it('confirms a gift once, and never a reversed one', async () => {
    const g = LedgerEntryFull.parse((await give('resident9', money(700))).body);
    const twice = await Promise.all([1, 2, 3].map(() => send('POST', `/api/donations/${g.id}/confirmation`, { who: 'staff1', body: {} })));
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const h = LedgerEntryFull.parse((await give('resident9', money(701))).body);
    expect((await send('POST', `/api/ledger/entries/${h.id}/reversal`, { who: 'staff1', body: { reason: '捐赠人撤回' } })).status).toBe(201);
    expect((await send('POST', `/api/donations/${h.id}/confirmation`, { who: 'staff1', body: {} })).body.error.code).toBe('reversed');
  });
});

describe('who may do what', () => {
  it('refuses residents recording expenses, allocations, projects, confirmations and reversals', async () => {
    const p = await newProject();
    const g = LedgerEntryFull.parse((await give('resident10', money(100, { projectId: p.id }))).body);
    const tries = [
      send('POST', `/api/projects/${p.id}/expenses`, { who: 'resident10', body: { amountFen: 1, payee: 'x', purpose: 'y', receiptNumber: '1' } }),
      send('POST', '/api/allocations', { who: 'resident10', body: { amountFen: 1, source: '街道' } }),
      send('POST', '/api/projects', { who: 'resident10', body: { title: '我的项目', budgetFen: 1 } }),
      send('POST', `/api/donations/${g.id}/confirmation`, { who: 'resident10', body: {} }),
      send('POST', `/api/donations/${g.id}/confirmation`, { who: 'committee1', body: {} }),
      send('POST', `/api/ledger/entries/${g.id}/reversal`, { who: 'resident10', body: { reason: '不想捐了' } }),
      send('POST', `/api/projects/${p.id}/volunteer-hours`, { who: 'tenant1', body: { minutes: 60, description: '打扫', workedOn: '2026-11-01' } }),
      send('GET', '/api/donations', { who: 'resident10' }),
      give('resident10', money(100, { onBehalfOf: { name: '某公司', donorType: 'organisation', evidence: '收据 001' } })),
    ];
    expect((await Promise.all(tries)).map((r) => r.status)).toEqual(Array(tries.length).fill(403));
    expect((await send('POST', '/api/donations', { body: money(1), key: randomUUID() })).status).toBe(401);
  });

  it('lets staff record for an offline or organisation donor with evidence, and a donor without household give', async () => {
    const r = await give('staff1', { type: 'in_kind', item: '图书', quantity: 20, unit: '本', estimatedValueFen: 60_000, onBehalfOf: { name: '南京新华书店', donorType: 'organisation', evidence: '捐赠函 2026-17' } });
    expect(r.status).toBe(201);
    expect(LedgerEntryFull.parse(r.body)).toMatchObject({ enteredBy: { id: 'staff1' }, donor: { name: '南京新华书店', donorType: 'organisation', userId: null, evidence: '捐赠函 2026-17' } });
    expect(LedgerEntry.parse((await send('GET', `/api/ledger/entries/${r.body.id}?community=chating`)).body)).toMatchObject({ donor: { name: '南京新华书店' } });
    const mine = async () => (await send('GET', '/api/me/donations', { who: 'donor1' })).body.items as { id: string }[];
    const before = await mine();
    const made = await give('donor1', money(10_000, { channel: 'bank_transfer', reference: 'TX-1' }));
    expect(made.status).toBe(201);
    expect((await mine()).map((g) => g.id)).toEqual([made.body.id, ...before.map((g) => g.id)]);
  });

  it('answers bad input with 400 and the fields, never 500', async () => {
    const bad = [
      give('resident11', money(0)),
      give('resident11', money(1.5)),
      give('resident11', money(100, { currency: 'USD' })),
      give('resident11', money(100, { channel: 'alipay' })),
      give('resident11', { type: 'in_kind', item: '书', quantity: 0, unit: '本', estimatedValueFen: 1 }),
      give('resident11', money(100, { projectId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })),
      give('resident11', money(100), 'bad key with spaces'),
      send('GET', '/api/ledger?community=chating&cursor=abc'),
      send('GET', '/api/ledger?community=chating&kind=gift'),
    ];
    for (const r of await Promise.all(bad)) expect(r.status, r.text).toBe(400);
    expect((await send('POST', `/api/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/expenses`, { who: 'committee1', body: { amountFen: 1, payee: 'x', purpose: 'y', receiptNumber: '1' } })).status).toBe(404);
  });
});

describe('reading the public ledger', () => {
  it('pages newest first with a cursor, filters by kind, and exports the same entries as JSON and CSV', async () => {
    const all = await chain();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = LedgerPage.parse((await send('GET', `/api/ledger?community=chating&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).body);
      seen.push(...page.items.map((e) => e.position));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(all.entries.map((e) => e.position).reverse());
    const gifts = LedgerPage.parse((await send('GET', '/api/ledger?community=chating&kind=in_kind_gift&limit=50')).body).items;
    expect(gifts.length).toBeGreaterThan(0);
    expect(gifts.every((e) => e.kind === 'in_kind_gift')).toBe(true);
    const csv = await send('GET', '/api/ledger/export.csv?community=chating');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.text.replace(/^\uFEFF/, '').startsWith('position,id,recordedAt,kind,status,')).toBe(true); // fetch drops the BOM
    expect(csv.text.split('\r\n').filter((l) => /^\d+,[0-9A-Z]{26},/.test(l)).map((l) => Number(l.split(',')[0])))
      .toEqual(all.entries.map((e) => e.position));
  });
});

describe('tamper evidence', () => {
  it('reports the position of an entry edited directly in the database, and the offline check agrees', async () => {
    await give('resident12', money(1234));
    const exported = await chain();
    const target = exported.entries[Math.floor(exported.length / 2)]!;
    const ok = Verification.parse((await send('GET', '/api/ledger/verify?community=chating')).body);
    expect(ok).toMatchObject({ ok: true, firstBroken: null, headHash: exported.headHash });
    await documentClient().send(new UpdateCommand({
      TableName: config().tables.donations, Key: { pk: ledgerKeys.pk('chating'), sk: ledgerKeys.sk(target.position) },
      UpdateExpression: 'SET e.recordedAt = :t', ExpressionAttributeValues: { ':t': '2020-01-01T00:00:00.000Z' },
    }));
    const broken = Verification.parse((await send('GET', '/api/ledger/verify?community=chating')).body);
    expect(broken).toMatchObject({ ok: false, firstBroken: { position: target.position } });
    // The export before the edit checks out offline; the one after names the same position.
    expect(verifyExport(exported)).toMatchObject({ ok: true, length: exported.length });
    expect(verifyExport((await send('GET', '/api/ledger/export.json?community=chating')).body).firstBroken?.position).toBe(target.position);
    // Put it back, then change only the private part: the commitment gives it away.
    await documentClient().send(new UpdateCommand({
      TableName: config().tables.donations, Key: { pk: ledgerKeys.pk('chating'), sk: ledgerKeys.sk(target.position) },
      UpdateExpression: 'SET e.recordedAt = :t', ExpressionAttributeValues: { ':t': target.recordedAt },
    }));
    expect(Verification.parse((await send('GET', '/api/ledger/verify?community=chating')).body).ok).toBe(true);
    const gift = exported.entries.findLast((e) => e.kind === 'money_gift')!;
    await documentClient().send(new UpdateCommand({
      TableName: config().tables.donations, Key: { pk: ledgerKeys.pk('chating'), sk: ledgerKeys.sk(gift.position) },
      UpdateExpression: 'SET p.donorName = :n', ExpressionAttributeValues: { ':n': '冒名顶替' },
    }));
    expect(Verification.parse((await send('GET', '/api/ledger/verify?community=chating')).body)).toMatchObject({ ok: false, firstBroken: { position: gift.position } });
  });
});
