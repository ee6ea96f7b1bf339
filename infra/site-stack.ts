/**
 * The site stack: the SvelteKit static build in a private bucket behind CloudFront (Origin Access
 * Control), with `/api/*` forwarded to the HTTP API (public reads cached as it marks them) and `/media/*` served from the photo
 * bucket, so the site, the API and the photos share one origin.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods, CachePolicy, Distribution, Function as CfFunction, FunctionCode, FunctionEventType,
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
import { deploySite } from './site-deployment.js';
import { securityHeaders } from './security-headers.js';
import { spaRoutingCode } from './spa-routing.js';

export interface SiteStackProps extends StackProps {
  /** Directory of the built site (SvelteKit adapter-static output with `200.html`). */
  readonly siteAssetPath: string;
  readonly httpApi: IHttpApi;
  /** The photo bucket (data stack), served under /media/ and uploaded to from the site's pages. */
  readonly media: IBucket;
  /** A custom domain with its ACM certificate (us-east-1); without it the *.cloudfront.net name is used. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string } | undefined;
  /** What the static site learns at deploy time through `/config.json`. */
  readonly cognito: { readonly domain: string; readonly clientId: string };
}

export class SiteStack extends Stack {
  readonly distribution: Distribution;

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
    const bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3-site/',
    });

    const uploadOrigin = uploadOriginOf(this, props.media.bucketName);
    const headers = securityHeaders(this, 'SecurityHeaders', { uploadOrigin });
    // One OAC, signing every request, for both buckets.
    const originAccessControl = new S3OriginAccessControl(this, 'OriginAccessControl', { signing: Signing.SIGV4_ALWAYS });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Gongzhi site and API',
      ...(props.customDomain && {
        domainNames: [props.customDomain.domainName],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
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
          origin: new HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
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
            uploadOrigin, cacheControl: viewerCacheControl, comment: 'Gongzhi API: security headers; browsers keep no API answer',
          }),
        },
        [mediaPathPattern]: mediaBehavior(this, {
          media: props.media,
          originAccessControl,
          responseHeadersPolicy: securityHeaders(this, 'MediaHeaders', {
            uploadOrigin, cacheControl: immutableCacheControl, comment: 'Gongzhi photos: security headers, cached for a year',
          }),
        }),
      },
    });
    acknowledgeDistribution(this.distribution, { defaultCertificate: !props.customDomain });
    new CfnOutput(this, 'SiteDomain', {
      value: this.distribution.distributionDomainName,
      description: 'Where the site is served; deploy again with -c siteDomain=<this> so sign-in returns here',
    });
    deploySite(this, { bucket, distribution: this.distribution, siteAssetPath: props.siteAssetPath, config: {
      apiBase: '/api',
      cognito: { domain: props.cognito.domain, clientId: props.cognito.clientId, region: this.region },
    } });
    acknowledgeDeploymentHandler(this, bucket);
  }
}
