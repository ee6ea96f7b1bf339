/**
 * SPA routing at the edge, for the default (S3) behavior only. Distribution-wide error responses
 * would also rewrite the API's own JSON 403/404 answers into a 200 HTML page, so instead a viewer-
 * request function maps each prerendered page to its file and every other extension-less path to
 * SvelteKit's `200.html` fallback. The page list is read from the built site at synth time.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The SvelteKit adapter-static `fallback` page. */
export const spaFallback = '/200.html';
/** CloudFront Functions refuse code larger than this. */
const maxFunctionBytes = 10_240;

/** Prerendered pages of the built site, keyed by the path a visitor types (no trailing slash). */
export function prerenderedPages(siteDir: string): Record<string, string> {
  const pages: Record<string, string> = {};
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((f) => `/${relative(siteDir, join(siteDir, f)).split(sep).join('/')}`)
    .filter((f) => f.endsWith('.html') && f !== spaFallback)
    .sort();
  for (const file of files) {
    const route = file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '') || '/';
    pages[route] ??= file;
  }
  return pages;
}

/** Source of the cloudfront-js-2.0 viewer-request function (ES5 syntax, no imports). */
export function spaRoutingCode(siteDir: string): string {
  const code = `var pages = ${JSON.stringify(prerenderedPages(siteDir))};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var key = uri.length > 1 && uri.charAt(uri.length - 1) === '/' ? uri.slice(0, -1) : uri;
  if (Object.prototype.hasOwnProperty.call(pages, key)) {
    request.uri = pages[key];
  } else if (key.split('/').pop().indexOf('.') === -1) {
    request.uri = '${spaFallback}';
  }
  return request;
}
`;
  if (Buffer.byteLength(code) > maxFunctionBytes) {
    throw new Error(`SPA routing function is ${Buffer.byteLength(code)} bytes (limit ${maxFunctionBytes}): too many prerendered pages`);
  }
  return code;
}
