/**
 * An anonymous donor's name and user id appear in no public response: every public row of the route
 * table is called (path parameters filled from real data, every ledger entry and project visited),
 * while staff do see who gave.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { usePlatform } from '../support/platform.js';

const NAME = '欧阳隐名';
const ID = 'hiddengiver7';
const PUBLIC_NAME = '司马公开';
const PUBLIC_ID = 'opengiver8';
/** A WeChat Pay transaction number could lead back to the payer: private for an anonymous gift. */
const REF = 'WX4200007777';

const { api, as } = usePlatform(async () => {
  for (const [id, displayName] of [[ID, NAME], [PUBLIC_ID, PUBLIC_NAME]]) {
    await documentClient().send(new PutCommand({ TableName: config().tables.community, Item: { pk: `USER#${id}`, sk: 'PROFILE', id, displayName, communityId: 'chating' } }));
  }
});

async function call(method: string, path: string, who?: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      ...(who ? { authorization: `Bearer ${await as(who)}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
const json = async (method: string, path: string, who?: string, body?: unknown) => {
  const r = await call(method, path, who, body);
  expect(r.status, `${method} ${path}: ${r.text}`).toBeLessThan(300);
  return JSON.parse(r.text);
};

describe('anonymous donors in public responses', () => {
  it('never shows their name or user id on any public route, and staff still see both', async () => {
    const project = await json('POST', '/api/projects', 'committee1', { title: '精致家园座椅', budgetFen: 500_000 });
    const anonMoney = await json('POST', '/api/donations', ID, { type: 'money', amountFen: 66_600, currency: 'CNY', channel: 'wechat_pay', reference: REF, visibility: 'anonymous', projectId: project.id });
    const anonGoods = await json('POST', '/api/donations', ID, { type: 'in_kind', item: '帐篷', quantity: 10, unit: '顶', estimatedValueFen: 200_000, visibility: 'anonymous', projectId: project.id });
    const anonByStaff = await json('POST', '/api/donations', 'staff1', { type: 'money', amountFen: 5_000, currency: 'CNY', channel: 'cash', visibility: 'anonymous',
      onBehalfOf: { name: NAME, userId: ID, evidence: '收据簿 第12号' } });
    await json('POST', '/api/donations', PUBLIC_ID, { type: 'money', amountFen: 1_000, currency: 'CNY', channel: 'cash', projectId: project.id });
    for (const g of [anonMoney, anonGoods]) await json('POST', `/api/donations/${g.id}/confirmation`, 'staff1', { note: '已收到' });
    await json('POST', `/api/projects/${project.id}/in-kind-uses`, 'committee1', { item: '帐篷', quantity: 4, unit: '顶', purpose: '门口' });
    await json('POST', `/api/ledger/entries/${anonByStaff.id}/reversal`, 'staff1', { reason: '录错金额' });

    // Real values for every path parameter a public row has.
    const entries = (await json('GET', '/api/ledger/export.json?community=chating')).entries as { id: string }[];
    const projects = (await json('GET', '/api/projects?community=chating')).items as { id: string }[];
    const proposals = (await json('GET', '/api/proposals?community=chating')).items as { id: string }[];
    const activities = ((await call('GET', '/api/activities?community=chating')).text.match(/"id":"([0-9A-Z]{26})"/g) ?? []).map((m) => m.slice(6, -1));
    const ballots = ((await call('GET', '/api/ballots?community=chating')).text.match(/"id":"([0-9A-Z]{26})"/g) ?? []).map((m) => m.slice(6, -1));
    const feed = (await call('POST', '/api/me/calendar-feed', 'resident1')).text.match(/calendar-feeds\/([^"?]+)/)?.[1] ?? 'no-feed-token';
    const unknown = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const candidates = (id: string, name: string): string[] => {
      if (id.startsWith('ledger.')) return entries.map((e) => e.id);
      if (id.startsWith('projects.')) return projects.map((p) => p.id);
      if (id.startsWith('proposals.') || id.startsWith('comments.')) return proposals.slice(0, 3).map((p) => p.id);
      if (id.startsWith('activities.')) return activities.slice(0, 2).concat(unknown);
      if (id === 'calendars.space') return ['leisure-garden'];
      if (name === 'token') return [feed];
      if (id.startsWith('roll.')) return ['chating.dongyuan'];
      if (id.startsWith('ballots.')) return ballots.slice(0, 2).concat(unknown);
      return [unknown];
    };

    const publicRows = routes.filter((r) => r.access === 'public' && r.method === 'GET');
    expect(publicRows.map((r) => r.id)).toEqual(expect.arrayContaining(['ledger.list', 'ledger.entry', 'ledger.export.csv', 'projects.get']));
    let calls = 0;
    for (const r of publicRows) {
      const names = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const values = names.length ? candidates(r.id, names[0]!) : [''];
      for (const v of values) {
        const path = names.length ? r.path.replace(`{${names[0]}}`, v) : r.path;
        // Every public read that is scoped by community names the demo community.
        const scope = 'community' in ((r.query as { shape?: object }).shape ?? {}) ? 'community=chating' : '';
        const ask = (extra = '') => { const q = [scope, extra].filter(Boolean).join('&'); return q ? `${path}?${q}` : path; };
        const paths = r.id === 'ledger.list' ? [ask(), ask(`limit=50&projectId=${project.id}`), ask('kind=in_kind_gift'), ask('projectId=general')] : [ask()];
        for (const p of paths) {
          const res = await call('GET', p);
          calls++;
          if (r.context === 'donations') expect(res.status, `${p}: ${res.text}`).toBe(200);
          expect(res.status, `${p}: ${res.text}`).not.toBe(500);
          expect(res.text, p).not.toContain(NAME);
          expect(res.text, p).not.toContain(ID);
          expect(res.text, p).not.toContain(REF);
        }
      }
    }
    expect(calls).toBeGreaterThan(entries.length);
    // The public sees the amount and that the gift was anonymous; a public donor's name but never an id.
    const shown = JSON.parse((await call('GET', `/api/ledger/entries/${anonMoney.id}?community=chating`)).text);
    expect(shown).toMatchObject({ amountFen: 66_600, visibility: 'anonymous', donor: { name: null }, status: 'confirmed' });
    const summary = await call('GET', '/api/ledger/export.json?community=chating');
    expect(summary.text).toContain(PUBLIC_NAME);
    expect(summary.text).not.toContain(PUBLIC_ID);

    // Staff, committee and the donor themself see who gave.
    const staffView = await call('GET', `/api/donations?projectId=${project.id}`, 'staff1');
    expect(staffView.text).toContain(NAME);
    expect(staffView.text).toContain(ID);
    expect((await call('GET', `/api/donations/${anonByStaff.id}`, 'committee1')).text).toContain('收据簿 第12号');
    expect(JSON.parse((await call('GET', `/api/donations/${anonMoney.id}`, ID)).text)).toMatchObject({ reference: REF, donor: { name: NAME, userId: ID } });
    expect((await call('GET', `/api/donations/${anonMoney.id}`, 'resident1')).status).toBe(403);
    expect(JSON.parse((await call('GET', '/api/me/donations', ID)).text).items).toHaveLength(3);
  }, 120_000);
});
