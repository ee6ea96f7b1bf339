import { describe, expect, it } from 'vitest';
import { signUpload, uploadPath, verifyUpload, type UploadGrant, type UploadRequest } from '../../functions/shared/media/local-signature.js';
import { isSafeKey } from '../../functions/shared/media/media-store.js';

const SECRET = 'a-local-secret-of-some-length';
const NOW = Date.parse('2026-11-29T10:00:00Z');
const grant: UploadGrant = { key: 'proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV/01BX5ZZKBKACTAV9WEVGEMMVRZ.jpg', contentType: 'image/jpeg', bytes: 1234, expires: NOW / 1000 + 600 };

/** The PUT a browser sends with the link and its headers, with one thing changed. */
function request(over: Partial<UploadRequest> = {}, path = uploadPath(SECRET, grant)): UploadRequest {
  const url = new URL(path, 'http://localhost');
  return {
    key: decodeURIComponent(url.pathname.slice('/local-upload/'.length)), query: url.searchParams,
    contentType: 'image/jpeg', contentLength: '1234', ifNoneMatch: '*', nowMs: NOW, ...over,
  };
}
const withQuery = (name: string, value: string) => {
  const url = new URL(uploadPath(SECRET, grant), 'http://localhost');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
};

describe('local upload links', () => {
  it('look like /local-upload/<key>?expires&type&bytes&signature, an HMAC-SHA256 over key|expires|type|bytes', () => {
    const path = uploadPath(SECRET, grant);
    expect(path).toMatch(/^\/local-upload\/proposals\/01ARZ3NDEKTSV4RRFFQ69G5FAV\/01BX5ZZKBKACTAV9WEVGEMMVRZ\.jpg\?expires=\d+&type=image%2Fjpeg&bytes=1234&signature=[0-9a-f]{64}$/);
    expect(signUpload(SECRET, grant)).not.toBe(signUpload('another-secret-entirely', grant));
  });

  it('accept exactly the PUT they were made for', () => {
    expect(verifyUpload(SECRET, request())).toEqual({ ok: true, grant });
    expect(verifyUpload(SECRET, request({ contentType: 'Image/JPEG ' })).ok).toBe(true);
  });

  it('refuse a tampered signature, or a signature made with another secret', () => {
    const sig = signUpload(SECRET, grant);
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    expect(verifyUpload(SECRET, request({}, withQuery('signature', flipped)))).toMatchObject({ ok: false, status: 403, code: 'bad_signature' });
    expect(verifyUpload(SECRET, request({}, withQuery('signature', '')))).toMatchObject({ ok: false, status: 403 });
    expect(verifyUpload('another-secret-entirely', request())).toMatchObject({ ok: false, status: 403, code: 'bad_signature' });
  });

  it('refuse a link whose expiry, type, size or key was edited to allow more', () => {
    for (const path of [
      withQuery('expires', String(grant.expires + 3600)),
      withQuery('type', 'image/png'),
      withQuery('bytes', '5000000'),
      uploadPath(SECRET, grant).replace('.jpg', '.png'),
    ]) expect(verifyUpload(SECRET, request({}, path)), path).toMatchObject({ ok: false, status: 403, code: 'bad_signature' });
  });

  it('refuse an expired link', () => {
    expect(verifyUpload(SECRET, request({ nowMs: grant.expires * 1000 }))).toMatchObject({ ok: false, status: 403, code: 'expired' });
    expect(verifyUpload(SECRET, request({ nowMs: grant.expires * 1000 - 1 })).ok).toBe(true);
  });

  it('refuse another content type than the signed one', () => {
    for (const contentType of ['image/png', 'text/html', undefined]) {
      expect(verifyUpload(SECRET, request({ contentType })), String(contentType)).toMatchObject({ ok: false, status: 403, code: 'wrong_type' });
    }
  });

  it('refuse another size: larger is 413, smaller or undeclared is 400', () => {
    expect(verifyUpload(SECRET, request({ contentLength: '1235' }))).toMatchObject({ ok: false, status: 413, code: 'too_large' });
    expect(verifyUpload(SECRET, request({ contentLength: '1233' }))).toMatchObject({ ok: false, status: 400, code: 'wrong_size' });
    expect(verifyUpload(SECRET, request({ contentLength: undefined }))).toMatchObject({ ok: false, status: 400, code: 'wrong_size' });
  });

  it('refuse a PUT without If-None-Match: *, as S3 refuses one without its signed headers', () => {
    expect(verifyUpload(SECRET, request({ ifNoneMatch: undefined }))).toMatchObject({ ok: false, status: 403, code: 'bad_headers' });
  });

  it('refuse keys that could leave the media folder, before looking at the signature', () => {
    for (const key of ['../etc/passwd', 'proposals/../../x.jpg', '/abs.jpg', 'proposals//x.jpg', '.meta/x.json', 'a/.hidden', 'a\\b.jpg', '']) {
      expect(isSafeKey(key), key).toBe(false);
      expect(verifyUpload(SECRET, request({ key })), key).toMatchObject({ ok: false, status: 400 });
    }
    expect(isSafeKey(grant.key)).toBe(true);
  });
});
