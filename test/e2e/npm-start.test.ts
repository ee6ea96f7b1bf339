/**
 * `npm start` as a newcomer uses it: one port for site and API, the demo loaded once, data kept
 * across a Ctrl-C and a restart, `npm run seed` idempotent and `--reset` starting over.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoProposals } from '../../functions/local/demo/proposals.js';
import { Api, sampleProposal } from '../support/platform.js';
import { root } from './support/site.js';

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

async function start(port: number): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    cwd: root, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Ctrl-C stops')) { clearInterval(timer); resolve(); }
      if (child.exitCode !== null) { clearInterval(timer); reject(new Error(`npm start exited ${child.exitCode}:\n${out}`)); }
    }, 100);
  });
  return { child, out: () => out };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

const seed = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'functions/local/seed-cli.ts', ...args], {
  cwd: root, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8',
});

describe('npm start', () => {
  it('serves site and API on one port, keeps data across Ctrl-C and restart, and seeds once', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.out()).toContain(`http://localhost:${port}`);
    expect(first.out()).toContain('demo community loaded');
    expect(first.out()).toMatch(/resident1\s+王秀英/);
    const api = new Api(`http://127.0.0.1:${port}`);
    const home = await fetch(`${api.base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html');
    const created = await api.call('POST', '/api/proposals', { token: await api.signIn('resident3'), body: sampleProposal(3) });
    expect(created.status).toBe(201);
    expect(await stop(first.child)).toBe(0);

    const again = await start(port);
    expect(again.out()).not.toContain('demo community loaded');
    expect((await api.call('GET', `/api/proposals/${created.body.id}`)).status).toBe(200);
    expect(await stop(again.child)).toBe(0);

    expect(seed().stdout).toContain('already loaded');
    const reset = seed('--reset');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('Loaded the demo community');
    const fresh = await start(port);
    expect((await api.call('GET', `/api/proposals/${created.body.id}`)).status).toBe(404);
    expect((await api.call('GET', '/api/proposals?community=chating')).body.items).toHaveLength(demoProposals.length);
    expect(await stop(fresh.child)).toBe(0);
  }, 240_000);
});
