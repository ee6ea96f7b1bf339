/**
 * The local platform's stand-in for S3: a link from the configured store, PUT over real HTTP, and
 * the photo served back under /media/ — the same steps the browser takes against S3 and CloudFront.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../functions/local/platform.js';
import { config } from '../../functions/shared/config.js';
import { createMediaStore, type MediaStore } from '../../functions/shared/media/index.js';
import { startTestPlatform } from '../support/platform.js';

let platform: Platform;
let store: MediaStore;
let n = 0;

beforeAll(async () => {
  ({ platform } = await startTestPlatform());
  store = createMediaStore();
});
afterAll(() => platform.close());

const newKey = (ext = 'jpg') => `proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV/01BX5ZZKBKACTAV9WEVGEMM${String(++n).padStart(3, '0')}.${ext}`;
const photo = (bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 31) % 256));
const put = (url: string, body: Buffer, headers: Record<string, string>) =>
  fetch(`${platform.url}${url}`, { method: 'PUT', headers, body: new Uint8Array(body) });

describe('local photo uploads', () => {
  it('stores a PUT made with the link and its headers, and serves the same bytes at /media/<key>', async () => {
    const key = newKey();
    const file = photo(2048);
    const ticket = await store.presignUpload(key, 'image/jpeg', file.length);
    expect(ticket.url).toMatch(/^\/local-upload\/proposals\/.+\.jpg\?expires=\d+&type=image%2Fjpeg&bytes=2048&signature=[0-9a-f]{64}$/);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(590_000);

    const res = await put(ticket.url, file, ticket.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    const url = store.publicUrl(key);
    expect(url).toBe(`/media/${key}`);
    const got = await fetch(`${platform.url}${url}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(file);
    expect(Object.fromEntries(['content-type', 'content-length', 'cache-control', 'x-content-type-options'].map((h) => [h, got.headers.get(h)]))).toEqual({
      'content-type': 'image/jpeg', 'content-length': '2048', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff',
    });
    expect(await store.stat(key)).toEqual({ bytes: 2048, contentType: 'image/jpeg' });
    expect(existsSync(join(config().media.localDir!, key))).toBe(true);
  });

  it('takes photos up to the photo limit, well past the API\'s 1 MiB body limit', async () => {
    const key = newKey('webp');
    const file = photo(3 * 1024 * 1024);
    const ticket = await store.presignUpload(key, 'image/webp', file.length);
    expect((await put(ticket.url, file, ticket.headers)).status).toBe(200);
    const head = await fetch(`${platform.url}/media/${key}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-type')]).toEqual([200, String(file.length), 'image/webp']);
  });

  it('writes once: the same link used again answers 412 and keeps the first file', async () => {
    const key = newKey();
    const ticket = await store.presignUpload(key, 'image/jpeg', 100);
    expect((await put(ticket.url, photo(100), ticket.headers)).status).toBe(200);
    const again = await put(ticket.url, Buffer.alloc(100, 7), ticket.headers);
    expect(again.status).toBe(412);
    expect((await again.json()).error.code).toBe('precondition_failed');
    expect(Buffer.from(await (await fetch(`${platform.url}/media/${key}`)).arrayBuffer())).toEqual(photo(100));
  });

  it('refuses another type (403), a larger body (413), a smaller one (400) and a forged link (403), storing nothing', async () => {
    const key = newKey();
    const ticket = await store.presignUpload(key, 'image/jpeg', 500);
    const cases: [string, Buffer, Record<string, string>, number, string][] = [
      [ticket.url, photo(500), { ...ticket.headers, 'content-type': 'image/svg+xml' }, 403, 'wrong_type'],
      [ticket.url, photo(501), ticket.headers, 413, 'too_large'],
      [ticket.url, photo(499), ticket.headers, 400, 'wrong_size'],
      [ticket.url.replace('bytes=500', 'bytes=501'), photo(501), ticket.headers, 403, 'bad_signature'],
      [ticket.url, photo(500), { 'content-type': 'image/jpeg' }, 403, 'bad_headers'],
    ];
    for (const [url, body, headers, status, code] of cases) {
      const res = await put(url, body, headers);
      expect([res.status, (await res.json()).error.code], code).toEqual([status, code]);
    }
    expect(await store.stat(key)).toBeNull();
    expect((await fetch(`${platform.url}/media/${key}`)).status).toBe(404);
  });

  it('answers 404 with the usual error body for missing photos and for paths outside the media folder', async () => {
    for (const path of [`/media/${newKey()}`, '/media/..%2F..%2Fpackage.json', '/media/%2e%2e/%2e%2e/package.json', '/media/.meta/x.json']) {
      const res = await fetch(`${platform.url}${path}`);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code, path).toBe('not_found');
    }
  });

  it('answers 405 for methods the stand-ins do not have', async () => {
    const ticket = await store.presignUpload(newKey(), 'image/png', 10);
    expect((await fetch(`${platform.url}${ticket.url}`)).status).toBe(405);
    expect((await fetch(`${platform.url}/media/${newKey()}`, { method: 'DELETE' })).status).toBe(405);
  });
});
