/**
 * The bench's client for requests through the local adapter: node:http over one keep-alive
 * connection pool, the kind of client the SDK itself uses for the bare writes they are divided by.
 * Node's fetch (undici, with web streams) cost ~0.3 ms of CPU per request here, in the same process
 * as the server it measures: about half of what a warm action costs over its bare write, and none
 * of it the platform's (on AWS the client is the resident's phone). Same interface as the tests' Api.
 */
import { Agent, request } from 'node:http';
import { Api, type Reply } from '../support/platform.js';

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export class BenchApi extends Api {
  override call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const headers: Record<string, string> = {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
      ...opts.headers,
    };
    return new Promise((resolve, reject) => {
      const req = request(`${this.base}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}
