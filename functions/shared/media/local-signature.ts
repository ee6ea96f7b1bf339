/**
 * The local server's stand-in for a pre-signed S3 PUT: an HMAC over what the link allows (key,
 * expiry, type, size), checked again on the PUT exactly as S3 checks its signed headers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isSafeKey } from './media-store.js';

export const LOCAL_UPLOAD_PREFIX = '/local-upload/';

export interface UploadGrant { key: string; contentType: string; bytes: number; expires: number }

export const signUpload = (secret: string, g: UploadGrant): string =>
  createHmac('sha256', secret).update(`${g.key}|${g.expires}|${g.contentType}|${g.bytes}`).digest('hex');

export function uploadPath(secret: string, g: UploadGrant): string {
  const query = new URLSearchParams({
    expires: String(g.expires), type: g.contentType, bytes: String(g.bytes), signature: signUpload(secret, g),
  });
  return `${LOCAL_UPLOAD_PREFIX}${g.key}?${query}`;
}

export interface UploadRequest {
  key: string;
  query: URLSearchParams;
  /** The request's own headers, as node lower-cases them. */
  contentType: string | undefined;
  contentLength: string | undefined;
  ifNoneMatch: string | undefined;
  nowMs: number;
}
export type Refusal = { ok: false; status: 400 | 403 | 413; code: string; message: string };
export type Verdict = { ok: true; grant: UploadGrant } | Refusal;

const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({ ok: false, status, code, message });

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given, 'hex');
  return /^[0-9a-f]{64}$/.test(given) && a.length === b.length && timingSafeEqual(a, b);
}

export function verifyUpload(secret: string, r: UploadRequest): Verdict {
  if (!isSafeKey(r.key)) return refuse(400, 'bad_request', 'This is not a valid upload path.');
  const expires = Number(r.query.get('expires'));
  const bytes = Number(r.query.get('bytes'));
  const contentType = r.query.get('type') ?? '';
  const grant: UploadGrant = { key: r.key, contentType, bytes, expires };
  if (!Number.isSafeInteger(expires) || !Number.isSafeInteger(bytes) || bytes < 1
    || !sameSignature(signUpload(secret, grant), r.query.get('signature') ?? '')) {
    return refuse(403, 'bad_signature', 'The upload link is not valid: ask for a new one.');
  }
  if (expires * 1000 <= r.nowMs) return refuse(403, 'expired', 'The upload link has expired: ask for a new one.');
  if ((r.contentType ?? '').trim().toLowerCase() !== contentType) {
    return refuse(403, 'wrong_type', `This link accepts ${contentType} only.`);
  }
  if (r.ifNoneMatch?.trim() !== '*') {
    return refuse(403, 'bad_headers', 'Send the headers the upload link came with (if-none-match: *).');
  }
  const length = r.contentLength === undefined ? Number.NaN : Number(r.contentLength);
  if (length > bytes) return refuse(413, 'too_large', `This link accepts exactly ${bytes} bytes.`);
  if (length !== bytes) return refuse(400, 'wrong_size', `This link accepts exactly ${bytes} bytes.`);
  return { ok: true, grant };
}
