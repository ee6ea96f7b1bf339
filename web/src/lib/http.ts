/**
 * The API's transport: one typed request (`call`), its errors (`ApiError`), where the API is.
 * Contracts are imported as types only, so zod never ships to a resident's phone: the API itself checks every response against its contract before sending it (see
 * functions/shared/http/create-handler.ts). Every failure becomes an ApiError {status, code,
 * message, issues}; status 0 means the network failed.
 */
import type {
  ErrorBody,
} from '$contracts/common.js';
import type * as z from 'zod/mini';
import { readSession } from './auth/stored-session.js';
import { currentCommunity, knownCommunity, scoped } from './community.svelte.js';

export type Issue = NonNullable<ErrorBody['error']['issues']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = typeof fetch;
export interface CallOptions { body?: unknown; fetch?: Fetch; auth?: boolean }

let apiBase = '/api';
let onUnauthorized: () => void = () => undefined;

/** On AWS, /config.json names the API base; locally it is /api. */
export const setApiBase = (base: string): void => {
  apiBase = base.replace(/\/$/, '');
};
/** The API's address, for links the browser follows itself (a calendar, a download), in the current community. */
export const apiUrl = (path: string): string => `${apiBase}${scoped(path, knownCommunity())}`;
/** The community the site shows (see community.svelte.ts), resolved once per page load. */
export const community = (): Promise<string | null> => currentCommunity(apiBase);
/** Called when the API refuses our token (expired or revoked), so the session can be dropped. */
export const setUnauthorizedHandler = (fn: () => void): void => {
  onUnauthorized = fn;
};

/** `Out<typeof Proposal>`: what a contract's schema describes. */
export type Out<S extends z.ZodMiniType> = z.output<S>;

/** One request to the API: the answer typed as `T`, or an ApiError. */
export async function call<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const token = opts.auth === false ? null : readSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  const c = method === 'GET' ? await currentCommunity(apiBase) : null;
  // A read of one community's lists while no community is known (several served, none chosen yet):
  // the header asks the reader to choose; the page says so instead of failing.
  if (c === null && scoped(path, '-', method) !== path) throw new ApiError(400, 'community_unknown', 'Choose a community first.');
  try {
    const url = `${apiBase}${scoped(path, c, method)}`;
    res = await (opts.fetch ?? fetch)(url, {
      method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  // Where the edge answers every unknown path with the site's HTML shell (AWS China has no
  // CloudFront Functions, so infra/site-stack.ts maps 404 to /200.html for the whole distribution),
  // an API 404 reaches us as a 200 page: it is a "not found", not a broken server.
  if (/^text\/html\b/i.test(res.headers.get('content-type') ?? '')) {
    throw new ApiError(404, 'not_found', 'Not found.');
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthorized();
    const error = (json as Partial<ErrorBody> | null)?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      throw new ApiError(res.status, error.code, error.message, Array.isArray(error.issues) ? error.issues : []);
    }
    throw new ApiError(res.status, `http_${res.status}`, res.statusText || 'Request failed');
  }
  if (json === null) throw new ApiError(res.status, 'bad_response', 'The server sent an answer this page does not understand.');
  return json as T;
}
