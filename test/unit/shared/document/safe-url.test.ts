import { describe, expect, it } from 'vitest';
import { isSafeUrl, unsafeUrlReason, urlScheme } from '../../../../shared/document/safe-url';

describe('isSafeUrl', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:editor@example.com',
    'tel:+44 20 7946 0000',
    '/blog/2024/first-post/',
    '../images/cover.jpg',
    'cover.jpg',
    '#section-two',
    '?page=2',
    '//cdn.example.com/x.png',
    '',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQ',
    'DATA:IMAGE/WEBP;base64,UklGR',
    'data:image/avif,abc',
    'data:image/gif;base64,R0lGOD',
  ])('keeps %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u200bscript:alert(1)',
    'java\ufe0fscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106avascript:alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    '&amp;#106;avascript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ：alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:,hello',
    ' data:application/javascript,alert(1)',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('explains the refusal in plain words', () => {
    expect(unsafeUrlReason('javascript:alert(1)')).toMatch(/run code/);
    expect(unsafeUrlReason('data:text/html,x')).toMatch(/images/);
    expect(unsafeUrlReason('https://example.com')).toBeNull();
  });

  it('reads the scheme as a browser would', () => {
    expect(urlScheme(' \tJava\tScript:x')).toBe('javascript');
    expect(urlScheme('posts/one.md')).toBeNull();
  });
});
