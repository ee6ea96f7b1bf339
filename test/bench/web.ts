/**
 * JS a browser loads on first visit to a page of the built site, gzipped: the scripts its HTML
 * references or preloads and its inline scripts, plus — for pages served by the SPA shell
 * (200.html: a proposal, an activity, a result) — the route's own nodes (layouts and leaf) with
 * every chunk they import statically, read from SvelteKit's build output (the very lists
 * SvelteKit preloads). Dynamic imports (committee tools, the English catalogue, uqr) are not
 * first-load JS.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageRow { page: string; jsFiles: number; jsGzipBytes: number }

const clean = (ref: string) => ref.replace(/^(\.\.?\/)+/, '').replace(/^\//, '');

/** Client files imported (statically) by each SvelteKit node of the last build, by node index. */
function nodeImports(serverDir: string, index: number): string[] {
  const file = join(serverDir, 'nodes', `${index}.js`);
  if (!existsSync(file)) return [];
  const m = /export const imports = (\[[^\]]*\]);/.exec(readFileSync(file, 'utf8'));
  return m ? (JSON.parse(m[1]!) as string[]) : [];
}

/** The layout and leaf nodes SvelteKit loads for a route id ("/proposals/[id]"). */
function routeNodes(serverDir: string, routeId: string): number[] | null {
  const manifest = join(serverDir, 'manifest-full.js');
  if (!existsSync(manifest)) return null;
  const text = readFileSync(manifest, 'utf8');
  const at = text.indexOf(`id: ${JSON.stringify(routeId)},`);
  if (at < 0) return null;
  const m = /page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/.exec(text.slice(at, at + 600));
  if (!m) return null;
  return [...m[1]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number), Number(m[2])];
}

/**
 * `file` is the HTML the server answers with (a prerendered page or 200.html); `routeId`, when
 * given, adds the route's nodes (needed for the SPA shell, harmless for prerendered pages).
 */
export function benchPage(buildDir: string, page: string, file: string, routeId?: string): PageRow | null {
  const html = join(buildDir, file);
  if (!existsSync(html)) return null;
  const text = readFileSync(html, 'utf8');
  const refs = new Set<string>();
  for (const m of text.matchAll(/(?:href|src)="([^"]+\.js)"/g)) refs.add(clean(m[1]!));
  for (const m of text.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) refs.add(clean(m[1]!));
  if (routeId) {
    const serverDir = join(buildDir, '../.svelte-kit/output/server');
    const nodes = routeNodes(serverDir, routeId);
    if (!nodes) return null;
    for (const n of nodes) for (const ref of nodeImports(serverDir, n)) refs.add(clean(ref));
  }
  let bytes = 0;
  for (const ref of refs) bytes += gzipSync(readFileSync(join(buildDir, ref))).length;
  // Inline bootstrap scripts count too.
  for (const m of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) bytes += gzipSync(m[1]!).length;
  return { page, jsFiles: refs.size, jsGzipBytes: bytes };
}

/**
 * A build made under vitest (NODE_ENV=test, e.g. by a browser test's ensureBuilt) is Svelte's
 * development build: ~12 KiB gzip more per page and slower. Budgets are for what ships, so the
 * bench measures a production build, rebuilding when the one present is not.
 */
export function isProductionBuild(buildDir: string): boolean {
  const chunks = join(buildDir, '_app/immutable/chunks');
  if (!existsSync(join(buildDir, 'index.html')) || !existsSync(chunks)) return false;
  return !readdirSync(chunks).some((f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes('__svelte_meta'));
}

export function ensureProductionBuild(buildDir = 'web/build'): void {
  if (isProductionBuild(buildDir)) return;
  execSync('npm run build:web', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Every public page: [label, HTML file served, SvelteKit route id]. */
export const publicPages: [string, string, string][] = [
  ['/ (home)', 'index.html', '/'],
  ['/proposals', 'proposals.html', '/proposals'],
  ['/proposals/{id}', '200.html', '/proposals/[id]'],
  ['/activities', 'activities.html', '/activities'],
  ['/activities/{id}', '200.html', '/activities/[id]'],
  ['/ledger', 'ledger.html', '/ledger'],
  ['/ballots', 'ballots.html', '/ballots'],
  ['/ballots/{id} (result)', '200.html', '/ballots/[id]'],
  ['/screen', 'screen.html', '/screen'],
];

/** Rows for every public page of the built site (`null` where a page is not built yet). */
export function benchPublicPages(buildDir: string): { page: string; row: PageRow | null; file: string }[] {
  return publicPages.map(([page, file, routeId]) => ({ page, file, row: benchPage(buildDir, page, file, routeId) }));
}
