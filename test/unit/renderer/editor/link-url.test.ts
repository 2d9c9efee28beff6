import { describe, expect, it } from 'vitest';
import { normalizeLinkUrl } from '../../../../renderer/editor/plugins/LinkEditorPlugin';

describe('normalizeLinkUrl', () => {
  it('keeps web, mail and relative links', () => {
    expect(normalizeLinkUrl(' https://example.org/a ')).toBe('https://example.org/a');
    expect(normalizeLinkUrl('mailto:ada@example.org')).toBe('mailto:ada@example.org');
    expect(normalizeLinkUrl('/about')).toBe('/about');
    expect(normalizeLinkUrl('#notes')).toBe('#notes');
  });

  it('adds https:// to a bare domain', () => {
    expect(normalizeLinkUrl('example.org/archive')).toBe('https://example.org/archive');
  });

  it('refuses empty, spaced and script addresses', () => {
    expect(normalizeLinkUrl('')).toBeNull();
    expect(normalizeLinkUrl('two words')).toBeNull();
    expect(normalizeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeLinkUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(normalizeLinkUrl('&#106;avascript:alert(1)')).toBeNull();
    expect(normalizeLinkUrl('data:text/html,<b>hi</b>')).toBeNull();
  });
});
