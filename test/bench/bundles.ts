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

export interface BundleRow { context: ContextName | 'floor' | 'notifier'; rawBytes: number; gzipBytes: number; coldImportMs: number }

function importOnce(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AWS_REGION: 'ap-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, encoding: 'utf8',
  }));
}

/**
 * The median import time of each file in fresh processes. The files take turns (floor, community, …,
 * floor, community, …), so a machine that slows down or speeds up mid-run moves every bundle alike and
 * the ratios to the floor stay fair.
 */
function coldImportsMs(files: string[], runs: number): number[] {
  const samples = files.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) files.forEach((f, i) => samples[i]!.push(importOnce(f)));
  return samples.map(median);
}

export async function benchBundles(outDir: string, runs = 9): Promise<BundleRow[]> {
  mkdirSync(outDir, { recursive: true });
  const rows: BundleRow[] = [];
  const entries: [BundleRow['context'], string][] = [
    ['floor', 'test/bench/floor-handler.ts'],
    ...(Object.keys(handlerModules) as ContextName[]).map((c): [ContextName, string] => [c, `functions/${c}/handler.ts`]),
    // The notifier Lambda (infra/notifier.ts): the only bundle carrying the SES and SMS clients.
    ['notifier', 'functions/notifications/notifier-handler.ts'],
  ];
  const files: string[] = [];
  for (const [context, entry] of entries) {
    const outfile = join(outDir, `${context}.mjs`);
    await build({ ...lambdaBuild, entryPoints: [entry], outfile, logLevel: 'warning' });
    const code = readFileSync(outfile);
    rows.push({ context, rawBytes: code.length, gzipBytes: gzipSync(code).length, coldImportMs: 0 });
    files.push(outfile);
  }
  coldImportsMs(files, runs).forEach((ms, i) => { rows[i]!.coldImportMs = ms; });
  return rows;
}

// `npx tsx test/bench/bundles.ts`: just this part of the bench (sizes and cold import).
if (process.argv[1]?.endsWith('bundles.ts')) {
  const { tmpdir } = await import('node:os');
  for (const r of await benchBundles(join(tmpdir(), 'gongzhi-bench-bundles'), Number(process.env.RUNS ?? 9))) {
    console.log(`${r.context.padEnd(12)} ${(r.rawBytes / 1024).toFixed(1).padStart(7)} KiB raw ${(r.gzipBytes / 1024).toFixed(1).padStart(6)} KiB gzip ${r.coldImportMs.toFixed(1).padStart(7)} ms`);
  }
}
