/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`):
 * - `region` (and optionally `account`): where to deploy. Unset, the stacks are environment-agnostic and
 *   go wherever the credentials point. A China region (`cn-north-1`, `cn-northwest-1`) switches to the
 *   `aws-cn` partition and to what those regions offer (README, "Deploying in mainland China").
 * - `siteDomain`: a custom host for the site, with `certificateArn` (an ACM certificate in us-east-1)
 *   or, in China, `iamCertificateId` (a server certificate in the IAM store, which is what CloudFront
 *   there takes). Unset, the site is served on its CloudFront domain. Either way sign-in returns to the
 *   site's own domain: the api stack deploys after the site stack and reads it (one `cdk deploy --all`).
 * - The identity provider. Cognito by default (`authDomainPrefix`: the hosted sign-in prefix, globally
 *   unique per region, default `gongzhi-<account>`; `authEmailFrom`: the SES sender of its one-time
 *   codes, default `notifyEmailFrom`; `sesIdentity`: `domain` (default) or `address`, whichever SES has
 *   verified). Or any OpenID Connect provider: `oidcIssuer` (https, its tokens' `iss`),
 *   `oidcClientId` (the site's public client) and `oidcAudience` (the tokens' `aud`, what the API's JWT
 *   authorizer accepts; default the client id, so the pages send the ID token), with `oidcScopes` (default `openid profile`) and, when the provider publishes no
 *   discovery document the browser may read, `oidcAuthorizeUrl`, `oidcTokenUrl` and `oidcLogoutUrl`.
 *   Setting `oidcIssuer` removes Cognito entirely.
 * - `logLevel`: passed to every Lambda. (No default community: every request names its community.)
 * - `alarmEmail`: the operator's address, subscribed to the alarm topic (alarms and the budget). Without
 *   it the topic still exists and someone subscribes to it later (README, "Go live").
 * - `monthlyBudgetUsd` (`monthlyBudgetCny` in China, default 70): the account's monthly cost budget in US dollars (default 10); its notices go to
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
  /** `region`/`account` from context; undefined leaves the stacks environment-agnostic. */
  readonly env: { readonly region?: string; readonly account?: string } | undefined;
  /** Deploying to an AWS China region (the `aws-cn` partition). */
  readonly china: boolean;
  readonly customDomain: CustomDomain | undefined;
  readonly identity: IdentitySettings;
  readonly logLevel: string;
  readonly alarmEmail: string | undefined;
  readonly monthlyBudgetUsd: number;
  /** The budget as the account is billed: US dollars, or yuan in the AWS China regions (`monthlyBudgetCny`). */
  readonly monthlyBudget: { readonly amount: number; readonly unit: 'USD' | 'CNY' };
  readonly notify: NotifySettings;
}

export interface CustomDomain {
  readonly domainName: string;
  /** ACM (us-east-1), or a certificate in the IAM store (AWS China, where CloudFront cannot use ACM). */
  readonly certificate: { readonly acmArn: string } | { readonly iamCertificateId: string };
}

export type IdentitySettings =
  | {
    readonly kind: 'cognito';
    readonly domainPrefix: string;
    /** SES sender of the one-time codes; without it Cognito cannot send email codes (SMS codes only). */
    readonly emailFrom: string | undefined;
    /** Which SES identity is verified: the sender's domain (default) or only its address. */
    readonly sesIdentity: 'domain' | 'address' | undefined;
  }
  | {
    readonly kind: 'oidc';
    readonly issuer: string;
    readonly audience: string;
    readonly clientId: string;
    readonly scope: string;
    readonly authorizationEndpoint: string | undefined;
    readonly tokenEndpoint: string | undefined;
    readonly endSessionEndpoint: string | undefined;
  };

export interface NotifySettings {
  /** Set: email goes through Amazon SES from this sender. */
  readonly emailFrom: string | undefined;
  readonly sms: 'aws' | 'webhook' | 'off';
  readonly smsOrigination: string | undefined;
  /** Both set exactly when `sms` is `webhook`. */
  readonly smsWebhook: { readonly url: string; readonly tokenSecret: string } | undefined;
}

export const defaultMonthlyBudgetUsd = 10;
/** The same order of money in the currency AWS China bills in. */
export const defaultMonthlyBudgetCny = 70;

/** The AWS China regions: the `aws-cn` partition, no Cognito user pools, SES or End User Messaging SMS. */
export const chinaRegions = ['cn-north-1', 'cn-northwest-1'] as const;

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

const httpsUrl = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d{1,5})?(?:\/[^\s?#]*)?$/i;

function readIdentity(scope: Construct, notifyEmailFrom: string | undefined): IdentitySettings {
  const issuer = optional(scope, 'oidcIssuer', httpsUrl);
  const audience = optional(scope, 'oidcAudience', /^[\x21-\x7e]{1,256}$/);
  const clientId = optional(scope, 'oidcClientId', /^[\x21-\x7e]{1,256}$/);
  const endpoints = {
    authorizationEndpoint: optional(scope, 'oidcAuthorizeUrl', httpsUrl),
    tokenEndpoint: optional(scope, 'oidcTokenUrl', httpsUrl),
    endSessionEndpoint: optional(scope, 'oidcLogoutUrl', httpsUrl),
  };
  const scopes = optional(scope, 'oidcScopes', /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/);
  const oidcOnly = { ...endpoints, oidcScopes: scopes };
  if (issuer || audience || clientId) {
    if (!issuer) throw new Error("context 'oidcAudience' and 'oidcClientId' need 'oidcIssuer', the provider that issues the tokens");
    if (!clientId) throw new Error("context 'oidcIssuer' needs 'oidcClientId': the site's public client at that provider");
    for (const key of ['authDomainPrefix', 'authEmailFrom', 'sesIdentity']) {
      if (scope.node.tryGetContext(key) !== undefined) throw new Error(`context '${key}' configures Cognito, which 'oidcIssuer' replaces`);
    }
    const scopeList = scopes ?? 'openid profile';
    if (!scopeList.split(' ').includes('openid')) throw new Error("context 'oidcScopes' must include 'openid'");
    // Without its own audience the API accepts the ID tokens issued to the site's client.
    return { kind: 'oidc', issuer: issuer.replace(/\/$/, ''), audience: audience ?? clientId, clientId, scope: scopeList, ...endpoints };
  }
  const stray = Object.entries(oidcOnly).find(([, v]) => v !== undefined);
  if (stray) throw new Error(`context '${stray[0] === 'oidcScopes' ? 'oidcScopes' : ({ authorizationEndpoint: 'oidcAuthorizeUrl', tokenEndpoint: 'oidcTokenUrl', endSessionEndpoint: 'oidcLogoutUrl' } as Record<string, string>)[stray[0]]}' needs 'oidcIssuer'`);
  const emailFrom = optional(scope, 'authEmailFrom', emailFromPattern) ?? notifyEmailFrom;
  const sesIdentity = optional(scope, 'sesIdentity', /^(domain|address)$/) as 'domain' | 'address' | undefined;
  if (sesIdentity && !emailFrom) throw new Error("context 'sesIdentity' needs a sender: 'authEmailFrom' or 'notifyEmailFrom'");
  return {
    kind: 'cognito',
    domainPrefix: optional(scope, 'authDomainPrefix', /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/) ?? `gongzhi-${Aws.ACCOUNT_ID}`,
    emailFrom, sesIdentity,
  };
}

function readCustomDomain(scope: Construct): CustomDomain | undefined {
  const siteDomain = optional(scope, 'siteDomain', /^[a-z0-9.-]+\.[a-z]{2,}$/);
  const acmArn = optional(scope, 'certificateArn', /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/);
  const iamCertificateId = optional(scope, 'iamCertificateId', /^[A-Z0-9]{16,128}$/);
  if (acmArn && iamCertificateId) throw new Error("context 'certificateArn' and 'iamCertificateId' are two ways to certify one domain: set one");
  const certificate = acmArn ? { acmArn } : iamCertificateId ? { iamCertificateId } : undefined;
  if (certificate && !siteDomain) throw new Error(`context '${acmArn ? 'certificateArn' : 'iamCertificateId'}' needs 'siteDomain', the name it certifies`);
  if (siteDomain && !certificate) {
    throw new Error("context 'siteDomain' needs its certificate: 'certificateArn' (ACM, us-east-1) or, in China, 'iamCertificateId'");
  }
  return siteDomain && certificate ? { domainName: siteDomain, certificate } : undefined;
}

function readEnv(scope: Construct): Settings['env'] {
  const region = optional(scope, 'region', /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/);
  const account = optional(scope, 'account', /^\d{12}$/);
  if (account && !region) throw new Error("context 'account' needs 'region'");
  return region ? { region, ...(account && { account }) } : undefined;
}

/** What the China regions lack, refused at synthesis rather than at deploy (README, "Deploying in mainland China"). */
function checkChina(settings: Settings): void {
  const problems: string[] = [];
  if (settings.identity.kind === 'cognito') problems.push("Cognito user pools are not offered there: set 'oidcIssuer', 'oidcAudience' and 'oidcClientId'");
  if (!settings.customDomain) problems.push("the CloudFront domain cannot serve content there: set 'siteDomain' (ICP-filed) and 'iamCertificateId'");
  else if ('acmArn' in settings.customDomain.certificate) problems.push("CloudFront there takes a certificate from the IAM store: use 'iamCertificateId', not 'certificateArn'");
  if (settings.notify.emailFrom) problems.push("Amazon SES is not offered there: leave 'notifyEmailFrom' unset");
  if (settings.notify.sms === 'aws') problems.push("AWS End User Messaging SMS is not offered there: use 'notifySms=webhook' with a domestic provider");
  if (problems.length > 0) throw new Error(`region ${settings.env?.region}: ${problems.join('; ')}`);
}

/** `env`, when given (the tests, or an app that pins one), replaces the `region`/`account` settings. */
export function readSettings(scope: Construct, envOverride?: Settings['env']): Settings {
  const env = envOverride ?? readEnv(scope);
  const notify = readNotify(scope);
  const settings: Settings = {
    env,
    china: (chinaRegions as readonly string[]).includes(env?.region ?? ''),
    customDomain: readCustomDomain(scope),
    identity: readIdentity(scope, notify.emailFrom),
    logLevel: optional(scope, 'logLevel', /^(debug|info|warn|error)$/) ?? 'info',
    alarmEmail: optional(scope, 'alarmEmail', /^[^\s@]+@[^\s@]+\.[^\s@]+$/),
    monthlyBudgetUsd: amount(scope, 'monthlyBudgetUsd', defaultMonthlyBudgetUsd),
    monthlyBudget: { amount: 0, unit: 'USD' },
    notify,
  };
  const china = settings.china;
  const [key, other] = china ? ['monthlyBudgetCny', 'monthlyBudgetUsd'] : ['monthlyBudgetUsd', 'monthlyBudgetCny'];
  if (scope.node.tryGetContext(other) !== undefined) {
    throw new Error(`context '${other}' does not apply in ${env?.region ?? 'this region'}: the account is billed in ${china ? 'yuan' : 'US dollars'}, set '${key}'`);
  }
  const budget = china
    ? { amount: amount(scope, 'monthlyBudgetCny', defaultMonthlyBudgetCny), unit: 'CNY' as const }
    : { amount: settings.monthlyBudgetUsd, unit: 'USD' as const };
  if (china) checkChina(settings);
  return { ...settings, monthlyBudget: budget };
}
