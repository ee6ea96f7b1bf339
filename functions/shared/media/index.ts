/** Photo storage, chosen by configuration: S3 when MEDIA_BUCKET is set (AWS), else the local folder. */
import { config, type Config } from '../config.js';
import { LocalMediaStore } from './local-store.js';
import { publicMediaUrl, type MediaStore, type StoredObject, type UploadTicket } from './media-store.js';

export type { MediaStore, StoredObject, UploadTicket } from './media-store.js';

/**
 * The S3 client loads on the first photo action, not at cold start: most requests to the proposals
 * function never touch a photo, and the client is its largest module after zod. (The bundle still
 * holds it: esbuild runs a dynamically imported module of a single-file bundle only when asked.)
 */
class S3OnDemand implements MediaStore {
  private store: Promise<MediaStore> | undefined;
  constructor(private readonly region: string, private readonly bucket: string) {}
  private load(): Promise<MediaStore> {
    return (this.store ??= import('./s3-store.js').then((m) => new m.S3MediaStore(m.createS3Client(this.region), this.bucket)));
  }
  async presignUpload(key: string, contentType: string, bytes: number): Promise<UploadTicket> {
    return (await this.load()).presignUpload(key, contentType, bytes);
  }
  async stat(key: string): Promise<StoredObject | null> {
    return (await this.load()).stat(key);
  }
  publicUrl(key: string): string {
    return publicMediaUrl(key);
  }
}

export function createMediaStore(cfg: Config = config()): MediaStore {
  if (cfg.media.bucket) return new S3OnDemand(cfg.region, cfg.media.bucket);
  return new LocalMediaStore(cfg.media.localDir, cfg.media.localSecret);
}
