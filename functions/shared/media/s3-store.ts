/**
 * Photos in S3 without the S3 client: the store needs one pre-signed PutObject link and one
 * HeadObject, and the whole client (~180 KiB of the proposals bundle) is far more than that. Both
 * are signed by the SDK's own SigV4 signer (@smithy/signature-v4, already in every bundle for
 * DynamoDB); test/unit/media-s3-store.test.ts checks that the link and the signed HEAD are exactly
 * what @aws-sdk/client-s3 and its presigner make for the same input.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, HttpRequest } from '@smithy/types';
import { expiryFrom, mediaObjectPrefix, publicMediaUrl, UPLOAD_TTL_SECONDS, type MediaStore, type StoredObject, type UploadTicket } from './media-store.js';

/** S3 wants this literal as the payload hash of a pre-signed link (the body is not known yet). */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The virtual-hosted regional endpoint (the one the site's CSP allows), in either partition. */
export const bucketHost = (bucket: string, region: string): string =>
  `${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

const objectPath = (objectKey: string): string => `/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
/** The object of a photo key: under `media/`, where CloudFront finds it for `/media/<key>`. */
export const objectKeyOf = (key: string): string => `${mediaObjectPrefix}${key}`;

/** An object request (no body) on `host`, signed in the Authorization header. */
export function signObjectRequest(signer: SignatureV4, method: string, host: string, objectKey: string, headers: Record<string, string>,
  signingDate: Date): Promise<HttpRequest> {
  return signer.sign({ method, protocol: 'https:', hostname: host, path: objectPath(objectKey), query: {}, headers: { host, ...headers } }, { signingDate });
}

export const s3Signer = (region: string, credentials: AwsCredentialIdentityProvider = fromEnv()): SignatureV4 =>
  new SignatureV4({ service: 's3', region, sha256: Sha256, uriEscapePath: false, applyChecksum: false, credentials });

export interface S3Access {
  region: string;
  /** The Lambda role's credentials, from the environment. */
  credentials?: AwsCredentialIdentityProvider;
  /** How a signed request is sent; `fetch` on Lambda. */
  send?: (url: string, init: { method: string; headers: Record<string, string> }) => Promise<{ status: number; headers: { get(name: string): string | null } }>;
}

export class S3MediaStore implements MediaStore {
  private readonly signer: SignatureV4;
  private readonly host: string;
  private readonly send: NonNullable<S3Access['send']>;

  constructor(access: S3Access, private readonly bucket: string, private readonly now: () => number = Date.now) {
    this.signer = s3Signer(access.region, access.credentials);
    this.host = bucketHost(bucket, access.region);
    this.send = access.send ?? ((url, init) => fetch(url, init));
  }

  async presignUpload(key: string, contentType: string, bytes: number): Promise<UploadTicket> {
    const expires = expiryFrom(this.now());
    // The same request the S3 client presigns: its operation marker in the query, the payload hash hoisted there too.
    const signed = await this.signer.presign({ method: 'PUT', protocol: 'https:', hostname: this.host, path: objectPath(objectKeyOf(key)), query: { 'x-id': 'PutObject' }, headers: {
      host: this.host,
      'content-type': contentType, 'content-length': String(bytes),
      // Write-once: a leaked or replayed link cannot replace a photo already on a proposal.
      'if-none-match': '*',
      'X-Amz-Content-Sha256': UNSIGNED_PAYLOAD,
    } }, {
      expiresIn: UPLOAD_TTL_SECONDS,
      signingDate: new Date((expires.unix - UPLOAD_TTL_SECONDS) * 1000),
      // Signed, so that the declared type, size and write-once are what S3 accepts.
      signableHeaders: new Set(['content-type']),
      unsignableHeaders: new Set(['content-type']),
    });
    const q = signed.query as Record<string, string>;
    const query = Object.keys(q).sort().map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(q[k]!)}`).join('&');
    return { url: `https://${this.host}${signed.path}?${query}`, headers: { 'content-type': contentType, 'if-none-match': '*' }, expiresAt: expires.iso };
  }

  async stat(key: string): Promise<StoredObject | null> {
    const signed = await signObjectRequest(this.signer, 'HEAD', this.host, objectKeyOf(key), { 'x-amz-content-sha256': EMPTY_SHA256 }, new Date(this.now()));
    const headers = { ...signed.headers } as Record<string, string>;
    delete headers.host; // fetch sets it, from the URL
    const res = await this.send(`https://${this.host}${signed.path}`, { method: 'HEAD', headers });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new Error(`S3 HeadObject answered ${res.status}`);
    return { bytes: Number(res.headers.get('content-length') ?? 0), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  publicUrl(key: string): string {
    return publicMediaUrl(key);
  }
}
