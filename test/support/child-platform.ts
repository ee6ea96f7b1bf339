/**
 * Starts test/support/serve-api.ts in a child process (its own process group, Node with tsx's
 * loader, no npx in between) and waits for its URL. `stop()` asks it to close; `kill()` is SIGKILL
 * to the whole group: no handler runs, nothing is flushed, as when a machine loses its process.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildPlatform { url: string; stop(): Promise<void>; kill(): Promise<void> }

export async function childPlatform(env: Record<string, string>): Promise<ChildPlatform> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/support/serve-api.ts'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the platform exited (${code}) before it was up`)));
  });
  const signal = async (s: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid!, s); } catch { /* already gone */ }
    }
    await exited;
  };
  return { url, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
