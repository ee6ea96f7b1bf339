/**
 * CloudFront as the AWS China regions offer it (README, "Deploying in mainland China"): no Origin
 * Access Control (an origin access identity reads the buckets instead), no CloudFront Functions, and
 * no cache or origin-request policies, which the CloudFront API there refuses (aws-cdk#13584): each
 * behaviour carries the older `ForwardedValues` and TTLs. CDK's Distribution always writes a cache
 * policy, so these settings replace it on the underlying resource. Without a function at the edge the
 * app paths reach their page through a 404 error response (the site bucket answers 404, not 403,
 * for a missing file, as the identity may list it). Response headers policies are left out too: they
 * are not documented there, and an unknown property would fail the whole deployment.
 */
import type { CfnDistribution, Distribution } from 'aws-cdk-lib/aws-cloudfront';

/** How one behaviour caches, in the form CloudFront China takes. */
export interface LegacyCache {
  /** Query strings in the cache key and forwarded (the API's lists and exports are keyed by them). */
  readonly queryString: boolean;
  /** Headers in the cache key and forwarded: the API's Authorization, so a signed-in answer is never shared. */
  readonly headers?: readonly string[];
  /** Seconds an answer without its own Cache-Control is kept; the origin's s-maxage/max-age wins within [0, max]. */
  readonly defaultTtl: number;
  readonly maxTtl: number;
}

/** `/api/*`: nothing kept unless the API says so (functions/shared/http/edge-cache.ts), Authorization in the key. */
export const chinaApiCache: LegacyCache = { queryString: true, headers: ['Authorization'], defaultTtl: 0, maxTtl: 365 * 86_400 };
/** Pages and hashed assets carry their own Cache-Control (site-deployment.ts); photos are immutable. */
export const chinaStaticCache: LegacyCache = { queryString: false, defaultTtl: 86_400, maxTtl: 365 * 86_400 };

const forwarded = (c: LegacyCache) => ({
  QueryString: c.queryString,
  Cookies: { Forward: 'none' },
  ...(c.headers && { Headers: [...c.headers] }),
});

/**
 * Replaces the cache and origin-request policies of the default behaviour and of each additional one
 * (in the order they were given to the Distribution) with `ForwardedValues` and TTLs.
 */
export function useLegacyCacheSettings(distribution: Distribution, settings: { readonly default: LegacyCache; readonly additional: readonly LegacyCache[] }): void {
  const cfn = distribution.node.defaultChild as CfnDistribution;
  const apply = (path: string, c: LegacyCache) => {
    cfn.addPropertyDeletionOverride(`${path}.CachePolicyId`);
    cfn.addPropertyDeletionOverride(`${path}.OriginRequestPolicyId`);
    cfn.addPropertyOverride(`${path}.ForwardedValues`, forwarded(c));
    cfn.addPropertyOverride(`${path}.MinTTL`, 0);
    cfn.addPropertyOverride(`${path}.DefaultTTL`, c.defaultTtl);
    cfn.addPropertyOverride(`${path}.MaxTTL`, c.maxTtl);
  };
  apply('DistributionConfig.DefaultCacheBehavior', settings.default);
  settings.additional.forEach((c, i) => apply(`DistributionConfig.CacheBehaviors.${i}`, c));
}
