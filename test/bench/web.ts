/** JS a browser loads on first visit to a page of the built site: every script it references or preloads, gzipped. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageRow { page: string; jsFiles: number; jsGzipBytes: number }

export function benchPage(buildDir: string, page: string, file: string): PageRow | null {
  const html = join(buildDir, file);
  if (!existsSync(html)) return null;
  const text = readFileSync(html, 'utf8');
  const refs = new Set<string>();
  for (const m of text.matchAll(/(?:href|src)="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of text.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) refs.add(m[1]!);
  let bytes = 0;
  for (const ref of refs) {
    const path = join(buildDir, ref.replace(/^(\.\.?\/)+/, '').replace(/^\//, ''));
    bytes += gzipSync(readFileSync(path)).length;
  }
  // Inline bootstrap scripts count too.
  for (const m of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) bytes += gzipSync(m[1]!).length;
  return { page, jsFiles: refs.size, jsGzipBytes: bytes };
}
