/** Photo storage, chosen by configuration: S3 when MEDIA_BUCKET is set (AWS), else the local folder. */
import { awsRegion, config, type Config } from '../config.js';
import { LocalMediaStore } from './local-store.js';
import { S3MediaStore } from './s3-store.js';
import type { MediaStore } from './media-store.js';

export type { MediaStore, StoredObject, UploadTicket } from './media-store.js';

export function createMediaStore(cfg: Config = config()): MediaStore {
  if (cfg.media.bucket) return new S3MediaStore({ region: awsRegion(cfg) }, cfg.media.bucket);
  return new LocalMediaStore(cfg.media.localDir, cfg.media.localSecret);
}
