/** Environment, parsed once at cold start; a bad value fails fast with a clear message. */
import * as z from 'zod/mini';
import { contexts, type ContextName } from '../route-def.js';
import { localTableName, tableDefs } from './db/tables.js';

const Env = z.object({
  /** Lambda sets it; no default, so nothing ever talks to a region it was not deployed in. */
  AWS_REGION: z.optional(z.string().check(z.regex(/^[a-z]{2}(?:-gov)?-[a-z]+-\d$/))),
  /** Set locally (dynalite) and in tests; absent on AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info'),
  /** The photo bucket on AWS; without it photos go to the local store below. */
  MEDIA_BUCKET: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/))),
  /** Set by the local platform: the folder uploads are written to and the key that signs their links. */
  MEDIA_LOCAL_DIR: z.optional(z.string().check(z.minLength(1))),
  MEDIA_LOCAL_SECRET: z.optional(z.string().check(z.minLength(16))),
  /**
   * How the notifier sends (issue #15): SMS through AWS End User Messaging SMS (`aws`), a domestic
   * provider behind an HTTPS webhook (`webhook`), the development outbox (`dev`) or not at all (`off`);
   * email through Amazon SES (`ses`), `dev` or `off`. Locally (a DYNAMODB_ENDPOINT) both default to `dev`.
   */
  NOTIFY_SMS: z.optional(z.enum(['aws', 'webhook', 'dev', 'off'])),
  NOTIFY_EMAIL: z.optional(z.enum(['ses', 'dev', 'off'])),
  /** SES: the verified sender, e.g. `Gongzhi <notify@example.org>`. */
  NOTIFY_EMAIL_FROM: z.optional(z.string().check(z.minLength(3))),
  /** End User Messaging SMS: the origination identity (phone number, sender id or pool ARN); optional. */
  NOTIFY_SMS_ORIGINATION: z.optional(z.string().check(z.minLength(1))),
  /** The webhook adapter: where `{to, text, id}` is POSTed, and the bearer token it is sent with. */
  NOTIFY_SMS_WEBHOOK_URL: z.optional(z.url()),
  NOTIFY_SMS_WEBHOOK_TOKEN: z.optional(z.string().check(z.minLength(16))),
  /**
   * The sign-in accounts a person's leaving removes (community/sign-in-accounts.ts): the Cognito pool
   * (`cognito`, with USER_POOL_ID), another OIDC provider's, which it keeps (`provider`), or none (`none`,
   * the local development sign-in). Unset: `cognito` with a pool, `none` locally, `provider` otherwise.
   */
  SIGN_IN_ACCOUNTS: z.optional(z.enum(['cognito', 'provider', 'none'])),
  USER_POOL_ID: z.optional(z.string().check(z.regex(/^[a-z]{2}(?:-gov)?-[a-z]+-\d_[0-9A-Za-z]+$/))),
  /** The site's address, for links in messages. */
  SITE_URL: z._default(z.url(), 'http://localhost:3000'),
  ...Object.fromEntries(contexts.map((c) => [tableDefs[c].envVar, z._default(z.string().check(z.minLength(3)), localTableName(c))])),
});

export type Config = {
  /** Unset only off AWS (the local engine needs none): `awsRegion` says so where one is needed. */
  region: string | undefined;
  dynamoEndpoint: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  tables: Record<ContextName, string>;
  media: { bucket: string | undefined; localDir: string | undefined; localSecret: string | undefined };
  notify: {
    sms: 'aws' | 'webhook' | 'dev' | 'off'; email: 'ses' | 'dev' | 'off'; emailFrom: string | undefined; smsOrigination: string | undefined;
    smsWebhook: { url: string; token: string | undefined } | undefined; siteUrl: string;
  };
  signIn: { accounts: 'cognito' | 'provider' | 'none'; userPoolId: string | undefined };
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data as Record<string, string> & z.infer<typeof Env>;
  return {
    region: e.AWS_REGION,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    logLevel: e.LOG_LEVEL,
    tables: Object.fromEntries(contexts.map((c) => [c, e[tableDefs[c].envVar]])) as Record<ContextName, string>,
    media: { bucket: e.MEDIA_BUCKET, localDir: e.MEDIA_LOCAL_DIR, localSecret: e.MEDIA_LOCAL_SECRET },
    notify: {
      sms: e.NOTIFY_SMS ?? (e.DYNAMODB_ENDPOINT ? 'dev' : 'off'), email: e.NOTIFY_EMAIL ?? (e.DYNAMODB_ENDPOINT ? 'dev' : 'off'),
      emailFrom: e.NOTIFY_EMAIL_FROM, smsOrigination: e.NOTIFY_SMS_ORIGINATION,
      smsWebhook: e.NOTIFY_SMS_WEBHOOK_URL ? { url: e.NOTIFY_SMS_WEBHOOK_URL, token: e.NOTIFY_SMS_WEBHOOK_TOKEN } : undefined,
      siteUrl: e.SITE_URL.replace(/\/$/, ''),
    },
    signIn: {
      accounts: e.SIGN_IN_ACCOUNTS ?? (e.USER_POOL_ID ? 'cognito' : e.DYNAMODB_ENDPOINT ? 'none' : 'provider'),
      userPoolId: e.USER_POOL_ID,
    },
  };
}

/** The region for an AWS client, or a clear error where none is set (never a guessed one). */
export function awsRegion(cfg: Config): string {
  if (!cfg.region) throw new Error('AWS_REGION is not set: Lambda sets it; for the admin CLI pass --aws --region R');
  return cfg.region;
}

let cached: Config | undefined;
/** The process's configuration, parsed on first use (cold start). */
export const config = (): Config => (cached ??= parseConfig(process.env));
