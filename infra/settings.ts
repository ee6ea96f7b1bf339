/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`):
 * - `siteDomain`: host the site is served from (a custom domain, or the CloudFront domain printed as
 *   the GongzhiSite `SiteDomain` output after the first deploy). Cognito only redirects back to it;
 *   until it is set, sign-in redirects to the local server (`http://localhost:3000`).
 * - `certificateArn`: ACM certificate (us-east-1) for `siteDomain` when it is a custom domain; CloudFront
 *   then serves it with TLS 1.2 as the minimum.
 * - `authDomainPrefix`: hosted sign-in prefix, globally unique per region (default `gongzhi-<account>`).
 * - `logLevel`: passed to every Lambda. (No default community: every request names its community.)
 * - `alarmEmail`: the operator's address, subscribed to the alarm topic (alarms and the budget). Without
 *   it the topic still exists and someone subscribes to it later (README, "Go live").
 * - `monthlyBudgetUsd`: the account's monthly cost budget in US dollars (default 10); its notices go to
 *   the alarm topic at 80 % actual and 100 % forecast spend.
 */
import { Aws } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface Settings {
  readonly customDomain: { readonly domainName: string; readonly certificateArn: string } | undefined;
  readonly siteOrigins: readonly string[];
  readonly authDomainPrefix: string;
  readonly logLevel: string;
  readonly alarmEmail: string | undefined;
  readonly monthlyBudgetUsd: number;
}

export const defaultMonthlyBudgetUsd = 10;

export const localOrigin = 'http://localhost:3000';

function optional(scope: Construct, key: string, pattern: RegExp): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new Error(`context '${key}' must match ${pattern}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A positive amount of dollars, from cdk.json (a number) or `-c` (a string); at most two decimals. */
function amount(scope: Construct, key: string, fallback: number): number {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === '') return fallback;
  const text = String(value);
  if ((typeof value !== 'number' && typeof value !== 'string') || !/^\d{1,7}(?:\.\d{1,2})?$/.test(text) || Number(text) <= 0) {
    throw new Error(`context '${key}' must be a positive amount such as 10 or 25.50, got ${JSON.stringify(value)}`);
  }
  return Number(text);
}

export function readSettings(scope: Construct): Settings {
  const siteDomain = optional(scope, 'siteDomain', /^[a-z0-9.-]+\.[a-z]{2,}$/);
  const certificateArn = optional(scope, 'certificateArn', /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/);
  if (certificateArn && !siteDomain) throw new Error("context 'certificateArn' needs 'siteDomain', the name it certifies");
  return {
    customDomain: certificateArn && siteDomain ? { domainName: siteDomain, certificateArn } : undefined,
    siteOrigins: siteDomain ? [`https://${siteDomain}`] : [localOrigin],
    authDomainPrefix: optional(scope, 'authDomainPrefix', /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)
      ?? `gongzhi-${Aws.ACCOUNT_ID}`,
    logLevel: optional(scope, 'logLevel', /^(debug|info|warn|error)$/) ?? 'info',
    alarmEmail: optional(scope, 'alarmEmail', /^[^\s@]+@[^\s@]+\.[^\s@]+$/),
    monthlyBudgetUsd: amount(scope, 'monthlyBudgetUsd', defaultMonthlyBudgetUsd),
  };
}
