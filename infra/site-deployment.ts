/**
 * Publishes the built site: content-hashed assets first (cached for a year, never pruned, so pages
 * still open in a browser keep working), then the pages and `config.json` (revalidated on every
 * visit), then an invalidation so the edge serves the new pages at once.
 */
import { Duration } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';

export interface SiteConfig {
  readonly apiBase: string;
  readonly cognito: { readonly domain: string; readonly clientId: string; readonly region: string };
}

export interface DeploySiteProps {
  readonly bucket: IBucket;
  readonly distribution: Distribution;
  readonly siteAssetPath: string;
  readonly config: SiteConfig;
}

const immutableAssets = '_app/immutable/*';

export function deploySite(scope: Construct, props: DeploySiteProps): void {
  const assets = new BucketDeployment(scope, 'DeployAssets', {
    sources: [Source.asset(props.siteAssetPath)],
    destinationBucket: props.bucket,
    exclude: ['*'],
    include: [immutableAssets],
    prune: false,
    cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
  });
  const pages = new BucketDeployment(scope, 'DeployPages', {
    sources: [Source.asset(props.siteAssetPath), Source.jsonData('config.json', props.config)],
    destinationBucket: props.bucket,
    // Excluded files are also kept by prune, so the hashed assets above stay.
    exclude: [immutableAssets],
    cacheControl: [CacheControl.noCache()],
    distribution: props.distribution,
    distributionPaths: ['/*'],
  });
  pages.node.addDependency(assets);
}
