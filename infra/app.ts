/**
 * CDK entry (`cdk.json`: `npx tsx infra/app.ts`). The site stack publishes web/build, so the web
 * app is built first when it is missing. Settings come from CDK context: see settings.ts.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { composeApp } from './compose.js';
import { repoRoot, webBuildDir } from './paths.js';

function fail(message: string): never {
  console.error(`infra/app.ts: ${message}`);
  process.exit(1);
}

function ensureWebBuild(): void {
  const index = join(webBuildDir, 'index.html');
  if (existsSync(index)) return;
  console.error('web/build/index.html is missing: running `npm run build:web` first');
  try {
    // The build's output goes to stderr so `cdk synth` keeps stdout for the template.
    execSync('npm run build:web', { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  } catch {
    fail('`npm run build:web` failed (see its output above), so the site stack cannot be synthesized.');
  }
  if (!existsSync(index)) fail(`\`npm run build:web\` succeeded but ${index} is still missing.`);
}

ensureWebBuild();
const app = new App();
// Environment-agnostic: the same template deploys to whichever account and region the credentials
// name, and the CLI's guessed default region (us-east-1 without AWS config) is never baked in.
composeApp(app, { siteAssetPath: webBuildDir });
app.synth();
