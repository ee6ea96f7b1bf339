/**
 * Publishes the built site: content-hashed assets first (cached for a year, never pruned, so pages
 * still open in a browser keep working), then the pages (revalidated on every visit), then an
 * invalidation so the edge serves the new pages at once. `config.json` is the api stack's (it names
 * the identity provider, which deploys there): `deployConfig` writes it, and the pages' prune keeps it.
 */
import { Duration } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';

export interface DeploySiteProps {
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  readonly siteAssetPath: string;
}

const immutableAssets = '_app/immutable/*';
export const configFile = 'config.json';

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
    sources: [Source.asset(props.siteAssetPath)],
    destinationBucket: props.bucket,
    // Excluded files are also kept by prune, so the hashed assets above and config.json stay.
    exclude: [immutableAssets, configFile],
    cacheControl: [CacheControl.noCache()],
    distribution: props.distribution,
    distributionPaths: ['/*'],
  });
  pages.node.addDependency(assets);
}

/** What the pages learn at deploy time (web/src/lib/auth/site-config.ts reads it). */
export interface SiteConfig {
  readonly apiBase: string;
  readonly auth: object;
}

/** Writes `config.json` into the site bucket and refreshes it at the edge (from the api stack). */
export function deployConfig(scope: Construct, props: { bucket: IBucket; distribution: IDistribution; config: SiteConfig }): BucketDeployment {
  return new BucketDeployment(scope, 'DeployConfig', {
    sources: [Source.jsonData(configFile, props.config)],
    destinationBucket: props.bucket,
    prune: false,
    cacheControl: [CacheControl.noCache()],
    distribution: props.distribution,
    distributionPaths: [`/${configFile}`],
  });
}
