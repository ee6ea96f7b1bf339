/**
 * Every row of the route table, fuzzed from its own contract: requests that break the row's path,
 * query or body schema (wrong types, out of bounds, missing or unknown fields, huge and deeply
 * nested values, odd unicode, bad escapes, non-JSON bodies, forged cursors), each sent by a visitor
 * (no token or a bad one) and by a signed-in caller (resident, staff, committee, donor, platform
 * admin). Every answer is below 500; every refusal has the error shape and no stack or internal
 * path; a visitor on a login route gets 401; broken input gets 400; and no table changes.
 * A new row is fuzzed without anyone writing a test for it; the last test checks none was skipped.
 */
import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { config } from '../../functions/shared/config.js';
import { makePlatformAdmin } from '../support/admin.js';
import { allowed, changes, fingerprint, problemsOf, send, serverView, brokenParts } from '../support/fuzz-http.js';
import { caseArb, takesCursor, validPath, type FuzzCase } from '../support/fuzz-requests.js';
import { usePlatform } from '../support/platform.js';

/** Fixed: a failure names its seed and path and is reproduced by running this file again. */
const SEED = 20_260_413;
/** Cases per row; each is sent twice (a visitor, a signed-in caller). */
const RUNS = 30;

const { api, as } = usePlatform(async () => { await makePlatformAdmin('fuzzadmin'); });
const members = ['resident1', 'staff1', 'committee1', 'donor1', 'fuzzadmin'] as const;
type Visitor = 'no token' | 'garbage token' | 'forged signature' | 'alg none' | 'basic auth' | 'huge token' | 'bearer only';
const visitors: Visitor[] = ['no token', 'garbage token', 'forged signature', 'alg none', 'basic auth', 'huge token', 'bearer only'];
const auth = new Map<string, string | undefined>();
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const tables = () => Object.values(config().tables);
const endpoint = () => process.env.DYNAMODB_ENDPOINT!;
const fx: { samples: string[]; cursors: Map<string, string> } = { samples: [], cursors: new Map() };
const sent = new Map<string, { visitor: number; member: number }>();
const tally = { requests: 0, skipped: 0, statuses: new Map<number, number>(), callers: new Map<string, number>() };
let known: Map<string, string>;
/** Where each real cursor came from: the list's path and who read it. */
const origin = new Map<string, { path: string; who: string | undefined }>();

beforeAll(async () => {
  for (const m of members) auth.set(m, `Bearer ${await as(m)}`);
  const real = (await as('resident1')).split('.');
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  auth.set('no token', undefined).set('garbage token', 'Bearer not-a-token').set('bearer only', 'Bearer')
    .set('forged signature', `Bearer ${real[0]}.${real[1]}.${real[2]!.slice(0, -6)}AAAAAA`)
    .set('alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${real[1]}.`)
    .set('basic auth', `Basic ${Buffer.from('staff1:staff1').toString('base64')}`).set('huge token', `Bearer ${'A'.repeat(3000)}`);
  const proposals = await api.call('GET', '/api/proposals?community=chating&limit=50');
  expect(proposals.status).toBe(200);
  const ids: string[] = proposals.body.items.map((p: { id: string }) => p.id);
  const samples = (id: string) => ['chating', 'chating.dongyuan', 'chating.dongyuan.1-101', 'resident1', id, '0123456789abcdef0123', 'A'.repeat(40)];
  fx.samples = samples(ids[0]!);
  // A real next-page cursor of each list that takes one, to forge from; a list under a proposal takes the first proposal that has a second page.
  for (const row of routes.filter((r) => r.method === 'GET' && takesCursor(r))) {
    for (const id of row.path.includes('{') ? ids : [ids[0]!]) {
      const f = { samples: samples(id), cursors: fx.cursors };
      for (const who of row.access === 'public' ? [undefined] : ['staff1', 'fuzzadmin', 'committee1']) {
        const path = validPath(row, f);
        const r = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`, who ? { token: await as(who) } : {});
        const c = r.body?.cursor ?? r.body?.nextCursor;
        if (r.status === 200 && typeof c === 'string') { fx.cursors.set(row.id, c); origin.set(row.id, { path, who }); break; }
      }
      if (fx.cursors.has(row.id)) { if (id !== ids[0]) fx.samples = samples(id); break; }
    }
  }
  known = await fingerprint(endpoint(), tables());
});
afterAll(() => {
  agent.destroy();
  const by = (m: Map<string | number, number>) => [...m].map(([k, n]) => `${k}: ${n}`).join(', ');
  console.log(`fuzz: ${tally.requests} requests over ${sent.size} rows (${tally.skipped} cases skipped as valid); statuses ${by(tally.statuses)}; callers ${by(tally.callers)}`);
});

const show = (c: FuzzCase, who: string, status: number, text: string) =>
  `${who}: ${c.path.slice(0, 300)} broke [${c.broke.join(', ')}] headers ${JSON.stringify(c.headers).slice(0, 200)} ` +
  `body ${JSON.stringify(c.body?.toString('utf8').slice(0, 200))} → ${status} ${text.slice(0, 400)}`;

const seedOf = (id: string) => [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);

describe('every route refuses what breaks its contract, without a 5xx and without writing', () => {
  it.each(routes.map((r) => [r.id, r] as const))('%s', async (id, row) => {
    const count = { visitor: 0, member: 0 };
    sent.set(id, count);
    const run = await fc.check(fc.asyncProperty(caseArb(row, fx), fc.constantFrom(...visitors), fc.constantFrom(...members), async (c, visitor, member) => {
      const view = serverView(row.method, c);
      if (view.row === row && brokenParts(row, view).length === 0 && !c.cursor) tally.skipped++;
      fc.pre(view.row !== row || brokenParts(row, view).length > 0 || c.cursor !== undefined);
      const answers = await Promise.all(([[visitor, true], [member, false]] as const).map(async ([who, isVisitor]) => {
        const a = await send(api.base, agent, row.method, c, auth.get(who));
        tally.requests++;
        tally.statuses.set(a.status, (tally.statuses.get(a.status) ?? 0) + 1);
        tally.callers.set(who, (tally.callers.get(who) ?? 0) + 1);
        count[isVisitor ? 'visitor' : 'member']++;
        return { who, a, problems: problemsOf(a, allowed(row, view, isVisitor, c)) };
      }));
      const bad = answers.filter((x) => x.problems.length);
      if (bad.length) throw new Error(bad.map((x) => `${x.problems.join('; ')} — ${show(c, x.who, x.a.status, x.a.text)}`).join('\n'));
    }), { seed: seedOf(id), numRuns: RUNS, endOnFailure: true });
    // fast-check's own report prints the whole case (100 KB strings): say what broke, briefly, and how to replay it.
    if (run.failed) throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${String((run.errorInstance as Error)?.message ?? run.errorInstance)}`);
    const now = await fingerprint(endpoint(), tables());
    const written = changes(known, now);
    known = now;
    expect(written, 'a refused request wrote to a table').toEqual([]);
  });

  it('refuses a real cursor with one key emptied (400) or moved outside its list (never a 5xx), on every list that had a second page', async () => {
    expect(origin.size, 'lists with a real cursor').toBeGreaterThanOrEqual(5);
    for (const [id, { path, who }] of origin) {
      const key = JSON.parse(Buffer.from(fx.cursors.get(id)!, 'base64url').toString('utf8')) as Record<string, string>;
      for (const k of Object.keys(key)) {
        for (const v of ['', 'x', '~~~~', '\uD800', 'x'.repeat(300)]) {
          const cursor = Buffer.from(JSON.stringify({ ...key, [k]: v })).toString('base64url');
          const c: FuzzCase = { broke: [`cursor.${k}:${JSON.stringify(v.slice(0, 4))}`], path: `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`, headers: {} };
          const a = await send(api.base, agent, 'GET', c, who ? auth.get(who) : undefined);
          expect(problemsOf(a, v === '' ? [400] : [200, 400]), show(c, who ?? 'visitor', a.status, a.text)).toEqual([]);
        }
      }
    }
  });

  it('fuzzed every row of the route table, as a visitor and signed in', () => {
    const both = [...sent].filter(([, n]) => n.visitor > 0 && n.member > 0).map(([id]) => id).sort();
    expect(both).toEqual(routes.map((r) => r.id).sort());
    for (const who of [...visitors, ...members]) expect(tally.callers.get(who) ?? 0, who).toBeGreaterThan(0);
  });
});
