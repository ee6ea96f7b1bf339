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
  SecurityPolicyProtocol, Signing, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { viewerCacheControl } from '../functions/shared/http/edge-cache.js';
import { apiCachePolicy } from './api-cache.js';
import { acknowledgeDeploymentHandler, acknowledgeDistribution, acknowledgeLogBucket } from './site-acknowledgements.js';
import { immutableCacheControl, mediaBehavior, mediaPathPattern, uploadOriginOf } from './media-delivery.js';
import type { CustomDomain } from './settings.js';
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
    const headers = securityHeaders(this, 'SecurityHeaders', csp);
    // One OAC, signing every request, for both buckets.
    const originAccessControl = new S3OriginAccessControl(this, 'OriginAccessControl', { signing: Signing.SIGV4_ALWAYS });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Gongzhi site and API',
      ...(props.customDomain && {
        domainNames: [props.customDomain.domainName],
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        ...('acmArn' in props.customDomain.certificate && {
          certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificate.acmArn),
        }),
      }),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the Hong Kong and mainland-adjacent edges residents are served from.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{
          eventType: FunctionEventType.VIEWER_REQUEST,
          function: new CfFunction(this, 'SpaRouting', {
            runtime: FunctionRuntime.JS_2_0,
            comment: 'Prerendered pages to their file, other app paths to the SPA fallback',
            code: FunctionCode.fromInline(spaRoutingCode(props.siteAssetPath)),
          }),
        }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Public reads cached as the API marks them; Authorization in the key, so it is forwarded (api-cache.ts).
          cachePolicy: apiCachePolicy(this, 'ApiCache'),
          // Every other viewer header but Host (Authorization travels through the cache policy).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          // The security headers, and `private, no-store` towards browsers once the edge has decided
          // what to keep (functions/shared/http/edge-cache.ts): no browser keeps an API answer.
          responseHeadersPolicy: securityHeaders(this, 'ApiHeaders', {
            ...csp, cacheControl: viewerCacheControl, comment: 'Gongzhi API: security headers; browsers keep no API answer',
          }),
        },
        [mediaPathPattern]: mediaBehavior(this, {
          media: props.media,
          originAccessControl,
          responseHeadersPolicy: securityHeaders(this, 'MediaHeaders', {
            ...csp, cacheControl: immutableCacheControl, comment: 'Gongzhi photos: security headers, cached for a year',
          }),
        }),
      },
    });
    const certificate = props.customDomain?.certificate;
    if (certificate && 'iamCertificateId' in certificate) useIamCertificate(this.distribution, certificate.iamCertificateId);
    acknowledgeDistribution(this.distribution, { defaultCertificate: !props.customDomain });
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
    deploySite(this, { bucket, distribution: this.distribution, siteAssetPath: props.siteAssetPath });
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
