/** Photos in S3: pre-signed PutObject links for the browser, HeadObject to check what arrived. */
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { expiryFrom, publicMediaUrl, UPLOAD_TTL_SECONDS, type MediaStore, type StoredObject, type UploadTicket } from './media-store.js';

/**
 * The SDK's default CRC32 checksum would be computed over an empty body when presigning and
 * baked into the link, so every real upload would fail; S3 checks Content-Length and type instead.
 */
export const createS3Client = (region: string): S3Client =>
  new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });

const isNotFound = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey'
    || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

export class S3MediaStore implements MediaStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string, private readonly now: () => number = Date.now) {}

  async presignUpload(key: string, contentType: string, bytes: number): Promise<UploadTicket> {
    const expires = expiryFrom(this.now());
    const command = new PutObjectCommand({
      Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: bytes,
      // Write-once: a leaked or replayed link cannot replace a photo already on a proposal.
      IfNoneMatch: '*',
    });
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: UPLOAD_TTL_SECONDS,
      signingDate: new Date((expires.unix - UPLOAD_TTL_SECONDS) * 1000),
      // The presigner leaves Content-Type unsigned by default; signing it pins the declared type.
      signableHeaders: new Set(['content-type']),
    });
    return { url, headers: { 'content-type': contentType, 'if-none-match': '*' }, expiresAt: expires.iso };
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { bytes: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  publicUrl(key: string): string {
    return publicMediaUrl(key);
  }
}
