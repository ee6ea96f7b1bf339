import * as z from 'zod/mini';
import { lazy } from './lazy.js';

export const Health = lazy(() => z.object({ ok: z.literal(true) }));
/** The OpenAPI document is JSON Schema all the way down; its own shape is not re-validated. */
export const OpenApiDocument = lazy(() => z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
}));
