/** Serves the built SvelteKit site the way CloudFront does: files, then the SPA fallback page. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { contentSecurityPolicy } from '../../infra/csp.js';

/** CloudFront's policy; photos are uploaded to this same server (media-routes.ts), so no other origin. */
const csp = contentSecurityPolicy("'self'");

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

function pick(root: string, pathname: string): { file: string; status: number } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // a malformed escape names no file: 404
  }
  const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const base = resolve(root, `.${clean}`);
  if (!base.startsWith(resolve(root))) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (isFile(candidate)) return { file: candidate, status: 200 };
  }
  // Like the CloudFront error response: unknown paths get the SPA shell (which routes client-side).
  if (extname(clean) === '' && isFile(join(root, '200.html'))) return { file: join(root, '200.html'), status: 200 };
  return null;
}

export function serveStatic(root: string, pathname: string, res: ServerResponse, headOnly: boolean): void {
  const found = pick(root, pathname);
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const immutable = pathname.startsWith('/_app/immutable/');
  res.writeHead(found.status, {
    'content-type': types[extname(found.file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': csp,
  });
  if (headOnly) res.end();
  else createReadStream(found.file).pipe(res);
}
