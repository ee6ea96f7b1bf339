/**
 * The other half of the route fuzz (fuzz-routes.test.ts sends what breaks a row's contract): here
 * every row that takes a body or a query gets requests its contract *accepts*, at the edges: each
 * text as long as allowed and made of CJK, astral emoji, combining marks, right-to-left overrides and
 * markup, numbers at their bounds, lists at their most items, every optional field present. Sent by
 * each signed-in role (these may succeed and write, in their own platform). The property: never a
 * 5xx, and every refusal has the error shape. A handler that trips on a long valid string fails here.
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '../../functions/routes.js';
import { makePlatformAdmin } from '../support/admin.js';
import { problemsOf, send } from '../support/fuzz-http.js';
import { validPath, type FuzzCase } from '../support/fuzz-requests.js';
import { edgeValue, fieldsOf, jsonSchemaOf, type Json } from '../support/fuzz-values.js';
import { usePlatform } from '../support/platform.js';

const SEED = 20_261_207;
/** Candidates per row; only those the row's schema accepts are sent, each by every member. */
const CANDIDATES = 12;
const members = ['resident1', 'committee1', 'staff1', 'donor1', 'edgeadmin'] as const;

const { api, as } = usePlatform(async () => { await makePlatformAdmin('edgeadmin'); });
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const auth = new Map<string, string>();
const fx = { samples: [] as string[], cursors: new Map<string, string>() };
const tally = { requests: 0, rows: new Set<string>(), statuses: new Map<number, number>() };

beforeAll(async () => {
  for (const m of members) auth.set(m, `Bearer ${await as(m)}`);
  const proposals = await api.call('GET', '/api/proposals?community=chating&limit=5');
  expect(proposals.status).toBe(200);
  fx.samples = ['chating', 'chating.dongyuan', 'chating.dongyuan.1-101', 'resident1', 'leisure-garden', '08:00-20:00', '2026-12',
    proposals.body.items[0].id as string];
});
afterAll(() => {
  agent.destroy();
  console.log(`edge fuzz: ${tally.requests} valid requests over ${tally.rows.size} rows; statuses ${[...tally.statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`);
});

/** Bodies the row accepts, at the edges of its schema. */
function edgeBodies(row: RouteDef): Json[] {
  if (!row.body) return [];
  const seed = [...row.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);
  return fc.sample(edgeValue(jsonSchemaOf(row.body), fx.samples), { seed, numRuns: CANDIDATES }).filter((b) => row.body!.safeParse(b).success);
}

/** Query fields the row accepts (other than a cursor), each at its edge, added to the valid path. */
function edgeQueries(row: RouteDef): [string, string][][] {
  if (!row.query) return [];
  const fields = fieldsOf(jsonSchemaOf(row.query));
  if (!fields) return [];
  const seed = [...row.id].reduce((h, ch) => (h * 17 + ch.charCodeAt(0)) | 0, SEED);
  const names = Object.keys(fields.props).filter((k) => k !== 'cursor' && !fields.required.includes(k));
  return names.flatMap((k) => fc.sample(edgeValue(fields.props[k]!, fx.samples), { seed, numRuns: 3 })
    .map((v) => [[k, typeof v === 'string' ? v : JSON.stringify(v)]] as [string, string][])
    .filter((pairs) => row.query!.safeParse(Object.fromEntries(pairs)).success || !fields.required.length));
}

/** Rows with something to fill: a body, or query fields beyond the required ones and the cursor. */
const sendable = (routes as readonly RouteDef[]).filter((r) => {
  if (r.body) return true;
  const fields = r.query && fieldsOf(jsonSchemaOf(r.query));
  return !!fields && Object.keys(fields.props).some((k) => k !== 'cursor' && !fields.required.includes(k));
});

describe('every route answers requests its contract accepts, at the edges, without a 5xx', () => {
  it.each(sendable.map((r) => [r.id, r] as const))('%s', async (id, row) => {
    const cases: FuzzCase[] = [
      ...edgeBodies(row).map((b): FuzzCase => ({ broke: [], path: validPath(row, fx), headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(b)) })),
      ...edgeQueries(row).map((extra): FuzzCase => ({ broke: [], path: validPath(row, fx, extra), headers: {} })),
    ];
    for (const c of cases) {
      for (const who of members) {
        const headers = 'idempotencyKey' in row && row.idempotencyKey ? { ...c.headers, 'idempotency-key': randomUUID() } : c.headers;
        const a = await send(api.base, agent, row.method, { ...c, headers }, auth.get(who));
        tally.requests++;
        tally.rows.add(id);
        tally.statuses.set(a.status, (tally.statuses.get(a.status) ?? 0) + 1);
        const problems = problemsOf(a, null);
        if (problems.length) {
          throw new Error(`${problems.join('; ')} — ${who}: ${row.method} ${c.path.slice(0, 200)} body ${c.body?.toString('utf8').slice(0, 300)} → ${a.status} ${a.text.slice(0, 300)}`);
        }
      }
    }
  });

  it('sent valid edge requests to most rows that take a body or a query (the rest have rules no generated value meets)', () => {
    const missed = sendable.filter((r) => !tally.rows.has(r.id)).map((r) => r.id);
    expect(tally.rows.size, `rows without a valid edge case: ${missed.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(sendable.length * 0.6));
    expect(tally.rows.has('proposals.create'), 'proposals.create had edge bodies').toBe(true);
  });
});

