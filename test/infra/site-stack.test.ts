import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/security-headers.js';
import { only, resources, synthGongzhi, type Resource } from './synth.js';

let template: Template;
let distribution: Record<string, any>;

beforeAll(() => {
  const synth = synthGongzhi();
  template = Template.fromStack(synth.site);
  distribution = only(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
});

/** The hashed-assets deployment never prunes; the pages deployment does. */
const deployment = (prune: boolean): Resource => {
  const all = Object.values(resources(template, 'Custom::CDKBucketDeployment'));
  expect(all).toHaveLength(2);
  return all.find((d) => d.Properties.Prune === prune)!;
};
const siteBucketId = () => (distribution.Origins[0].DomainName['Fn::GetAtt'] as string[])[0]!;
const named = (type: string, prefix: string): Resource =>
  Object.entries(resources(template, type)).find(([id]) => id.startsWith(prefix))![1];
const behavior = (pattern: string) => (distribution.CacheBehaviors as any[]).find((b) => b.PathPattern === pattern);
/** A CloudFormation string as text: references become <Name>, cross-stack outputs <OutputName>. */
const flat = (v: any): string => (typeof v === 'string' ? v
  : v['Fn::Join'] ? (v['Fn::Join'][1] as any[]).map(flat).join(v['Fn::Join'][0])
    : v.Ref ? `<${v.Ref}>` : v['Fn::GetStackOutput'] ? `<${v['Fn::GetStackOutput'].OutputName}>` : JSON.stringify(v));

describe('site stack: storage', () => {
  it('blocks every kind of public access on every bucket, encrypts, and refuses plain HTTP', () => {
    const buckets = resources(template, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault)
        .toEqual({ SSEAlgorithm: 'AES256' });
      const policy = Object.values(resources(template, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === id)!;
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });

  it('lets only this distribution read the site bucket, and logs access to it', () => {
    const site = resources(template, 'AWS::S3::Bucket')[siteBucketId()]!;
    expect(site.Properties.LoggingConfiguration.LogFilePrefix).toBe('s3-site/');
    const policy = Object.values(resources(template, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === siteBucketId())!;
    const allow = (policy.Properties.PolicyDocument.Statement as any[]).filter((s) => s.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
    expect(JSON.stringify(allow[0].Condition)).toContain(':distribution/');
  });
});

describe('site stack: distribution', () => {
  it('reaches the bucket through Origin Access Control and serves index.html at /', () => {
    const oac = only(template, 'AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig;
    expect(oac).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    expect(distribution.Origins[0].OriginAccessControlId).toBeDefined();
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('falls back to 200.html for app paths at the edge, never rewriting the API\'s own 403/404', () => {
    // Distribution-wide error responses would also turn an API 404 into a 200 HTML page.
    expect(distribution.CustomErrorResponses).toBeUndefined();
    const fn = named('AWS::CloudFront::Function', 'SpaRouting');
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.Properties.FunctionCode).toContain("'/200.html'");
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([{
      EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SpaRouting/), 'FunctionARN'] },
    }]);
    expect(behavior('/api/*').FunctionAssociations).toBeUndefined();
  });

  it('forwards /api/* with every method and every header but Host to the HTTP API, Authorization through the cache key', () => {
    expect((distribution.CacheBehaviors as any[]).map((b) => b.PathPattern)).toEqual(['/api/*', '/media/*']);
    const api = behavior('/api/*');
    const cache = named('AWS::CloudFront::CachePolicy', 'ApiCache');
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: { Ref: Object.keys(resources(template, 'AWS::CloudFront::CachePolicy')).find((k) => k.startsWith('ApiCache'))! },
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
    });
    // CloudFront forwards Authorization only when the cache key holds it; nothing is kept unless the API says s-maxage.
    const config = cache.Properties.CachePolicyConfig;
    expect(config).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 365 * 86_400 });
    expect(config.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      CookiesConfig: { CookieBehavior: 'none' },
      EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true,
    });
    expect([...api.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    const origin = distribution.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toMatch(/HttpApi.*\.execute-api\./);
  });

  it('adds the security headers, with the CSP, to the site and the API', () => {
    const policy = named('AWS::CloudFront::ResponseHeadersPolicy', 'SecurityHeaders');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // Uploads go from the page straight to the photo bucket's regional endpoint, so it may be fetched.
    const csp = flat(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    const uploadOrigin = /https:\/\/<PublishOutputRefMediaBucket\w+>\.s3\.<AWS::Region>\.<AWS::URLSuffix>/.exec(csp)?.[0];
    expect(uploadOrigin).toBeDefined();
    expect(headers.ContentSecurityPolicy).toMatchObject({ Override: true });
    expect(csp).toBe(contentSecurityPolicy(uploadOrigin!));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('form-action \'self\' https://*.amazoncognito.com');
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    const id = { Ref: Object.keys(resources(template, 'AWS::CloudFront::ResponseHeadersPolicy')).find((k) => k.startsWith('SecurityHeaders')) };
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(id);
    // The API's policy: the same security headers, and browsers keep no API answer (the edge decides from the origin's header first).
    const apiPolicy = named('AWS::CloudFront::ResponseHeadersPolicy', 'ApiHeaders');
    expect(behavior('/api/*').ResponseHeadersPolicyId).toEqual({ Ref: Object.keys(resources(template, 'AWS::CloudFront::ResponseHeadersPolicy')).find((k) => k.startsWith('ApiHeaders')) });
    expect(apiPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toEqual(headers);
    expect(apiPolicy.Properties.ResponseHeadersPolicyConfig.CustomHeadersConfig.Items)
      .toEqual([{ Header: 'cache-control', Value: 'private, no-store', Override: true }]);
  });
});

describe('site stack: the platform\'s address', () => {
  it('owns the HTTP API CloudFront forwards to, created empty (the api stack adds stage and routes)', () => {
    const api = only(template, 'AWS::ApiGatewayV2::Api').Properties;
    expect(api.ProtocolType).toBe('HTTP');
    for (const type of ['AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Authorizer']) {
      expect(resources(template, type), type).toEqual({});
    }
  });

  it('publishes the site\'s domain and its bucket for the api stack, which deploys after it', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const [distributionId] = Object.keys(resources(template, 'AWS::CloudFront::Distribution'));
    expect(outputs.SiteDomain!.Value).toEqual({ 'Fn::GetAtt': [distributionId, 'DomainName'] });
    expect(outputs.DistributionDomain!.Value).toEqual({ 'Fn::GetAtt': [distributionId, 'DomainName'] });
    expect(outputs.SiteBucketName!.Value).toEqual({ Ref: siteBucketId() });
  });

  it('serves a custom domain on its ACM certificate at TLS 1.2, and names that domain', () => {
    const custom = Template.fromStack(synthGongzhi({ context: {
      siteDomain: 'gongzhi.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    } }).site);
    const config = only(custom, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['gongzhi.example.org']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only',
    });
    expect((custom.toJSON().Outputs as Record<string, { Value: unknown }>).SiteDomain!.Value).toBe('gongzhi.example.org');
  });
});

describe('site stack: deployment', () => {
  it('publishes hashed assets for a year (never pruned) and pages revalidated, then invalidates', () => {
    const assets = deployment(false);
    const pages = deployment(true);
    expect(assets.Properties).toMatchObject({
      Prune: false, Include: ['_app/immutable/*'], SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages.Properties).toMatchObject({
      Prune: true, Exclude: ['_app/immutable/*', 'config.json'], SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/*'],
    });
    expect(assets.Properties.DestinationBucketName).toEqual({ Ref: siteBucketId() });
  });

  it('leaves config.json to the api stack: the pages\' prune keeps it', () => {
    expect(deployment(true).Properties.Exclude).toContain('config.json');
    const shipped = JSON.stringify(template.toJSON());
    expect(shipped).not.toMatch(/UserPool|amazoncognito\.com\/oauth2/);
  });
});
