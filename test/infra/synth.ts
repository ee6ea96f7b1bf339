/**
 * Builds the whole CDK app in-process, the way `cdk synth` does (same cdk.json context, same
 * cdk-nag plugin), against a small temporary site so the tests need no web build.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, type Environment } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { composeApp } from '../../infra/compose.js';
import { repoRoot } from '../../infra/paths.js';

/** A built site in miniature: prerendered pages, the SPA fallback and a hashed asset. */
export function makeSite(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-site-'));
  const all = {
    'index.html': '<!doctype html><title>home</title>',
    '200.html': '<!doctype html><title>app</title>',
    'proposals.html': '<!doctype html><title>proposals</title>',
    'about/index.html': '<!doctype html><title>about</title>',
    '_app/immutable/entry/start.abc123.js': 'export {};',
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface SynthOptions {
  /** Extra CDK context (`-c key=value`). */
  readonly context?: Record<string, unknown>;
  /** Bundle the Lambdas with esbuild (slower); off skips asset bundling entirely. */
  readonly bundle?: boolean;
  /** Also run CDK's built-in CloudFormation schema validation (about 10 s); cdk-nag always runs. */
  readonly validateCloudFormation?: boolean;
  /** A concrete account/region instead of the environment-agnostic default. */
  readonly env?: Environment;
}

export function synthGongzhi(options: SynthOptions = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'gongzhi-cdk-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: options.validateCloudFormation ?? false,
    context: {
      ...cdkJsonContext(),
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const stacks = composeApp(app, { siteAssetPath: makeSite(), env: options.env });
  const assembly: CloudAssembly = app.synth();
  return { app, assembly, ...stacks };
}

/** A CloudFormation resource as the tests read it. */
export type Resource = { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string };
export const resources = (template: Template, type: string): Record<string, Resource> =>
  template.findResources(type) as Record<string, Resource>;
export const only = (template: Template, type: string): Resource => {
  const all = Object.values(resources(template, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
};
