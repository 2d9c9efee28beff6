// The renderer's page policy is written twice — the meta tag the page carries (desktop and web) and
// the header the servers send — so this test holds the two to one text, and that text to a policy
// that loads no plain-http image (a tracking pixel in a pasted post, mixed content).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspFromHtml, DEFAULT_CSP } from '../../../../main/web/security';

const INDEX_HTML = readFileSync(fileURLToPath(new URL('../../../../renderer/index.html', import.meta.url)), 'utf8');

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

describe('the renderer Content-Security-Policy', () => {
  it('is the same text in renderer/index.html and in the header the servers send', () => {
    expect(cspFromHtml(INDEX_HTML)).toBe(DEFAULT_CSP);
  });

  it('allows images from the page, repository media and https only — never plain http', () => {
    expect(directive(DEFAULT_CSP, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'masthead-media:', 'https:']);
    for (const name of ['default-src', 'img-src', 'connect-src', 'font-src', 'script-src', 'style-src']) {
      expect(directive(DEFAULT_CSP, name), name).not.toContain('http:');
      expect(directive(DEFAULT_CSP, name), name).not.toContain('*');
    }
  });
});
