/** Every row of the route table has exactly one implementation, and every implementation a row. */
import { describe, expect, it } from 'vitest';
import { handlerModules } from '../../functions/local/handlers.js';
import { contexts, routeKey, routes } from '../../functions/routes.js';
import { openApiDocument } from '../../functions/shared/http/openapi.js';

describe('functions/routes.ts', () => {
  it('has unique ids and unique method+path keys', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  });

  it.each(contexts)('context %s implements exactly its rows', async (context) => {
    const rows = routes.filter((r) => r.context === context).map((r) => r.id).sort();
    const load = handlerModules[context];
    if (rows.length === 0) {
      expect(load).toBeUndefined();
      return;
    }
    expect(load, `functions/local/handlers.ts has no entry for ${context}`).toBeDefined();
    const mod = await load!();
    expect(Object.keys(mod.impls).sort()).toEqual(rows);
    expect(typeof mod.handler).toBe('function');
  });

  it('keeps the local-only dev routes out of the table (and so out of AWS)', () => {
    expect(routes.filter((r) => r.path.includes('/dev/'))).toEqual([]);
  });

  it('path parameters in each path are exactly those its params schema names', () => {
    for (const r of routes) {
      const inPath = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const inSchema = 'params' in r && r.params ? Object.keys((r.params as unknown as { shape: object }).shape).sort() : [];
      expect(inSchema, r.id).toEqual(inPath);
    }
  });

  it('describes every route in the OpenAPI 3.1 document, with bodies, parameters and security', () => {
    const doc = openApiDocument('test');
    expect(doc.openapi).toBe('3.1.0');
    for (const r of routes) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()] as Record<string, any> | undefined;
      expect(op?.operationId, routeKey(r)).toBe(r.id);
      expect(Object.keys(op!.responses)).toContain(String(r.status));
      if (r.access === 'public') expect(op!.security).toEqual([]);
      else expect(op!.security).toBeUndefined();
    }
    const create = doc.paths['/api/proposals']!.post as any;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['title', 'description', 'category']);
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const get = doc.paths['/api/proposals/{id}']!.get as any;
    expect(get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    // A gift needs its Idempotency-Key; the other ledger writes take one if sent.
    const key = (path: string, method: string) => ((doc.paths[path] as any)[method].parameters as any[]).find((p) => p.in === 'header');
    expect(key('/api/donations', 'post')).toMatchObject({ name: 'Idempotency-Key', required: true });
    expect(key('/api/projects/{id}/expenses', 'post')).toMatchObject({ name: 'Idempotency-Key', required: false });
    expect(key('/api/proposals', 'post')).toBeUndefined();
  });
});
