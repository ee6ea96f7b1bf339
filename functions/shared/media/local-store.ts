/**
 * Photos on the local file system, under MEDIA_LOCAL_DIR (the platform sets it to <data>/media).
 * Links are signed with MEDIA_LOCAL_SECRET; functions/local/media-routes.ts accepts the PUT.
 * Each file has a sidecar under `.meta/` with the type it was uploaded as, like S3's metadata.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { uploadPath, verifyUpload, type UploadRequest, type Verdict } from './local-signature.js';
import {
  contentTypeOfKey, expiryFrom, isSafeKey, publicMediaUrl, type MediaStore, type StoredObject, type UploadTicket,
} from './media-store.js';

export interface LocalFile extends StoredObject { path: string }

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

export class LocalMediaStore implements MediaStore {
  constructor(private readonly dir: string | undefined, private readonly secret: string | undefined,
    private readonly now: () => number = Date.now) {}

  private settings(): { dir: string; secret: string } {
    if (!this.dir || !this.secret) {
      throw new Error('Photo storage is not configured: set MEDIA_BUCKET on AWS, or MEDIA_LOCAL_DIR and MEDIA_LOCAL_SECRET (the local platform sets both).');
    }
    return { dir: this.dir, secret: this.secret };
  }

  private fileOf(key: string): string {
    if (!isSafeKey(key)) throw new Error(`Not a valid media key: ${key}`);
    return join(this.settings().dir, key);
  }

  private metaOf(key: string): string {
    return join(this.settings().dir, '.meta', `${key}.json`);
  }

  async presignUpload(key: string, contentType: string, bytes: number): Promise<UploadTicket> {
    const { secret } = this.settings();
    if (!isSafeKey(key)) throw new Error(`Not a valid media key: ${key}`);
    const expires = expiryFrom(this.now());
    return {
      url: uploadPath(secret, { key, contentType, bytes, expires: expires.unix }),
      headers: { 'content-type': contentType, 'if-none-match': '*' },
      expiresAt: expires.iso,
    };
  }

  async stat(key: string): Promise<StoredObject | null> {
    const found = await this.open(key);
    return found && { bytes: found.bytes, contentType: found.contentType };
  }

  publicUrl(key: string): string {
    return publicMediaUrl(key);
  }

  /** Checks an upload request against its link; see local-signature.ts. */
  verify(request: Omit<UploadRequest, 'nowMs'>): Verdict {
    return verifyUpload(this.settings().secret, { ...request, nowMs: this.now() });
  }

  /** Writes a file once: 'exists' when something is already there (the link's If-None-Match: *). */
  async save(key: string, body: Buffer, contentType: string): Promise<'saved' | 'exists'> {
    const file = this.fileOf(key);
    const tmp = join(this.settings().dir, '.tmp', randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    await mkdir(dirname(file), { recursive: true });
    await mkdir(dirname(this.metaOf(key)), { recursive: true });
    await writeFile(tmp, body);
    await writeFile(`${tmp}.json`, JSON.stringify({ contentType, bytes: body.length, uploadedAt: new Date(this.now()).toISOString() }));
    try {
      // A hard link appears whole or not at all, and fails if the name is taken: atomic and write-once.
      await link(tmp, file);
    } catch (e) {
      await Promise.all([unlink(tmp), unlink(`${tmp}.json`)]);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw e;
    }
    await rename(`${tmp}.json`, this.metaOf(key));
    await unlink(tmp);
    return 'saved';
  }

  /** The stored file with its size and type, or null when nothing was uploaded under this key. */
  async open(key: string): Promise<LocalFile | null> {
    if (!isSafeKey(key)) return null;
    const path = this.fileOf(key);
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) return null;
      size = s.size;
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
    const meta = await readFile(this.metaOf(key), 'utf8').then((t) => JSON.parse(t) as { contentType?: string }, (e) => {
      if (missing(e)) return {} as { contentType?: string };
      throw e;
    });
    return { path, bytes: size, contentType: meta.contentType ?? contentTypeOfKey(key) ?? 'application/octet-stream' };
  }
}
