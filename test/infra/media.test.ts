/** The photo bucket end to end: private storage, signed uploads from the site, /media/* on CloudFront. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { photoKey } from '../../functions/proposals/request-photo-upload.js';
import type { ContextName } from '../../functions/routes.js';
import { mediaContexts, mediaObjectActions } from '../../infra/media-access.js';
import { mediaKeyPrefix, uploadHeaders } from '../../infra/media-bucket.js';
import { immutableCacheControl } from '../../infra/media-delivery.js';
import { objectKeyOf, S3MediaStore } from '../../functions/shared/media/s3-store.js';
import { repoRoot } from '../../infra/paths.js';
import { only, resources, synthGongzhi, type Resource } from './synth.js';

type Statement = { Effect: string; Action: string | string[]; Resource: any; Principal?: any; Condition?: any };
let synth: ReturnType<typeof synthGongzhi>;
let data: Template;
let api: Template;
let site: Template;
let mediaId: string;

beforeAll(() => {
  synth = synthGongzhi();
  data = Template.fromStack(synth.data);
  api = Template.fromStack(synth.api);
  site = Template.fromStack(synth.site);
  mediaId = synth.data.getLogicalId(synth.data.media.node.defaultChild as CfnResource);
});

const media = (): Resource => resources(data, 'AWS::S3::Bucket')[mediaId]!;
const policyOf = (bucketId: string): Statement[] => Object.values(resources(data, 'AWS::S3::BucketPolicy'))
  .find((p) => p.Properties.Bucket.Ref === bucketId)!.Properties.PolicyDocument.Statement;
const actionsOf = (s: Statement) => [s.Action].flat();
const s3Statements = (c: ContextName): Statement[] => {
  const role = synth.api.getLogicalId(synth.api.functions[c]!.fn.role!.node.defaultChild as CfnResource);
  return Object.values(resources(api, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
};
/** The bucket's ARN as the api stack imports it from the data stack. */
const isMediaArn = (v: any) => /PublishOutputFnGetAttMediaBucket\w*Arn/.test(JSON.stringify(v));

describe('photo bucket (data stack)', () => {
  it('is private, encrypted, refuses plain HTTP, is retained, and logs access to its own log bucket', () => {
    const bucket = media();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
    expect([bucket.DeletionPolicy, bucket.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    expect(policyOf(mediaId)).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const logsId = bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref as string;
    expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe('s3-media/');
    const logs = resources(data, 'AWS::S3::Bucket')[logsId]!;
    expect(logs.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
    expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([{ ExpirationInDays: 90, Status: 'Enabled' }]);
  });

  it('lets only this account\'s CloudFront read, and only photos; nobody else is allowed anything', () => {
    const allow = policyOf(mediaId).filter((s) => s.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
    expect(allow[0]!.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [mediaId, 'Arn'] }, `/media/${mediaKeyPrefix}*`]] });
    expect(allow[0]!.Condition.StringEquals).toEqual({ 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(JSON.stringify(allow[0]!.Condition.ArnLike['AWS:SourceArn'])).toContain(':distribution/*');
  });

  it('takes browser PUTs from the site\'s origin only, with the headers the links sign', () => {
    expect(media().Properties.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({
      // The distribution's name is not known when the bucket is made: any CloudFront domain (an upload still needs a signed link).
      AllowedMethods: ['PUT'], AllowedOrigins: ['https://*.cloudfront.net'], AllowedHeaders: [...uploadHeaders],
    })]);
    const custom = Template.fromStack(synthGongzhi({ context: {
      siteDomain: 'gongzhi.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    } }).data);
    const bucket = Object.values(resources(custom, 'AWS::S3::Bucket')).find((b) => b.Properties.CorsConfiguration)!;
    expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(['https://gongzhi.example.org']);
  });
});

describe('photo permissions (api stack)', () => {
  it('lets the proposals role put and read objects only under proposals/, and list the bucket (404 for a missing photo)', () => {
    const statements = s3Statements('proposals');
    expect(statements).toHaveLength(2);
    const objects = statements.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(actionsOf(objects).sort()).toEqual([...mediaObjectActions].sort());
    expect(objects.Resource['Fn::Join'][1]).toEqual([expect.anything(), `/media/${mediaKeyPrefix}*`]);
    expect(isMediaArn(objects.Resource['Fn::Join'][1][0])).toBe(true);
    const list = statements.find((s) => actionsOf(s).includes('s3:ListBucket'))!;
    expect(actionsOf(list)).toEqual(['s3:ListBucket']);
    expect(isMediaArn(list.Resource)).toBe(true);
  });

  it('gives no other function any S3 permission or the bucket name', () => {
    expect(mediaContexts).toEqual(['proposals']);
    for (const c of Object.keys(synth.api.functions) as ContextName[]) {
      const env = Object.values(resources(api, 'AWS::Lambda::Function'))
        .find((f) => f.Properties.Role['Fn::GetAtt'][0] === synth.api.getLogicalId(synth.api.functions[c]!.fn.role!.node.defaultChild as CfnResource))!
        .Properties.Environment.Variables;
      if (c === 'proposals') {
        expect(isMediaArn(env.MEDIA_BUCKET) || /PublishOutputRefMediaBucket/.test(JSON.stringify(env.MEDIA_BUCKET))).toBe(true);
        continue;
      }
      expect(s3Statements(c), c).toEqual([]);
      expect(env.MEDIA_BUCKET, c).toBeUndefined();
    }
  });

  it('covers every key the code writes and every S3 command the store sends', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) expect(photoKey('P', 'F', type).startsWith(mediaKeyPrefix)).toBe(true);
    const source = readFileSync(join(repoRoot, 'functions/shared/media/s3-store.ts'), 'utf8');
    // The store signs its own requests: a presigned PUT (PutObject) and a signed HEAD (HeadObject), nothing else.
    const sent = [...source.matchAll(/(?:presign\(\{ method|signObjectRequest\(this\.signer,)[:\s]*'(\w+)'/g)].map((m) => m[1]);
    expect(sent.sort()).toEqual(['HEAD', 'PUT']);
    // HeadObject is authorized by s3:GetObject.
    expect([...mediaObjectActions].sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });
});

describe('photo delivery (site stack)', () => {
  const distribution = () => only(site, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
  const mediaBehavior = () => (distribution().CacheBehaviors as any[]).find((b) => b.PathPattern === '/media/*');

  it('serves /media/* from the photo bucket through Origin Access Control, GET and HEAD only, cached', () => {
    const b = mediaBehavior();
    expect(b).toMatchObject({
      AllowedMethods: ['GET', 'HEAD'], ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // Managed-CachingOptimized
    });
    const origin = (distribution().Origins as any[]).find((o) => o.Id === b.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toMatch(/PublishOutputFnGetAttMediaBucket\w*RegionalDomainName/);
    const oac = Object.keys(resources(site, 'AWS::CloudFront::OriginAccessControl'));
    expect(oac).toHaveLength(1);
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac[0], 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
  });

  it('serves /media/<key> from the object media/<key> as it is, with no function at the edge', () => {
    expect(mediaBehavior().FunctionAssociations).toBeUndefined();
    expect(new S3MediaStore({ region: 'ap-east-1' }, 'b').publicUrl('proposals/P/F.jpg')).toBe('/media/proposals/P/F.jpg');
    expect(objectKeyOf('proposals/P/F.jpg')).toBe('media/proposals/P/F.jpg');
  });

  it('answers photos with the security headers and a year of immutable caching', () => {
    const policy = resources(site, 'AWS::CloudFront::ResponseHeadersPolicy')[mediaBehavior().ResponseHeadersPolicyId.Ref]!;
    const config = policy.Properties.ResponseHeadersPolicyConfig;
    expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'cache-control', Value: immutableCacheControl, Override: true }]);
    expect(config.SecurityHeadersConfig).toMatchObject({ ContentTypeOptions: { Override: true }, FrameOptions: { FrameOption: 'DENY', Override: true } });
  });

  it('leaves no CDK warning: importing the bucket by name is acknowledged, its policy already admits CloudFront', () => {
    expect(Annotations.fromStack(synth.site).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
