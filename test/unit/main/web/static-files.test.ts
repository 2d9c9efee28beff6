import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../../main/web/static-files';
import { cspFromHtml, tokenMatches } from '../../../../main/web/security';

const root = resolve('/srv/masthead/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and other paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'));
  });

  it('refuses every spelling of a way out', () => {
    for (const path of ['/../x', '/assets/../../x', '/%2e%2e/x', '/..%2Fx', '/..%5cx', '/a%00', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });
});

describe('contentTypeFor', () => {
  it('names the common web types and never guesses the rest', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('blob.xyz')).toBe('application/octet-stream');
  });
});

describe('cspFromHtml', () => {
  it('reads the policy a page declares in a meta tag', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:;"></head>`;
    expect(cspFromHtml(html)).toBe("default-src 'self'; img-src 'self' data:");
    expect(cspFromHtml('<head><meta charset="utf-8"></head>')).toBeNull();
  });
});

describe('tokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('abcd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });
});
