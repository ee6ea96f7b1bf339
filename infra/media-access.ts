/**
 * Which context's Lambda signs photo uploads, and the least it needs for that: presigned PUTs are
 * only as good as the signer's own s3:PutObject, and attaching a photo checks it with HeadObject.
 */
import { Grant, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ContextName } from '../functions/routes.js';
import { acknowledgeWildcard } from './acknowledge.js';
import { photoObjects } from './media-bucket.js';

export const mediaContexts: readonly ContextName[] = ['proposals'];

/** S3 actions behind what shared/media/s3-store.ts sends (PutObject is presigned, HeadObject needs GetObject). */
export const mediaObjectActions = ['s3:PutObject', 's3:GetObject'] as const;

export function grantMedia(fn: LambdaFunction, bucket: IBucket): void {
  const role = fn.role!;
  fn.addEnvironment('MEDIA_BUCKET', bucket.bucketName);
  Grant.addToPrincipal({ grantee: role, actions: [...mediaObjectActions], resourceArns: [bucket.arnForObjects(photoObjects)] });
  // Without ListBucket S3 answers HeadObject of a photo never uploaded with 403, not 404.
  Grant.addToPrincipal({ grantee: role, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
  acknowledgeWildcard(role, bucket.arnForObjects(photoObjects),
    'Photo keys are new ids made per upload, so the grant names the media/proposals/ prefix of the media bucket, for PutObject (what upload links allow) and GetObject (HeadObject before attaching) only.');
}
