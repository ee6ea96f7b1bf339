/**
 * The site stack: the platform's address. The SvelteKit static build in a private bucket behind
 * CloudFront (Origin Access Control), with `/api/*` forwarded to the HTTP API (public reads cached as
 * it marks them) and `/media/*` served from the photo bucket, so the site, the API and the photos share
 * one origin. The HTTP API itself is created here, empty: CloudFront needs its endpoint, and the api
 * stack, which deploys after this one, needs the site's domain for sign-in's callback URLs. So the api
 * stack adds the stage, routes and authorizer to it, and writes `config.json` (identity.ts) beside these files.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods, CachePolicy, CfnDistribution, Distribution, Function as CfFunction, FunctionCode, FunctionEventType,
  FunctionRuntime, HttpVersion, OriginProtocolPolicy, OriginRequestPolicy, PriceClass, S3OriginAccessControl,
  SecurityPolicyProtocol, Signing, ViewerProtocolPolicy, type IOriginAccessIdentity,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { viewerCacheControl } from '../functions/shared/http/edge-cache.js';
import { apiCachePolicy } from './api-cache.js';
import { acknowledgeDeploymentHandler, acknowledgeDistribution, acknowledgeLogBucket } from './site-acknowledgements.js';
import { immutableCacheControl, mediaBehavior, mediaPathPattern, uploadOriginOf } from './media-delivery.js';
import type { CustomDomain } from './settings.js';
import { metaPolicy, siteWithMetaPolicy } from './china-pages.js';
import { chinaApiCache, chinaStaticCache, useLegacyCacheSettings } from './china-edge.js';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { deploySite } from './site-deployment.js';
import { securityHeaders } from './security-headers.js';
import { spaRoutingCode } from './spa-routing.js';

export interface SiteStackProps extends StackProps {
  /** Directory of the built site (SvelteKit adapter-static output with `200.html`). */
  readonly siteAssetPath: string;
  /** The photo bucket (data stack), served under /media/ and uploaded to from the site's pages. */
  readonly media: IBucket;
  /** A custom domain with its certificate; without it the distribution's own domain is used. */
  readonly customDomain?: CustomDomain | undefined;
  /** Origins the pages talk to for sign-in (the identity provider's), for the CSP. */
  readonly signInOrigins: readonly string[];
  /**
   * AWS China: the origin access identity (data stack) CloudFront reads both buckets with, and the
   * edge as China offers it (china-edge.ts). Absent elsewhere: Origin Access Control and functions.
   */
  readonly edgeReader?: IOriginAccessIdentity | undefined;
}

/** The output the api stack reads the site bucket's name from, to write `config.json` into it. */
export const siteBucketOutput = 'SiteBucketName';

export class SiteStack extends Stack {
  readonly distribution: Distribution;
  /** The site's bucket: the api stack writes `config.json` into it. */
  readonly bucket: Bucket;
  /** Created empty here; the api stack adds its stage, routes and authorizer. */
  readonly httpApi: HttpApi;
  /** Where the site is served: the custom domain, or the distribution's own. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered through a bucket ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    acknowledgeLogBucket(logs);
    const bucket = this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3-site/',
    });

    this.httpApi = new HttpApi(this, 'HttpApi', { createDefaultStage: false, description: 'Gongzhi API: stage and routes in GongzhiApi' });
    const uploadOrigin = uploadOriginOf(this, props.media.bucketName);
    const csp = { uploadOrigin, signInOrigins: props.signInOrigins };
    const china = props.edgeReader !== undefined;
    // Response headers policies, cache policies and functions exist outside China only (china-edge.ts).
    const headersPolicy = (name: string, extra: { cacheControl?: string; comment?: string } = {}) =>
      (china ? undefined : securityHeaders(this, name, { ...csp, ...extra }));
    const headers = headersPolicy('SecurityHeaders');
    // One OAC, signing every request, for both buckets; in China the data stack's origin access identity.
    const access = props.edgeReader
      ? { originAccessIdentity: props.edgeReader }
      : { originAccessControl: new S3OriginAccessControl(this, 'OriginAccessControl', { signing: Signing.SIGV4_ALWAYS }) };
    const siteOrigin = 'originAccessIdentity' in access
      ? S3BucketOrigin.withOriginAccessIdentity(bucket, { originAccessIdentity: access.originAccessIdentity })
      : S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl: access.originAccessControl });
    if (props.edgeReader) {
      // Listing lets S3 answer 404 rather than 403 for an app path with no file: the error response below serves the app for it.
      bucket.addToResourcePolicy(new PolicyStatement({ principals: [props.edgeReader.grantPrincipal], actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    }
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Gongzhi site and API',
      ...(props.customDomain && {
        domainNames: [props.customDomain.domainName],
        ...('acmArn' in props.customDomain.certificate && {
          certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificate.acmArn),
          minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        }),
      }),
      defaultRootObject: 'index.html',
      // China's edges are all in China: no price class to choose there, and HTTP/3 is not offered.
      httpVersion: china ? HttpVersion.HTTP2 : HttpVersion.HTTP2_AND_3,
      // Includes the Hong Kong and mainland-adjacent edges residents are served from.
      ...(!china && { priceClass: PriceClass.PRICE_CLASS_200 }),
      ...(china && { errorResponses: [{ httpStatus: 404, responseHttpStatus: 200, responsePagePath: '/200.html', ttl: Duration.seconds(0) }] }),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        ...(headers && { responseHeadersPolicy: headers }),
        ...(!china && { functionAssociations: [{
          eventType: FunctionEventType.VIEWER_REQUEST,
          function: new CfFunction(this, 'SpaRouting', {
            runtime: FunctionRuntime.JS_2_0,
            comment: 'Prerendered pages to their file, other app paths to the SPA fallback',
            code: FunctionCode.fromInline(spaRoutingCode(props.siteAssetPath)),
          }),
        }] }),
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Public reads cached as the API marks them; Authorization in the key, so it is forwarded (api-cache.ts).
          // (In China replaced by chinaApiCache, the same rule in the older form.)
          cachePolicy: china ? CachePolicy.CACHING_DISABLED : apiCachePolicy(this, 'ApiCache'),
          // Every other viewer header but Host (Authorization travels through the cache policy).
          ...(!china && { originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER }),
          // The security headers, and `private, no-store` towards browsers once the edge has decided
          // what to keep (functions/shared/http/edge-cache.ts): no browser keeps an API answer.
          ...(!china && { responseHeadersPolicy: headersPolicy('ApiHeaders', {
            cacheControl: viewerCacheControl, comment: 'Gongzhi API: security headers; browsers keep no API answer',
          })! }),
        },
        [mediaPathPattern]: mediaBehavior(this, {
          media: props.media,
          access,
          responseHeadersPolicy: headersPolicy('MediaHeaders', {
            cacheControl: immutableCacheControl, comment: 'Gongzhi photos: security headers, cached for a year',
          }),
        }),
      },
    });
    const certificate = props.customDomain?.certificate;
    if (certificate && 'iamCertificateId' in certificate) useIamCertificate(this.distribution, certificate.iamCertificateId);
    if (china) useLegacyCacheSettings(this.distribution, { default: chinaStaticCache, additional: [chinaApiCache, chinaStaticCache] });
    acknowledgeDistribution(this.distribution, {
      defaultCertificate: !props.customDomain,
      iamCertificate: certificate !== undefined && 'iamCertificateId' in certificate,
      originAccessIdentity: china,
    });
    this.domainName = props.customDomain?.domainName ?? this.distribution.distributionDomainName;
    new CfnOutput(this, 'SiteDomain', {
      value: this.domainName,
      description: 'Where the site is served and where sign-in returns to',
    });
    new CfnOutput(this, siteBucketOutput, { value: bucket.bucketName, description: 'The bucket the site is published to' });
    new CfnOutput(this, 'DistributionDomain', {
      value: this.distribution.distributionDomainName,
      description: 'The CloudFront domain: the CNAME target of a custom siteDomain',
    });
    // In China no headers policy carries the CSP: the pages do (china-pages.ts). The photo bucket's
    // name is known only at deploy time, so uploads may go to any S3 host of the region.
    const siteAssetPath = china
      ? siteWithMetaPolicy(props.siteAssetPath, metaPolicy(`https://*.s3.${this.region}.amazonaws.com.cn`, props.signInOrigins))
      : props.siteAssetPath;
    deploySite(this, { bucket, distribution: this.distribution, siteAssetPath });
    acknowledgeDeploymentHandler(this, bucket);
  }
}

/**
 * CloudFront in the AWS China regions takes a certificate from the IAM store, not ACM, and the CDK
 * Distribution knows only ACM: the viewer certificate is set on the underlying resource.
 */
function useIamCertificate(distribution: Distribution, iamCertificateId: string): void {
  const cfn = distribution.node.defaultChild as CfnDistribution;
  cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
    IamCertificateId: iamCertificateId,
    SslSupportMethod: 'sni-only',
    MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
  });
}
