/** Test helpers: the real local platform (dynalite in memory) and a small HTTP client for it. */
import { afterAll, beforeAll } from 'vitest';
import { startPlatform, type Platform } from '../../functions/local/platform.js';

export interface Reply<T = any> { status: number; body: T }

export class Api {
  constructor(public base: string) {}

  async call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<Reply<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async signIn(userId: string): Promise<string> {
    const r = await this.call<{ token: string }>('POST', '/api/dev/session', { body: { userId } });
    if (r.status !== 200) throw new Error(`sign-in as ${userId} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }
}

export async function startTestPlatform(): Promise<{ platform: Platform; api: Api }> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const platform = await startPlatform({ port: 0, dataDir: ':memory:', staticDir: null, quiet: true });
  return { platform, api: new Api(platform.url) };
}

export const sampleProposal = (n = 0) => ({
  title: `在${n}号楼旁加几张长椅`,
  description: '老人散步走累了没有地方坐，希望加几张有靠背的长椅。',
  category: 'seating' as const,
});

/** A plan the committee can accept with. */
export const samplePlan = { costEstimateFen: 500_000, fundingSources: ['government', 'donations'], startDate: '2026-12-10', endDate: '2027-01-20' };

/** Signs people in once per test file and remembers their tokens. */
export function tokens(api: Api): (userId: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (userId) => cache.get(userId) ?? cache.set(userId, api.signIn(userId)).get(userId)!;
}

/**
 * One platform for a test file: started before its tests, closed after them. The client and the
 * sign-in helper can be destructured at once; they point at the platform once it is up.
 */
export function usePlatform(before?: (api: Api) => Promise<void>): { api: Api; as: (userId: string) => Promise<string> } {
  const api = new Api('http://127.0.0.1:0');
  let platform: Platform | undefined;
  beforeAll(async () => {
    platform = (await startTestPlatform()).platform;
    api.base = platform.url;
    await before?.(api);
  });
  afterAll(() => platform?.close());
  return { api, as: tokens(api) };
}
