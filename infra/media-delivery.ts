/**
 * `/media/*` on the distribution: photos from the media bucket through Origin Access Control,
 * cached at the edge and in browsers for a year (keys are never reused: a new id per upload,
 * written once). A viewer-request function drops the `/media` prefix, since the keys have none.
 */
import { Annotations, type Stack } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, Function as CfFunction, FunctionCode, FunctionEventType, FunctionRuntime,
  ViewerProtocolPolicy, type BehaviorOptions, type IOriginAccessControl, type IResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';

export const mediaPathPattern = '/media/*';
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/** Source of the cloudfront-js-2.0 viewer-request function: `/media/<key>` to `/<key>`. */
export const mediaPathCode = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.replace(/^\\/media\\//, '/');
  return request;
}
`;

/** The upload links' origin: the virtual-hosted regional endpoint the S3 presigner uses. */
export const uploadOriginOf = (stack: Stack, bucketName: string): string =>
  `https://${bucketName}.s3.${stack.region}.${stack.urlSuffix}`;

export interface MediaBehaviorProps {
  readonly media: IBucket;
  readonly originAccessControl: IOriginAccessControl;
  readonly responseHeadersPolicy: IResponseHeadersPolicy;
}

export function mediaBehavior(stack: Stack, props: MediaBehaviorProps): BehaviorOptions {
  // Imported by name: handing CloudFront the data stack's Bucket would make that stack's bucket
  // policy name this distribution, a cycle. The data stack grants read to this account's distributions.
  const bucket = Bucket.fromBucketAttributes(stack, 'MediaBucket', {
    bucketName: props.media.bucketName,
    bucketRegionalDomainName: props.media.bucketRegionalDomainName,
  });
  Annotations.of(stack).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
    'The media bucket policy (data stack, media-bucket.ts) already lets this account\'s distributions read proposals/*.');
  return {
    origin: S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl: props.originAccessControl }),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
    cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    responseHeadersPolicy: props.responseHeadersPolicy,
    functionAssociations: [{
      eventType: FunctionEventType.VIEWER_REQUEST,
      function: new CfFunction(stack, 'MediaPath', {
        runtime: FunctionRuntime.JS_2_0,
        comment: 'Photos: /media/<key> to the bucket key',
        code: FunctionCode.fromInline(mediaPathCode),
      }),
    }],
  };
}
