/**
 * The OpenAPI document, generated at synth from the route table and copied beside the community
 * Lambda's `index.mjs` (functions/community/openapi-file.ts serves it), so the function carries neither
 * the generator nor the other contexts' contracts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION } from '../functions/community/openapi-file.js';
import { openApiDocument } from '../functions/shared/http/openapi.js';

let written: string | undefined;

/** The path of this synth's `openapi.json` (written once per process). */
export function openApiFile(): string {
  if (written) return written;
  const file = join(mkdtempSync(join(tmpdir(), 'gongzhi-openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(API_VERSION)));
  return (written = file);
}
