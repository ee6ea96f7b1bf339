/**
 * Backup and restore drill, as an operator runs it: `npm run admin -- export-community chating` on the
 * demo's data folder, then `import-community` into an empty one, reproduces every public page, and the
 * ledger's chain still verifies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Api } from '../support/platform.js';
import { childPlatform } from '../support/child-platform.js';

const root = mkdtempSync(join(tmpdir(), 'gongzhi-drill-'));
const [from, to, file] = [join(root, 'from'), join(root, 'to'), join(root, 'chating.json')];
afterAll(() => rmSync(root, { recursive: true, force: true }));
const admin = (dataDir: string, ...args: string[]) =>
  execFileSync('npx', ['tsx', 'functions/admin/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' }).toString();

const c = 'community=chating';
const lists = ['/api/communities', '/api/communities/chating/estates', `/api/proposals?${c}`, `/api/activities?${c}&limit=50`, `/api/spaces?${c}`,
  `/api/ledger?${c}&limit=50`, `/api/ledger/summary?${c}`, `/api/projects?${c}`, `/api/ballots?${c}`, `/api/ledger/verify?${c}`];

/** Every public page's data: the lists, and each proposal, activity and ballot they link to. */
async function publicPages(url: string): Promise<Record<string, unknown>> {
  const api = new Api(url);
  const pages: Record<string, unknown> = {};
  for (const path of lists) pages[path] = (await api.call('GET', path)).body;
  const ids = (path: string) => ((pages[path] as { items?: { id: string }[] }).items ?? []).map((i) => i.id);
  for (const id of ids(`/api/proposals?${c}`)) pages[`/api/proposals/${id}`] = (await api.call('GET', `/api/proposals/${id}`)).body;
  for (const id of ids(`/api/activities?${c}&limit=50`)) pages[`/api/activities/${id}`] = (await api.call('GET', `/api/activities/${id}`)).body;
  for (const id of ids(`/api/ballots?${c}`)) pages[`/api/ballots/${id}`] = (await api.call('GET', `/api/ballots/${id}`)).body;
  return pages;
}

describe('export-community then import-community', () => {
  it('reproduces every public page in an empty data folder, and the ledger still verifies', async () => {
    const demo = await childPlatform({ DATA_DIR: from });
    const before = await publicPages(demo.url).finally(() => demo.stop());
    expect((before[`/api/ledger/verify?${c}`] as { ok: boolean }).ok).toBe(true);

    admin(from, 'export-community', 'chating', '--out', file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.tables.community.some((i: { pk: string; sk: string }) => i.pk === 'USER#resident1' && i.sk === 'PROFILE')).toBe(true);
    admin(to, 'import-community', file);

    const restored = await childPlatform({ DATA_DIR: to, DEMO: 'none' });
    try {
      const after = await publicPages(restored.url);
      // The verification says when it ran: every other field must match.
      const at = (v: unknown) => ({ ...(v as object), checkedAt: 'now' });
      for (const path of Object.keys(before)) expect(path.includes('/verify') ? at(after[path]) : after[path], path).toEqual(path.includes('/verify') ? at(before[path]) : before[path]);
    } finally {
      await restored.stop();
    }
    expect(() => admin(to, 'import-community', file)).toThrow(/already here/);
  }, 180_000);
});
