/**
 * The Lambda bundles replace `node:stream/web` (loaded by @middy/core for streamed responses only)
 * with a lazy `instanceof` check (infra/bundling.ts, functions/shared/http/lambda-stream-web.ts):
 * the check answers as the real class does, a bundled handler loads no web streams and still
 * answers, and importing anything else from the module fails the build rather than the Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadableStream as RealReadableStream } from 'node:stream/web';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadableStream } from '../../functions/shared/http/lambda-stream-web.js';
import { lambdaBundle } from '../../infra/bundling.js';
import { repoRoot } from '../../infra/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-stream-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundle = (entry: string, outfile: string) => build({
  bundle: true, platform: 'node', format: 'esm', entryPoints: [entry], outfile, logLevel: 'silent', absWorkingDir: repoRoot,
  target: lambdaBundle.target, mainFields: [...lambdaBundle.mainFields], banner: { js: lambdaBundle.banner }, alias: { ...lambdaBundle.alias },
});

describe('node:stream/web in the Lambda bundles', () => {
  it('answers instanceof as the real ReadableStream does', () => {
    expect(new RealReadableStream() instanceof ReadableStream).toBe(true);
    expect(new globalThis.ReadableStream() instanceof ReadableStream).toBe(true);
    for (const other of [{}, null, 'text', new Uint8Array(1)]) expect(other instanceof ReadableStream).toBe(false);
  });

  it('is left out of a bundled handler, which loads no web streams and still answers', async () => {
    const out = join(dir, 'health.mjs');
    await bundle(join(repoRoot, 'functions/community/handler.ts'), out);
    expect(readFileSync(out, 'utf8')).not.toMatch(/["']node:stream\/web["']/);
    const event = { version: '2.0', routeKey: '$default', rawPath: '/api/health', rawQueryString: '', headers: {}, requestContext: { http: { method: 'GET', path: '/api/health' }, requestId: 'r1' }, isBase64Encoded: false };
    const script = `const { handler } = await import(${JSON.stringify(out)});
      const res = await handler(${JSON.stringify(event)}, { awsRequestId: 'a', functionName: 'f', invokedFunctionArn: 'arn', memoryLimitInMB: '512', getRemainingTimeInMillis: () => 3000 });
      const loaded = process.moduleLoadList.filter((m) => ['readablestream', 'writablestream', 'transformstream', 'compression', 'adapters'].some((w) => m.endsWith('webstreams/' + w)));
      process.stdout.write(JSON.stringify({ status: res.statusCode, loaded }));`;
    const got = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH!, AWS_REGION: 'ap-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'warn', POWERTOOLS_METRICS_DISABLED: 'true', ...tablesEnv() },
      encoding: 'utf8',
    })) as { status: number; loaded: string[] };
    expect(got).toEqual({ status: 200, loaded: [] });
  }, 60_000);

  it('fails the build, not the Lambda, when code imports anything else from it', async () => {
    const entry = join(dir, 'other.ts');
    writeFileSync(entry, "import { TransformStream } from 'node:stream/web'; console.log(TransformStream);");
    await expect(bundle(entry, join(dir, 'other.mjs'))).rejects.toThrow(/TransformStream/);
  });
});

/** The table names a deployed function gets from its environment (health reads no table). */
function tablesEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('TABLE_') || k.endsWith('_TABLE')).map(([k, v]) => [k, v!]));
}
