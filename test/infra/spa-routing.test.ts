import { describe, expect, it } from 'vitest';
import { prerenderedPages, spaRoutingCode } from '../../infra/spa-routing.js';
import { makeSite } from './synth.js';

type Handler = (event: { request: { uri: string } }) => { uri: string };
/** Loads the CloudFront Function source the way the edge runtime does: plain script, `handler` global. */
const load = (code: string): Handler => new Function(`${code}\nreturn handler;`)() as Handler;
const route = (handler: Handler, uri: string) => handler({ request: { uri } }).uri;

describe('SPA routing at the edge', () => {
  const site = makeSite();
  const handler = load(spaRoutingCode(site));

  it('knows the prerendered pages of the build, whatever their layout', () => {
    expect(prerenderedPages(site)).toEqual({ '/': '/index.html', '/about': '/about/index.html', '/proposals': '/proposals.html' });
  });

  it('serves a prerendered page with or without its trailing slash', () => {
    expect(route(handler, '/')).toBe('/index.html');
    expect(route(handler, '/proposals')).toBe('/proposals.html');
    expect(route(handler, '/proposals/')).toBe('/proposals.html');
    expect(route(handler, '/about')).toBe('/about/index.html');
  });

  it('sends other app paths to the SvelteKit fallback', () => {
    expect(route(handler, '/proposals/01JABCDEF0123456789ABCDEFG')).toBe('/200.html');
    expect(route(handler, '/auth/callback')).toBe('/200.html');
    expect(route(handler, '/constructor')).toBe('/200.html');
  });

  it('leaves files alone, so a missing asset is still an error rather than a page', () => {
    expect(route(handler, '/_app/immutable/entry/start.abc123.js')).toBe('/_app/immutable/entry/start.abc123.js');
    expect(route(handler, '/config.json')).toBe('/config.json');
    expect(route(handler, '/200.html')).toBe('/200.html');
  });

  it('refuses a page list too large for a CloudFront Function', () => {
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`estates/estate-${i}/index.html`, 'x']));
    expect(() => spaRoutingCode(makeSite(many))).toThrow(/too many prerendered pages/);
  });
});
