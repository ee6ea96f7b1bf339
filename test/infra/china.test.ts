/**
 * AWS China (cn-north-1): the synthesis the README's "Deploying in mainland China" asks for, with
 * any OIDC provider, an ICP-filed domain and a certificate from the IAM store. What only a real
 * account can prove (the ICP filing, the provider reachable from China, the runtime on offer) is not
 * claimed here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaApiCache } from '../../infra/china-edge.js';
import { resources, synthGongzhi } from './synth.js';

export const chinaContext = {
  region: 'cn-north-1',
  oidcIssuer: 'https://login.chating.example.cn/realms/gongzhi', oidcAudience: 'gongzhi-api', oidcClientId: 'gongzhi-site',
  siteDomain: 'gongzhi.chating.example.cn', iamCertificateId: 'ASCAEXAMPLECERT1234567',
  notifySms: 'webhook', notifySmsWebhookUrl: 'https://sms.example.cn/send', notifySmsWebhookTokenSecret: 'gongzhi/sms-token',
};

/**
 * Resource types AWS China does not offer, or whose use there the CloudFront API refuses, from the
 * regions' CloudFormation registry and documentation (README, "Deploying in mainland China").
 */
const unavailable = [
  /^AWS::Cognito::UserPool/, /^AWS::Cognito::ManagedLoginBranding$/, /^AWS::SES::/, /^AWS::SMSVoice::/, /^AWS::Pinpoint/,
  /^AWS::CloudFront::OriginAccessControl$/, /^AWS::CloudFront::Function$/, /^AWS::CloudFront::KeyValueStore$/,
  /^AWS::CloudFront::CachePolicy$/, /^AWS::CloudFront::OriginRequestPolicy$/, /^AWS::CloudFront::ResponseHeadersPolicy$/,
  /^AWS::CertificateManager::/, /^AWS::Lambda::Url$/,
];

let synth: ReturnType<typeof synthGongzhi>;
let templates: Record<string, Template>;
beforeAll(() => {
  // Synthesis itself fails on any unacknowledged cdk-nag finding (the plugin runs in synthGongzhi).
  synth = synthGongzhi({ context: chinaContext, validateCloudFormation: true });
  templates = Object.fromEntries([synth.data, synth.site, synth.api].map((s) => [s.stackName, Template.fromStack(s)]));
});

const json = (t: Template) => JSON.stringify(t.toJSON());
/** The `.html` files of the site assets staged in an assembly, by their path in the site. */
const builtPages = (dir: string): Record<string, string> => {
  const sites = readdirSync(dir).filter((a) => a.startsWith('asset.') && existsSync(join(dir, a, 'index.html')));
  expect(sites, 'one copy of the site is published').toHaveLength(1);
  return Object.fromEntries(readdirSync(join(dir, sites[0]!), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dir, sites[0]!, f), 'utf8')]));
};
const distributionConfig = () =>
  Object.values(resources(templates.GongzhiSite!, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

describe('AWS China synthesis (cn-north-1)', () => {
  it('is pinned to the region, in the aws-cn partition, with no ARN of the global partition anywhere', () => {
    for (const stack of [synth.data, synth.site, synth.api]) expect(stack.region, stack.stackName).toBe('cn-north-1');
    for (const [name, t] of Object.entries(templates)) {
      const text = json(t);
      expect(text, name).not.toMatch(/arn:aws:/);
    }
    expect(json(templates.GongzhiApi!)).toMatch(/arn:aws-cn:/);
    // Hosts by the partition's own suffix (amazonaws.com.cn there), never a written-out amazonaws.com.
    expect(json(templates.GongzhiSite!)).toContain('".execute-api.cn-north-1.",{"Ref":"AWS::URLSuffix"}');
    // (Service principals are `<service>.amazonaws.com` in every partition.)
    for (const [name, t] of Object.entries(templates)) {
      expect(json(t).replace(/"(?:Service|Principal)":(\[[^\]]*\]|"[^"]*")/g, ''), name).not.toMatch(/[a-z0-9-]\.amazonaws\.com(?!\.cn)(?=[/"])/);
    }
  });

  it('contains no Cognito and no resource the China regions lack', () => {
    for (const [name, t] of Object.entries(templates)) {
      const types = Object.values(t.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
      const found = types.filter((type) => unavailable.some((u) => u.test(type)));
      expect(found, name).toEqual([]);
      expect(types.filter((type) => type.startsWith('AWS::Cognito::')), name).toEqual([]);
    }
  });

  it('checks tokens of the configured OIDC issuer and audience', () => {
    const authorizer = Object.values(resources(templates.GongzhiApi!, 'AWS::ApiGatewayV2::Authorizer'))[0]!.Properties;
    expect(authorizer.JwtConfiguration).toEqual({ Issuer: chinaContext.oidcIssuer, Audience: [chinaContext.oidcAudience] });
  });

  it('serves the filed domain on the IAM-store certificate at TLS 1.2, HTTP/2, every edge', () => {
    const config = distributionConfig();
    expect(config.Aliases).toEqual([chinaContext.siteDomain]);
    expect(config.ViewerCertificate).toEqual({
      IamCertificateId: chinaContext.iamCertificateId, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(config.HttpVersion).toBe('http2');
    expect(config.PriceClass).toBeUndefined();
  });

  it('reads both buckets through one origin access identity that both bucket policies name', () => {
    const config = distributionConfig();
    const s3Origins = (config.Origins as any[]).filter((o) => o.S3OriginConfig);
    expect(s3Origins).toHaveLength(2);
    for (const o of s3Origins) {
      expect(o.OriginAccessControlId).toBeUndefined();
      expect(JSON.stringify(o.S3OriginConfig.OriginAccessIdentity)).toMatch(/origin-access-identity\/cloudfront\//);
      expect(JSON.stringify(o.S3OriginConfig.OriginAccessIdentity)).toMatch(/EdgeReader/);
    }
    const [oai] = Object.keys(resources(templates.GongzhiData!, 'AWS::CloudFront::CloudFrontOriginAccessIdentity'));
    expect(oai).toBeDefined();
    const mediaPolicy = JSON.stringify(resources(templates.GongzhiData!, 'AWS::S3::BucketPolicy'));
    expect(mediaPolicy).toContain(`"Fn::GetAtt":["${oai}","S3CanonicalUserId"]`);
    expect(mediaPolicy).toContain('/media/proposals/*');
    const sitePolicy = JSON.stringify(resources(templates.GongzhiSite!, 'AWS::S3::BucketPolicy'));
    expect(sitePolicy).toMatch(/"CanonicalUser":\{"Fn::GetStackOutput":\{"StackName":"GongzhiData".*EdgeReader\w*S3CanonicalUserId/);
    expect(sitePolicy).toContain('s3:ListBucket');
  });

  it('caches with ForwardedValues and TTLs, the API keyed on Authorization and the query string and kept only as it says', () => {
    const config = distributionConfig();
    const all = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as any[])];
    for (const b of all) {
      expect(b.CachePolicyId, b.PathPattern).toBeUndefined();
      expect(b.OriginRequestPolicyId, b.PathPattern).toBeUndefined();
      expect(b.ResponseHeadersPolicyId, b.PathPattern).toBeUndefined();
      expect(b.FunctionAssociations, b.PathPattern).toBeUndefined();
      expect(b.MinTTL, b.PathPattern).toBe(0);
    }
    const api = (config.CacheBehaviors as any[]).find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      ForwardedValues: { QueryString: true, Headers: ['Authorization'], Cookies: { Forward: 'none' } },
      DefaultTTL: 0, MaxTTL: chinaApiCache.maxTtl,
    });
    expect((config.CacheBehaviors as any[]).find((b) => b.PathPattern === '/media/*').ForwardedValues.QueryString).toBe(false);
  });

  it('serves app paths through the 404 error response, there being no function at the edge', () => {
    expect(distributionConfig().CustomErrorResponses).toEqual([
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/200.html', ErrorCachingMinTTL: 0 },
    ]);
  });

  it('puts the Content-Security-Policy into every page, there being no headers policy', () => {
    const pages = builtPages(synth.assembly.directory);
    expect(Object.keys(pages).sort()).toEqual(['200.html', 'about/index.html', 'index.html', 'proposals.html']);
    for (const [name, html] of Object.entries(pages)) {
      const policy = /^<!doctype html><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(policy, name).toContain("script-src 'self' 'unsafe-inline'");
      expect(policy, name).toContain(`connect-src 'self' https://*.s3.cn-north-1.amazonaws.com.cn ${new URL(chinaContext.oidcIssuer).origin}`);
      expect(policy, name).toContain(`form-action 'self' ${new URL(chinaContext.oidcIssuer).origin}`);
      expect(policy, name).not.toContain('frame-ancestors');
      expect(html, name).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">');
      expect(html, name).toContain('top.location.replace');
    }
    // Elsewhere the headers policy carries it and the pages are published as built.
    const global = synthGongzhi({ context: { region: 'ap-east-1' } });
    expect(Object.values(builtPages(global.assembly.directory)).filter((h) => h.includes('http-equiv'))).toEqual([]);
  });

  it('budgets in yuan, the currency the China regions bill in', () => {
    const budget = Object.values(resources(templates.GongzhiApi!, 'AWS::Budgets::Budget'))[0]!.Properties.Budget;
    expect(budget.BudgetLimit).toEqual({ Amount: 70, Unit: 'CNY' });
    const more = Template.fromStack(synthGongzhi({ context: { ...chinaContext, monthlyBudgetCny: '200' } }).api);
    expect(Object.values(resources(more, 'AWS::Budgets::Budget'))[0]!.Properties.Budget.BudgetLimit).toEqual({ Amount: 200, Unit: 'CNY' });
  });

  it('synthesizes without a warning left unanswered (`cdk synth` prints none)', () => {
    for (const stack of [synth.data, synth.site, synth.api]) {
      const a = Annotations.fromStack(stack);
      expect([...a.findWarning('*', Match.anyValue()), ...a.findError('*', Match.anyValue())], stack.stackName).toEqual([]);
    }
  });

  it('leaves nothing for cdk-nag when run directly over the app', () => {
    expect(new AwsSolutionsChecks().validateScope(synth.app).violations).toEqual([]);
  });

  it('refuses, before synthesis, what the China regions cannot run', () => {
    const { oidcIssuer: _i, oidcAudience: _a, oidcClientId: _c, ...cognito } = chinaContext;
    expect(() => synthGongzhi({ context: cognito })).toThrow(/Cognito user pools are not offered/);
    const { siteDomain: _d, iamCertificateId: _cert, ...noDomain } = chinaContext;
    expect(() => synthGongzhi({ context: noDomain })).toThrow(/siteDomain/);
    const { iamCertificateId: _x, ...acm } = chinaContext;
    expect(() => synthGongzhi({ context: { ...acm, certificateArn: 'arn:aws-cn:acm:us-east-1:123456789012:certificate/abc' } })).toThrow(/IAM store/);
    expect(() => synthGongzhi({ context: { ...chinaContext, notifyEmailFrom: 'notify@example.cn' } })).toThrow(/SES is not offered/);
    const { notifySmsWebhookUrl: _u, notifySmsWebhookTokenSecret: _t, ...sms } = chinaContext;
    expect(() => synthGongzhi({ context: { ...sms, notifySms: 'aws' } })).toThrow(/End User Messaging SMS is not offered/);
    expect(() => synthGongzhi({ context: { ...chinaContext, monthlyBudgetUsd: '10' } })).toThrow(/monthlyBudgetCny/);
  });
});
