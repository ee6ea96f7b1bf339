/**
 * What the handlers log, as parsed JSON lines. observability.ts writes on process.stdout /
 * process.stderr (not the global console), so this listens on the streams.
 */
import { vi } from 'vitest';

export interface Captured { lines(): Record<string, unknown>[]; errors(): Record<string, unknown>[] }

export function captureLogs(): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const grab = (into: string[]) => (chunk: unknown) => { into.push(String(chunk)); return true; };
  vi.spyOn(process.stdout, 'write').mockImplementation(grab(out) as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(grab(err) as never);
  const parse = (chunks: string[]) => chunks.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines: () => parse(out), errors: () => parse(err) };
}
