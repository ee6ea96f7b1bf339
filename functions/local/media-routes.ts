/**
 * The local stand-ins for S3 and CloudFront's `/media/*`: the PUT a pre-signed-style link allows
 * (checked like S3 checks its signed headers), and the stored photos served back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PHOTO_BYTES } from '../contracts/proposal-actions.js';
import { errorResult } from '../shared/http/error-response.js';
import type { HttpResult } from '../shared/http/types.js';
import { LOCAL_UPLOAD_PREFIX } from '../shared/media/local-signature.js';
import { LocalMediaStore } from '../shared/media/local-store.js';
import { readBody, send } from './adapter.js';
import { MEMORY } from './dynamo.js';

export const MEDIA_PREFIX = '/media/';
export const isMediaPath = (pathname: string): boolean =>
  pathname.startsWith(LOCAL_UPLOAD_PREFIX) || pathname.startsWith(MEDIA_PREFIX);

export interface LocalMedia {
  dir: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Removes the folder when it was a temporary one (an in-memory platform). */
  close(): Promise<void>;
}

const notAllowed = (method: string, path: string): HttpResult =>
  errorResult(405, { code: 'method_not_allowed', message: `${method} is not allowed on ${path}.` });

function keyOf(pathname: string, prefix: string): string {
  try {
    return decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return '';
  }
}

/**
 * Picks the media folder (<data>/media, or a temporary one in memory) and a signing secret, and
 * puts both in the environment, so call it before anything reads config().
 */
export function startLocalMedia(dataDir: string): LocalMedia {
  const temporary = dataDir === MEMORY;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'gongzhi-media-')) : join(dataDir, 'media');
  mkdirSync(dir, { recursive: true });
  process.env.MEDIA_LOCAL_DIR = dir;
  // Links live ten minutes, so a secret per run is enough: a restart only voids links not yet used.
  process.env.MEDIA_LOCAL_SECRET ??= randomBytes(32).toString('hex');
  const store = new LocalMediaStore(dir, process.env.MEDIA_LOCAL_SECRET);

  async function upload(req: IncomingMessage, url: URL): Promise<HttpResult> {
    const key = keyOf(url.pathname, LOCAL_UPLOAD_PREFIX);
    const verdict = store.verify({
      key, query: url.searchParams, contentType: req.headers['content-type'],
      contentLength: req.headers['content-length'], ifNoneMatch: req.headers['if-none-match'],
    });
    if (!verdict.ok) return errorResult(verdict.status, { code: verdict.code, message: verdict.message });
    const { grant } = verdict;
    // Its own limit, not the API's 1 MiB: what the link allows, and never more than a photo may be.
    const body = await readBody(req, Math.min(grant.bytes, MAX_PHOTO_BYTES));
    if (body === 'too_large') return errorResult(413, { code: 'too_large', message: `A photo may be at most ${MAX_PHOTO_BYTES} bytes.` });
    if (body.length !== grant.bytes) return errorResult(400, { code: 'wrong_size', message: `This link accepts exactly ${grant.bytes} bytes.` });
    if (await store.save(key, body, grant.contentType) === 'exists') {
      return errorResult(412, { code: 'precondition_failed', message: 'A file was already uploaded with this link.' });
    }
    return { statusCode: 200, headers: { etag: `"${createHash('md5').update(body).digest('hex')}"` }, body: '' };
  }

  async function serve(res: ServerResponse, url: URL, headOnly: boolean): Promise<void> {
    const found = await store.open(keyOf(url.pathname, MEDIA_PREFIX));
    if (!found) return send(res, errorResult(404, { code: 'not_found', message: 'There is no photo here.' }));
    res.writeHead(200, {
      'content-type': found.contentType,
      'content-length': found.bytes,
      // Keys are never reused (a new id per upload, written once), so a copy is good forever.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    if (headOnly) res.end();
    else createReadStream(found.path).pipe(res);
  }

  return {
    dir,
    async handle(req, res, url) {
      const method = req.method ?? 'GET';
      if (url.pathname.startsWith(LOCAL_UPLOAD_PREFIX)) {
        return send(res, method === 'PUT' ? await upload(req, url) : notAllowed(method, LOCAL_UPLOAD_PREFIX));
      }
      if (method === 'GET' || method === 'HEAD') return serve(res, url, method === 'HEAD');
      return send(res, notAllowed(method, MEDIA_PREFIX));
    },
    async close() {
      if (temporary) await rm(dir, { recursive: true, force: true });
    },
  };
}
