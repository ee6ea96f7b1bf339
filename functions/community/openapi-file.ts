/**
 * `GET /api/openapi.json` on AWS serves a file written when the Lambda is bundled (infra/openapi-file.ts
 * puts `openapi.json` beside `index.mjs`): the generator, every other context's contracts and zod's
 * JSON-schema code stay out of the community Lambda. From the sources (`npm start`, tests) there is no
 * such file, and the document is generated on first request from the same route table.
 */
import { readFile } from 'node:fs/promises';
import type * as z from 'zod/mini';
import type { OpenApiDocument } from '../contracts/health.js';

type Document = z.output<typeof OpenApiDocument>;

export const API_VERSION = '0.1.0';
/** Kept in a variable so that esbuild leaves the generator out of the bundle. */
const generator = '../shared/http/openapi.js';

let served: Promise<Document> | undefined;

async function load(): Promise<Document> {
  try {
    return JSON.parse(await readFile(new URL('./openapi.json', import.meta.url), 'utf8')) as Document;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const { openApiDocument } = (await import(/* @vite-ignore */ generator)) as typeof import('../shared/http/openapi.js');
    return openApiDocument(API_VERSION);
  }
}

export const servedOpenApiDocument = (): Promise<Document> => (served ??= load());
