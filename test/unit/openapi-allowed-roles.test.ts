/** The OpenAPI document publishes each row's `allow`: who may call every operation, for the web and anyone else. */
import { describe, expect, it } from 'vitest';
import { allowedRoles, callerRoles, routeKey, routes, type RouteDef } from '../../functions/routes.js';
import { openApiDocument } from '../../functions/shared/http/openapi.js';

const doc = openApiDocument('test');
const op = (r: Pick<RouteDef, 'method' | 'path'>) => (doc.paths[r.path] as Record<string, any>)[r.method.toLowerCase()];

describe('who may call each operation, in the OpenAPI document', () => {
  it('names the caller roles once, at the top', () => {
    expect(Object.keys(doc['x-caller-roles'])).toEqual(Object.keys(callerRoles));
    expect(doc.info.description).toContain('x-allowed-roles');
  });

  it('gives every operation its roles, the party it also lets in, whom it hides from, and a sentence saying so', () => {
    for (const r of routes as readonly RouteDef[]) {
      const o = op(r);
      expect(o['x-allowed-roles'], routeKey(r)).toEqual(allowedRoles(r.allow));
      expect(o['x-also-allowed'], routeKey(r)).toBe(r.alsoAllow);
      expect(o['x-hidden-from'], routeKey(r)).toEqual(r.hiddenFrom);
      expect(o.description, routeKey(r)).toMatch(/^Who may call it: /);
    }
  });

  it('says it plainly for a public row, a caller\'s own row, a staff row and one the object\'s author alone may call', () => {
    expect(op({ method: 'GET', path: '/api/ledger' }).description).toBe('Who may call it: anyone, signed in or not.');
    expect(op({ method: 'GET', path: '/api/ledger' })['x-allowed-roles']).toContain('visitor');
    expect(op({ method: 'GET', path: '/api/me/data' }).description).toContain('anyone signed in');
    expect(op({ method: 'GET', path: '/api/me/data' })['x-allowed-roles']).not.toContain('visitor');
    const expense = op({ method: 'POST', path: '/api/projects/{id}/expenses' });
    expect(expense['x-allowed-roles']).toEqual(['staff']);
    expect(expense.description).toBe('Who may call it: only staff (roles as in x-caller-roles). Anyone else signed in gets 403 '
      + '(staff-other-community: 404, the object is not theirs to see); without a token, 401.');
    const withdraw = op({ method: 'POST', path: '/api/proposals/{id}/withdraw' });
    expect(withdraw['x-allowed-roles']).toEqual([]);
    expect(withdraw.description).toContain('only the proposal\'s author.');
  });
});
