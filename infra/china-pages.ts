/**
 * AWS China has no response headers policy (china-edge.ts), so the site's pages would go out with no
 * Content-Security-Policy at all. There the pages carry it themselves: at synthesis every `.html` of
 * the build is copied with a `<meta http-equiv="Content-Security-Policy">`, a referrer policy and a
 * frame buster (a meta policy cannot say `frame-ancestors`) placed before any script or style of
 * its head, so they govern all of them. The photo bucket's name is a deploy-time value, so uploads are allowed
 * to the region's S3 hosts. What a meta tag cannot give, HSTS and nosniff, is listed in the README.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy } from './csp.js';

/** The policy as a meta tag may carry it: `frame-ancestors` is ignored there (and warned about). */
export const metaPolicy = (uploadOrigin: string, signInOrigins: readonly string[]): string =>
  contentSecurityPolicy(uploadOrigin, signInOrigins).split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');

const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** What goes first in every page's head. */
export const headTags = (policy: string): string =>
  `<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">`
  + '<meta name="referrer" content="strict-origin-when-cross-origin">'
  + '<script>if(top!==self)top.location.replace(location.href)</script>';

/**
 * One page with the tags before anything they govern: after its `<meta charset>` (which must stay in
 * the first 1,024 bytes), else after `<head>`, else after the doctype, else at the top.
 */
export function withHeadTags(html: string, tags: string): string {
  const at = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head(?:\s[^>]*)?>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  if (!at) return tags + html;
  const end = at.index + at[0].length;
  return html.slice(0, end) + tags + html.slice(end);
}

/** A copy of the built site whose pages carry the policy; other files are copied as they are. */
export function siteWithMetaPolicy(siteDir: string, policy: string): string {
  const out = mkdtempSync(join(tmpdir(), 'gongzhi-site-cn-'));
  cpSync(siteDir, out, { recursive: true });
  const tags = headTags(policy);
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, withHeadTags(readFileSync(file, 'utf8'), tags));
  }
  return out;
}
