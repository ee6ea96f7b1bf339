/**
 * The Lambda bundles replace the SDK's default credential chain with the environment's credentials
 * (infra/bundling.ts, functions/shared/db/lambda-credentials.ts). Built with the same settings as
 * the api stack: a client in the bundle signs with the role's keys from the environment, reads no
 * ~/.aws file, and carries none of the SSO, ini, web-identity or metadata-service providers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBundle } from '../../infra/bundling.js';
import { repoRoot } from '../../infra/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-creds-'));
const out = join(dir, 'probe.mjs');
let inputs: string[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const entry = join(dir, 'probe.ts');
  writeFileSync(entry, [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "const client = new DynamoDBClient({ region: 'ap-east-1' });",
    'try { const c = await client.config.credentials(); process.stdout.write(JSON.stringify({ key: c.accessKeyId, token: c.sessionToken ?? null })); }',
    'catch (e) { process.stdout.write(JSON.stringify({ error: e.name })); }',
  ].join('\n'));
  const result = await build({
    bundle: true, platform: 'node', format: 'esm', entryPoints: [entry], outfile: out, metafile: true, logLevel: 'warning',
    absWorkingDir: repoRoot, nodePaths: [join(repoRoot, 'node_modules')],
    target: lambdaBundle.target, mainFields: [...lambdaBundle.mainFields], banner: { js: lambdaBundle.banner }, alias: { ...lambdaBundle.alias },
  });
  inputs = Object.keys(result.metafile.inputs);
}, 60_000);

/** Runs the bundle with only these variables (and a home holding a credentials file it must not read). */
function probe(env: Record<string, string>): { key?: string; token?: string | null; error?: string } {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = file\n');
  return JSON.parse(execFileSync(process.execPath, [out], {
    env: { PATH: process.env.PATH!, HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true', ...env },
    encoding: 'utf8',
  })) as { key?: string; token?: string | null; error?: string };
}

describe('the Lambda bundle\'s credentials', () => {
  it('are the role\'s keys from the environment, session token included', () => {
    expect(probe({ AWS_ACCESS_KEY_ID: 'AKIDLAMBDAROLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' }))
      .toEqual({ key: 'AKIDLAMBDAROLE', token: 'token' });
  });

  it('never come from a ~/.aws file: without the environment\'s keys there are none', () => {
    expect(probe({})).toEqual({ error: 'CredentialsProviderError' });
  });

  it('leave the default chain and its STS/SSO clients out of the bundle', () => {
    expect(inputs.some((f) => f.includes('lambda-credentials.ts'))).toBe(true);
    const chain = inputs.filter((f) => /credential-provider-(node|ini|sso|web-identity|process|http|login)|nested-clients|credential-provider-imds/.test(f));
    expect(chain).toEqual([]);
  });
});
