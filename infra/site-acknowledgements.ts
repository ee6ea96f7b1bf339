/** cdk-nag acknowledgements of the site stack, each with the reason it is accepted. */
import { Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';

export function acknowledgeLogBucket(logs: Bucket): void {
  // Logging the log bucket into itself would loop; it only receives AWS log deliveries.
  Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason:
    'This is the access-log bucket: it only receives S3 and CloudFront log deliveries and cannot log into itself.' });
}

export function acknowledgeDistribution(distribution: Distribution,
  opts: { defaultCertificate: boolean; iamCertificate: boolean; originAccessIdentity: boolean }): void {
  const ack = Validations.of(distribution);
  // The platform is public by purpose: relatives and donors abroad read the ledger and proposals too.
  ack.acknowledge({ id: 'AwsSolutions-CFR1', reason:
    'Public-participation site: residents, relatives abroad and donors anywhere may read it, so no country is blocked.' });
  // WAF costs more per month than this service's budget; the API is throttled and every write needs a token.
  ack.acknowledge({ id: 'AwsSolutions-CFR2', reason:
    'A WAF web ACL is billed monthly plus per request, beyond a volunteer-run service; the API stage is throttled (50 rps, burst 100) and writes require a Cognito token.' });
  if (opts.iamCertificate) {
    // cdk-nag reads the Distribution's own props; the IAM-store certificate is set on the resource beneath (site-stack.ts).
    ack.acknowledge({ id: 'AwsSolutions-CFR4', reason:
      'The viewer certificate comes from the IAM store (AWS China) and is set on the CfnDistribution with MinimumProtocolVersion TLSv1.2_2021 and sni-only, which the rule does not see.' });
  }
  if (opts.originAccessIdentity) {
    ack.acknowledge({ id: 'AwsSolutions-CFR7', reason:
      'AWS China offers no Origin Access Control: an origin access identity, named in both bucket policies, reads the buckets instead.' });
  }
  if (opts.defaultCertificate) {
    // The *.cloudfront.net certificate's TLS floor is fixed by CloudFront; a custom domain lifts it to TLS 1.2.
    ack.acknowledge({ id: 'AwsSolutions-CFR4', reason:
      'Served on the default *.cloudfront.net certificate, whose minimum TLS version CloudFront fixes; set context siteDomain and certificateArn to enforce TLSv1.2_2021.' });
  }
}

/** A pseudo parameter as cdk-nag prints it: concrete where the stack's env is known. */
const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);

/** The CDK assets bucket's objects as cdk-nag prints them. */
function cdkAssetsObjects(stack: Stack): string {
  return `arn:${shown(stack.partition, 'Partition')}:s3:::cdk-hnb659fds-assets-${shown(stack.account, 'AccountId')}-${shown(stack.region, 'Region')}/*`;
}

/** CDK's own BucketDeployment handler: one Lambda per stack that copies the built site into the bucket. */
export function acknowledgeDeploymentHandler(stack: Stack, siteBucket: IBucket): void {
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('BucketDeployment handler not found: create the deployments first');
  const ack = Validations.of(handler);
  // The site bucket as cdk-nag names it: by logical id in its own stack, by its output elsewhere.
  const own = siteBucket.node.defaultChild as CfnResource | undefined;
  const siteBucketArn = own
    ? `<${stack.getLogicalId(own)}.Arn>`
    : `arn:${shown(stack.partition, 'Partition')}:s3:::${JSON.stringify(stack.resolve(siteBucket.bucketName))}`;
  const copyReason = 'CDK BucketDeployment handler (deploy time only) copies the asset zip into the site bucket and prunes stale files: wildcards are CDK\'s grant, scoped to those two buckets.';
  // The handler needs only its log stream; the managed policy is what CDK attaches to it.
  ack.acknowledge({ id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'CDK BucketDeployment handler: the AWS managed policy only lets it write its own CloudWatch logs.' });
  // Object-level wildcards over the CDK asset bucket and the site bucket are how CDK copies and prunes.
  for (const finding of [
    'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*',
    `Resource::${cdkAssetsObjects(stack)}`,
    `Resource::${siteBucketArn}/*`,
  ]) ack.acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: copyReason });
  // CloudFront invalidations have no ARN before they exist; CDK grants Create/GetInvalidation on '*'.
  ack.acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason:
    'CDK BucketDeployment grants only cloudfront:CreateInvalidation and GetInvalidation on "*", to refresh the edge after a deploy.' });
  // The runtime of CDK's handler is chosen by aws-cdk-lib and moves forward with it.
  ack.acknowledge({ id: 'AwsSolutions-L1', reason:
    'CDK-managed BucketDeployment handler: its Python runtime is pinned by aws-cdk-lib and upgraded with it; it runs only during deploys.' });
}
