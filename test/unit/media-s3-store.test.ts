/** The S3 store: the link S3 will check (signed type, size and write-once), and HeadObject as stat. */
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createS3Client, S3MediaStore } from '../../functions/shared/media/s3-store.js';

const NOW = Date.parse('2026-11-29T10:00:00.400Z');
const KEY = 'proposals/01ARZ3NDEKTSV4RRFFQ69G5FAV/01BX5ZZKBKACTAV9WEVGEMMVRZ.webp';
const s3 = mockClient(S3Client);
afterEach(() => s3.reset());
beforeAll(() => {
  // What the Lambda role provides through the environment; presigning needs only these, no network.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  return () => { vi.unstubAllEnvs(); };
});

/** The client exactly as the Lambda builds it. */
const store = (region = 'ap-east-1') => new S3MediaStore(createS3Client(region), 'gongzhi-media', () => NOW);

describe('S3MediaStore.presignUpload', () => {
  it('signs a PutObject valid for ten minutes with Content-Type, Content-Length and If-None-Match in the signature', async () => {
    const ticket = await store().presignUpload(KEY, 'image/webp', 204800);
    const url = new URL(ticket.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://gongzhi-media.s3.ap-east-1.amazonaws.com/${KEY}`);
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
  it('reads size and type with HeadObject', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 204800, ContentType: 'image/webp' });
    expect(await store().stat(KEY)).toEqual({ bytes: 204800, contentType: 'image/webp' });
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'gongzhi-media', Key: KEY });
  });

  it('answers null when nothing was uploaded (NotFound)', async () => {
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    expect(await store().stat(KEY)).toBeNull();
  });

  it('lets other failures through: a missing permission must not look like a missing photo', async () => {
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('Forbidden'), { name: '403', $metadata: { httpStatusCode: 403 } }));
    await expect(store().stat(KEY)).rejects.toThrow('Forbidden');
  });
});

describe('S3MediaStore.publicUrl', () => {
  it('is the same-origin CloudFront path', () => {
    expect(store().publicUrl(KEY)).toBe(`/media/${KEY}`);
  });
});

describe('createMediaStore with a bucket (as the proposals Lambda builds it)', () => {
  it('answers the public path at once, loads S3 on the first photo action, then signs and stats through it', async () => {
    const { createMediaStore } = await import('../../functions/shared/media/index.js');
    const cfg = { region: 'ap-east-1', media: { bucket: 'gongzhi-media' } } as Parameters<typeof createMediaStore>[0];
    const media = createMediaStore(cfg);
    expect(media).not.toBeInstanceOf(S3MediaStore);
    expect(media.publicUrl(KEY)).toBe(`/media/${KEY}`);
    const ticket = await media.presignUpload(KEY, 'image/webp', 204800);
    expect(new URL(ticket.url).host).toBe('gongzhi-media.s3.ap-east-1.amazonaws.com');
    s3.on(HeadObjectCommand).resolves({ ContentLength: 5, ContentType: 'image/webp' });
    expect(await media.stat(KEY)).toEqual({ bytes: 5, contentType: 'image/webp' });
  });
});
