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
 * - Notifications (README, "Notifications on AWS"); every channel is off unless set:
 *   - `notifyEmailFrom`: the SES sender, `notify@example.org` or `Gongzhi <notify@example.org>`; setting it
 *     turns email on, and the notifier may send as that address (or its domain) only.
 *   - `notifySms`: `aws` (End User Messaging SMS), `webhook` (a provider behind your HTTPS endpoint) or `off`.
 *   - `notifySmsOrigination`: with `aws`, the origination identity (phone number, sender id, or its ARN).
 *   - `notifySmsWebhookUrl`: with `webhook`, the https:// endpoint messages are POSTed to.
 *   - `notifySmsWebhookTokenSecret`: with `webhook`, the name or ARN of a Secrets Manager secret holding
 *     the bearer token (its SecretString, at least 16 characters); CloudFormation resolves it at deploy.
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
  readonly notify: NotifySettings;
}

export interface NotifySettings {
  /** Set: email goes through Amazon SES from this sender. */
  readonly emailFrom: string | undefined;
  readonly sms: 'aws' | 'webhook' | 'off';
  readonly smsOrigination: string | undefined;
  /** Both set exactly when `sms` is `webhook`. */
  readonly smsWebhook: { readonly url: string; readonly tokenSecret: string } | undefined;
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

/** An address, or a display name and an address in angle brackets. */
const emailFromPattern = /^(?:[^<>@\s][^<>@]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** The address part of a sender (`Gongzhi <notify@example.org>` is `notify@example.org`). */
export const senderAddress = (from: string): string => /<([^>]+)>$/.exec(from)?.[1] ?? from;

function readNotify(scope: Construct): NotifySettings {
  const sms = (optional(scope, 'notifySms', /^(aws|webhook|off)$/) ?? 'off') as NotifySettings['sms'];
  const smsOrigination = optional(scope, 'notifySmsOrigination', /^(?:\+\d{6,15}|[A-Za-z][\w-]{0,63}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:[a-z-]+\/[\w-]+)$/);
  const url = optional(scope, 'notifySmsWebhookUrl', /^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/);
  const tokenSecret = optional(scope, 'notifySmsWebhookTokenSecret', /^(?:arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[\w/+=.@-]{1,512}$/);
  if (smsOrigination && sms !== 'aws') throw new Error("context 'notifySmsOrigination' needs 'notifySms' set to 'aws'");
  if ((url || tokenSecret) && sms !== 'webhook') {
    throw new Error("context 'notifySmsWebhookUrl' and 'notifySmsWebhookTokenSecret' need 'notifySms' set to 'webhook'");
  }
  if (sms === 'webhook' && !(url && tokenSecret)) {
    throw new Error("context 'notifySms' = 'webhook' needs 'notifySmsWebhookUrl' and 'notifySmsWebhookTokenSecret'");
  }
  return {
    emailFrom: optional(scope, 'notifyEmailFrom', emailFromPattern),
    sms, smsOrigination, smsWebhook: url && tokenSecret ? { url, tokenSecret } : undefined,
  };
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
    notify: readNotify(scope),
  };
}
