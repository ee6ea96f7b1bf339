/** Bundle size per Lambda (as the api stack builds it) and cold import time over fresh processes. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { lambdaBundle } from '../../infra/bundling.js';
import { handlerModules } from '../../functions/local/handlers.js';
import type { ContextName } from '../../functions/routes.js';
import { median } from './stats.js';

/** The api stack's bundling (ESM, SDK inside), without the source map that is not loaded at import. */
const lambdaBuild: BuildOptions = {
  bundle: true, platform: 'node', format: 'esm', external: [], sourcemap: false,
  target: lambdaBundle.target, minify: lambdaBundle.minify, mainFields: [...lambdaBundle.mainFields], banner: { js: lambdaBundle.banner },
  alias: { ...lambdaBundle.alias },
};

export interface BundleRow { context: ContextName; rawBytes: number; gzipBytes: number; coldImportMs: number }

function coldImportMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const samples = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AWS_REGION: 'ap-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, encoding: 'utf8',
  })));
  return median(samples);
}

export async function benchBundles(outDir: string, runs = 9): Promise<BundleRow[]> {
  mkdirSync(outDir, { recursive: true });
  const rows: BundleRow[] = [];
  for (const context of Object.keys(handlerModules) as ContextName[]) {
    const outfile = join(outDir, `${context}.mjs`);
    await build({ ...lambdaBuild, entryPoints: [`functions/${context}/handler.ts`], outfile, logLevel: 'warning' });
    const code = readFileSync(outfile);
    rows.push({ context, rawBytes: code.length, gzipBytes: gzipSync(code).length, coldImportMs: coldImportMs(outfile, runs) });
  }
  return rows;
}
