/**
 * Proposal photos: a private bucket the browser PUTs to through links the proposals Lambda signs,
 * read back only by CloudFront (`/media/*`, Origin Access Control). It lives in the data stack
 * because both later stacks need it: the api stack to sign uploads, the site stack to serve them.
 */
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { OriginAccessIdentity } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { mediaObjectPrefix } from '../functions/shared/media/media-store.js';

/** Every photo key starts here (functions/proposals/request-photo-upload.ts, photoKey). */
export const mediaKeyPrefix = 'proposals/';
/** Where those photos' objects are: under `media/` (functions/shared/media/s3-store.ts), as the site shows them. */
export const photoObjects = `${mediaObjectPrefix}${mediaKeyPrefix}*`;
/** Headers a browser upload sends: the two signed ones it sets (Content-Length it sets by itself). */
export const uploadHeaders = ['content-type', 'content-length', 'if-none-match'] as const;

export interface MediaBucketProps {
  /** Origins (`https://host`) whose pages upload photos. */
  readonly siteOrigins: readonly string[];
  /** Let CloudFront read through an origin access identity, not Origin Access Control (AWS China has none). */
  readonly originAccessIdentity: boolean;
}

export class MediaBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /** Made only with `originAccessIdentity`: the site stack reads both buckets with it. */
  readonly edgeReader: OriginAccessIdentity | undefined;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    // Its own log bucket: the site stack's one would make the data stack depend on the site stack.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(this.accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason:
      'This is the media bucket\'s access-log bucket: it only receives S3 server access logs and cannot log into itself.' });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 's3-media/',
      // Before/after photos are part of a proposal's public record.
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [{
        allowedMethods: [HttpMethods.PUT],
        allowedOrigins: [...props.siteOrigins],
        allowedHeaders: [...uploadHeaders],
        exposedHeaders: ['etag'],
        maxAge: 3600,
      }],
    });
    if (props.originAccessIdentity) {
      // Made here, before the distribution, so this bucket's own policy can name it.
      const reader = this.edgeReader = new OriginAccessIdentity(this, 'EdgeReader', { comment: 'Gongzhi: CloudFront reads the site and the photos' });
      this.bucket.addToResourcePolicy(new PolicyStatement({
        principals: [reader.grantPrincipal], actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(photoObjects)],
      }));
      return;
    }
    this.edgeReader = undefined;
    // CloudFront reads photos with OAC. The distribution is in the site stack, which deploys after
    // this one, so its id cannot be named here: any distribution of this account may read photos,
    // which are public on the site anyway, and nothing outside `media/proposals/`.
    this.bucket.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [this.bucket.arnForObjects(photoObjects)],
      conditions: {
        StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
      },
    }));
  }
}
