/**
 * `/media/*` on the distribution: photos from the media bucket through Origin Access Control,
 * cached at the edge and in browsers for a year (keys are never reused: a new id per upload,
 * written once). The objects sit under `media/` in the bucket, so the path needs no rewriting.
 */
import { Annotations, type Stack } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, ViewerProtocolPolicy, type BehaviorOptions, type IOriginAccessControl, type IOriginAccessIdentity,
  type IResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';

export const mediaPathPattern = '/media/*';
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/** The upload links' origin: the virtual-hosted regional endpoint the S3 presigner uses. */
export const uploadOriginOf = (stack: Stack, bucketName: string): string =>
  `https://${bucketName}.s3.${stack.region}.${stack.urlSuffix}`;

export interface MediaBehaviorProps {
  readonly media: IBucket;
  /** How CloudFront reads the bucket: Origin Access Control, or in AWS China an origin access identity. */
  readonly access: { readonly originAccessControl: IOriginAccessControl } | { readonly originAccessIdentity: IOriginAccessIdentity };
  /** None in AWS China (china-edge.ts). */
  readonly responseHeadersPolicy: IResponseHeadersPolicy | undefined;
}

export function mediaBehavior(stack: Stack, props: MediaBehaviorProps): BehaviorOptions {
  // Imported by name: handing CloudFront the data stack's Bucket would make that stack's bucket
  // policy name this distribution, a cycle. The data stack grants read to this account's distributions.
  const bucket = Bucket.fromBucketAttributes(stack, 'MediaBucket', {
    bucketName: props.media.bucketName,
    bucketRegionalDomainName: props.media.bucketRegionalDomainName,
  });
  if ('originAccessControl' in props.access) {
    Annotations.of(stack).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The media bucket policy (data stack, media-bucket.ts) already lets this account\'s distributions read media/proposals/*.');
  } else {
    Annotations.of(stack).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOai',
      'The media bucket policy (data stack, media-bucket.ts) already lets its own origin access identity read media/proposals/*.');
  }
  return {
    origin: 'originAccessControl' in props.access
      ? S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl: props.access.originAccessControl })
      : S3BucketOrigin.withOriginAccessIdentity(bucket, { originAccessIdentity: props.access.originAccessIdentity }),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
    cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    ...(props.responseHeadersPolicy && { responseHeadersPolicy: props.responseHeadersPolicy }),
  };
}
