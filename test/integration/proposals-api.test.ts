import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Proposal, ProposalPage } from '../../functions/contracts/proposals.js';
import type { Platform } from '../../functions/local/platform.js';
import { sampleProposal, startTestPlatform, type Api } from '../support/platform.js';

let platform: Platform;
let api: Api;
let resident1: string;

beforeAll(async () => {
  ({ platform, api } = await startTestPlatform());
  resident1 = await api.signIn('resident1');
});
afterAll(() => platform.close());

describe('POST /api/proposals', () => {
  it('creates an open proposal with no backers, authored by the caller', async () => {
    const r = await api.call('POST', '/api/proposals', { token: resident1, body: { ...sampleProposal(1), estimatedCostFen: 250000 } });
    expect(r.status).toBe(201);
    const p = Proposal.parse(r.body);
    expect(p).toMatchObject({ status: 'open', supportCount: 0, author: { id: 'resident1', name: '王秀英' }, estimatedCostFen: 250000 });
    const again = await api.call('GET', `/api/proposals/${p.id}`);
    expect(again).toEqual({ status: 200, body: r.body });
  });

  it('refuses someone without a household (donor1) with 403', async () => {
    const r = await api.call('POST', '/api/proposals', { token: await api.signIn('donor1'), body: sampleProposal() });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });

  it('lets a tenant propose: tenants are residents too', async () => {
    const r = await api.call('POST', '/api/proposals', { token: await api.signIn('tenant1'), body: sampleProposal(2) });
    expect(r.status).toBe(201);
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await api.call('POST', '/api/proposals', { body: sampleProposal() })).status).toBe(401);
    const forged = `${resident1.slice(0, -4)}AAAA`;
    const r = await api.call('POST', '/api/proposals', { token: forged, body: sampleProposal() });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
  });

  it('names every bad field, refuses unknown ones, and survives malformed JSON', async () => {
    const r = await api.call('POST', '/api/proposals', { token: resident1, body: { title: 'x', category: 'moon', role: 'committee' } });
    expect(r.status).toBe(400);
    const paths = r.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body', 'body.category', 'body.description', 'body.title']);
    const bad = await api.call('POST', '/api/proposals', { token: resident1, raw: '{"title": ' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'malformed_json' } } });
    const array = await api.call('POST', '/api/proposals', { token: resident1, raw: '[1,2]' });
    expect(array.status).toBe(400);
  });
});

describe('GET /api/proposals and /api/proposals/{id}', () => {
  it('pages newest first with cursors that cover every proposal once', async () => {
    // Several residents: one person proposes at most a few a day (the community's proposalsPerDay).
    for (let n = 10; n < 17; n++) {
      const made = await api.call('POST', '/api/proposals', { token: await api.signIn(`resident${2 + (n % 4)}`), body: sampleProposal(n) });
      expect(made.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await api.call('GET', `/api/proposals?community=chating&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page = ProposalPage.parse(r.body);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBeGreaterThanOrEqual(14); // 5 demo + the ones made in this file
  });

  it('filters by status and by category, with full pages', async () => {
    const seating = ProposalPage.parse((await api.call('GET', '/api/proposals?community=chating&category=seating&limit=5')).body);
    expect(seating.items).toHaveLength(5);
    expect(seating.items.every((p) => p.category === 'seating')).toBe(true);
    const open = ProposalPage.parse((await api.call('GET', '/api/proposals?community=chating&status=open&limit=50')).body);
    expect(open.items.every((p) => p.status === 'open')).toBe(true);
    const none = ProposalPage.parse((await api.call('GET', '/api/proposals?community=chating&status=withdrawn')).body);
    expect(none).toEqual({ items: [], cursor: null });
  });

  it('turns bad ids, bad queries and forged cursors into 400/404, never 500', async () => {
    expect((await api.call('GET', '/api/proposals/not-an-id')).status).toBe(400);
    expect((await api.call('GET', '/api/proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await api.call('GET', '/api/proposals?community=chating&limit=0')).status).toBe(400);
    expect((await api.call('GET', '/api/proposals?community=chating&sort=hot')).status).toBe(400);
    // No default community: a list names whose proposals it wants.
    const unnamed = await api.call('GET', '/api/proposals');
    expect([unnamed.status, unnamed.body.error.issues[0].path]).toEqual([400, 'query.community']);
    const otherPartition = Buffer.from(JSON.stringify({ pk: 'PROPOSAL#X', sk: 'META', gsi1pk: 'COMMUNITY#elsewhere#PROPOSALS', gsi1sk: 'X' })).toString('base64url');
    for (const cursor of ['abc', '%%%', otherPartition, Buffer.from('{"pk":1}').toString('base64url')]) {
      const r = await api.call('GET', `/api/proposals?community=chating&cursor=${encodeURIComponent(cursor)}`);
      expect(r.status, cursor).toBe(400);
      expect(r.body.error.code).toBe('invalid_cursor');
    }
  });
});

describe('the rest of the API surface', () => {
  it('answers health, the OpenAPI document and unknown routes in the error shape', async () => {
    expect(await api.call('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
    const doc = await api.call('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/proposals/{id}/support');
    const missing = await api.call('GET', '/api/nowhere');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
