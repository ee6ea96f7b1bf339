/**
 * The S3 store signs with the SDK's SigV4 signer instead of carrying the S3 client: the upload link
 * must be exactly the one @aws-sdk/client-s3's presigner makes (a dev dependency, for this test
 * only), and the signed HEAD must match AWS's own published SigV4 example.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3MediaStore, s3Signer, signObjectRequest, type S3Access } from '../../functions/shared/media/s3-store.js';

const NOW = Date.parse('2026-11-29T10:00:00.400Z');
const KEY = 'proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV/01BX5ZZKBKACTAV9WEVGEMMVRZ.webp';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
beforeAll(() => {
  // What the Lambda role provides through the environment; signing needs only these, no network.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET);
  return () => { vi.unstubAllEnvs(); };
});
afterEach(() => { vi.useRealTimers(); });

type Sent = { url: string; init: { method: string; headers: Record<string, string> } };
const sent: Sent[] = [];
const answer = (status: number, headers: Record<string, string> = {}): S3Access['send'] => async (url, init) => {
  sent.push({ url, init });
  return { status, headers: new Headers(headers) };
};
/** The store exactly as the Lambda builds it (credentials from the environment), with `send` watched. */
const store = (region = 'ap-east-1', send: S3Access['send'] = answer(200)) => new S3MediaStore({ region, send }, 'gongzhi-media', () => NOW);

/** What the S3 client and its presigner make for the same upload, as the store used to call them. */
async function sdkLink(region: string, type: string, bytes: number): Promise<string> {
  const s3 = new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: 'gongzhi-media', Key: `media/${KEY}`, ContentType: type, ContentLength: bytes, IfNoneMatch: '*' }), {
    expiresIn: 600, signingDate: new Date(Date.parse('2026-11-29T10:00:00.000Z')), signableHeaders: new Set(['content-type']),
  });
}

describe('S3MediaStore.presignUpload', () => {
  it('is, byte for byte, the link the S3 client presigns, in either partition and for any type and size', async () => {
    for (const [region, type, bytes] of [['ap-east-1', 'image/webp', 204800], ['cn-north-1', 'image/jpeg', 1], ['us-east-1', 'image/png', 10485760]] as const) {
      const ticket = await store(region).presignUpload(KEY, type, bytes);
      expect(ticket.url, region).toBe(await sdkLink(region, type, bytes));
    }
  });

  it('signs a PutObject valid for ten minutes with Content-Type, Content-Length and If-None-Match in the signature', async () => {
    const ticket = await store().presignUpload(KEY, 'image/webp', 204800);
    const url = new URL(ticket.url);
    // Under media/, the path CloudFront serves it at: /media/<key> reaches the object with no rewrite.
    expect(`${url.origin}${url.pathname}`).toBe(`https://gongzhi-media.s3.ap-east-1.amazonaws.com/media/${KEY}`);
    const q = url.searchParams;
    expect(q.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(q.get('X-Amz-Expires')).toBe('600');
    expect(q.get('X-Amz-Date')).toBe('20261129T100000Z');
    expect(q.get('X-Amz-SignedHeaders')!.split(';')).toEqual(['content-length', 'content-type', 'host', 'if-none-match']);
    expect(ticket).toMatchObject({ headers: { 'content-type': 'image/webp', 'if-none-match': '*' }, expiresAt: '2026-11-29T10:10:00.000Z' });
  });

  it('changes the signature when the declared type or size changes', async () => {
    const sig = async (type: string, bytes: number) => new URL((await store().presignUpload(KEY, type, bytes)).url).searchParams.get('X-Amz-Signature');
    const base = await sig('image/webp', 204800);
    expect(await sig('image/webp', 204800)).toBe(base);
    expect(await sig('image/png', 204800)).not.toBe(base);
    expect(await sig('image/webp', 204801)).not.toBe(base);
  });

  it('bakes no checksum of an empty body into the link (the SDK default would break every upload)', async () => {
    const { url } = await store().presignUpload(KEY, 'image/webp', 204800);
    expect(url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);
  });

  it('uses the virtual-hosted regional endpoint the site CSP allows, in either partition', async () => {
    for (const [region, host] of [['us-east-1', 'gongzhi-media.s3.us-east-1.amazonaws.com'], ['cn-north-1', 'gongzhi-media.s3.cn-north-1.amazonaws.com.cn']]) {
      expect(new URL((await store(region).presignUpload(KEY, 'image/webp', 1)).url).host).toBe(host);
    }
  });
});

describe('S3MediaStore.stat', () => {
  it('signs object requests as AWS documents it (the GET Object example of "Signature Calculations for the Authorization Header")', async () => {
    const signer = s3Signer('us-east-1', async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET }));
    const signed = await signObjectRequest(signer, 'GET', 'examplebucket.s3.amazonaws.com', 'test.txt', {
      range: 'bytes=0-9', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    }, new Date('2013-05-24T00:00:00Z'));
    expect(signed.headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('reads size and type with a signed HEAD of the object (the session token too, as Lambda sets it)', async () => {
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token-of-the-role');
    sent.length = 0;
    expect(await store('ap-east-1', answer(200, { 'content-length': '204800', 'content-type': 'image/webp' })).stat(KEY))
      .toEqual({ bytes: 204800, contentType: 'image/webp' });
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`https://gongzhi-media.s3.ap-east-1.amazonaws.com/media/${KEY}`);
    expect(sent[0]!.init.method).toBe('HEAD');
    expect(sent[0]!.init.headers).toMatchObject({
      'x-amz-date': '20261129T100000Z', 'x-amz-security-token': 'session-token-of-the-role',
      authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20261129\/ap-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/),
    });
  });

  it('answers null when nothing was uploaded (404)', async () => {
    expect(await store('ap-east-1', answer(404)).stat(KEY)).toBeNull();
  });

  it('lets other failures through: a missing permission must not look like a missing photo', async () => {
    await expect(store('ap-east-1', answer(403)).stat(KEY)).rejects.toThrow('S3 HeadObject answered 403');
  });
});

describe('S3MediaStore.publicUrl', () => {
  it('is the same-origin CloudFront path', () => {
    expect(store().publicUrl(KEY)).toBe(`/media/${KEY}`);
  });
});

describe('createMediaStore with a bucket (as the proposals Lambda builds it)', () => {
  it('is the S3 store on the configured bucket and region', async () => {
    const { createMediaStore } = await import('../../functions/shared/media/index.js');
    const cfg = { region: 'ap-east-1', media: { bucket: 'gongzhi-media' } } as Parameters<typeof createMediaStore>[0];
    const media = createMediaStore(cfg);
    expect(media).toBeInstanceOf(S3MediaStore);
    expect(media.publicUrl(KEY)).toBe(`/media/${KEY}`);
    expect(new URL((await media.presignUpload(KEY, 'image/webp', 204800)).url).host).toBe('gongzhi-media.s3.ap-east-1.amazonaws.com');
  });
});
