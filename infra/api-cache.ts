/**
 * CloudFront's cache policy for `/api/*`. It keeps only what the API marks with `s-maxage`
 * (functions/shared/http/edge-cache.ts: public reads by visitors and display screens): the default
 * and minimum TTL are 0, so an answer without it, or with `private`/`no-store`, is never kept.
 *
 * The Authorization header is in the cache key, which is also the only way CloudFront forwards it:
 * an origin request policy cannot (CloudFront refuses one that names it), so the managed
 * AllViewerExceptHostHeader policy alone left the JWT authorizer without the token. Keyed on it, a
 * signed-in request can never be answered from a visitor's entry or another person's; and the API
 * marks every answer to a request with a token `private, no-store`.
 */
import { Duration } from 'aws-cdk-lib';
import { CacheCookieBehavior, CacheHeaderBehavior, CachePolicy, CacheQueryStringBehavior } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

export const apiCachePolicy = (scope: Construct, id: string): CachePolicy => new CachePolicy(scope, id, {
  comment: 'Gongzhi API: caches only answers marked s-maxage; keyed on the query string and Authorization',
  defaultTtl: Duration.seconds(0),
  minTtl: Duration.seconds(0),
  // Only answers that never change are marked this long (edge-cache.ts: a ledger export through a length it has).
  maxTtl: Duration.days(365),
  headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
  queryStringBehavior: CacheQueryStringBehavior.all(),
  cookieBehavior: CacheCookieBehavior.none(),
  enableAcceptEncodingGzip: true,
  enableAcceptEncodingBrotli: true,
});
