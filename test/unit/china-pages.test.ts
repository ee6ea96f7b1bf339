/** The policy AWS China's pages carry themselves (infra/china-pages.ts), placed where it governs everything. */
import { describe, expect, it } from 'vitest';
import { headTags, metaPolicy, withHeadTags } from '../../infra/china-pages.js';

const tags = headTags(metaPolicy('https://*.s3.cn-north-1.amazonaws.com.cn', ['https://id.example.cn']));

describe('pages with their own policy', () => {
  it('goes right after the charset, before every script and style', () => {
    const page = '<!doctype html><html><head><meta charset="utf-8" /><script>x()</script><style>a{}</style></head></html>';
    const out = withHeadTags(page, tags);
    expect(out.indexOf('http-equiv')).toBeGreaterThan(out.indexOf('charset'));
    expect(out.indexOf('http-equiv')).toBeLessThan(out.indexOf('<script>x()'));
    expect(out.replace(tags, '')).toBe(page);
  });

  it('without a charset goes after <head>, the doctype, or at the top', () => {
    expect(withHeadTags('<html><head lang="zh"><title>t</title>', 'T')).toBe('<html><head lang="zh">T<title>t</title>');
    expect(withHeadTags('<!DOCTYPE html><title>t</title>', 'T')).toBe('<!DOCTYPE html>T<title>t</title>');
    expect(withHeadTags('<title>t</title>', 'T')).toBe('T<title>t</title>');
  });

  it('says what the headers policy says, except what a meta policy cannot (frame-ancestors)', () => {
    const policy = metaPolicy('https://*.s3.cn-north-1.amazonaws.com.cn', ['https://id.example.cn']);
    expect(policy).not.toContain('frame-ancestors');
    expect(policy).toContain("connect-src 'self' https://*.s3.cn-north-1.amazonaws.com.cn https://id.example.cn");
    expect(headTags('a "quoted" & b')).toContain('content="a &quot;quoted&quot; &amp; b"');
  });
});
