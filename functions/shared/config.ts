/** Environment, parsed once at cold start; a bad value fails fast with a clear message. */
import * as z from 'zod/mini';
import { contexts, type ContextName } from '../route-def.js';
import { localTableName, tableDefs } from './db/tables.js';

const Env = z.object({
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-east-1'),
  /** Set locally (dynalite) and in tests; absent on AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info'),
  /** The photo bucket on AWS; without it photos go to the local store below. */
  MEDIA_BUCKET: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/))),
  /** Set by the local platform: the folder uploads are written to and the key that signs their links. */
  MEDIA_LOCAL_DIR: z.optional(z.string().check(z.minLength(1))),
  MEDIA_LOCAL_SECRET: z.optional(z.string().check(z.minLength(16))),
  ...Object.fromEntries(contexts.map((c) => [tableDefs[c].envVar, z._default(z.string().check(z.minLength(3)), localTableName(c))])),
});

export type Config = {
  region: string;
  dynamoEndpoint: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  tables: Record<ContextName, string>;
  media: { bucket: string | undefined; localDir: string | undefined; localSecret: string | undefined };
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
  };
}

let cached: Config | undefined;
/** The process's configuration, parsed on first use (cold start). */
export const config = (): Config => (cached ??= parseConfig(process.env));
