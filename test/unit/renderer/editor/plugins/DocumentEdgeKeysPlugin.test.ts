import { describe, expect, it } from 'vitest';
import { isDocumentEdgeKey } from '../../../../../renderer/editor/plugins/DocumentEdgeKeysPlugin';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('isDocumentEdgeKey', () => {
  it('knows Ctrl+Home/End elsewhere and Cmd+Up/Down (or Home/End) on macOS', () => {
    expect(isDocumentEdgeKey(key('End', { ctrlKey: true }), false)).toBe(true);
    expect(isDocumentEdgeKey(key('Home', { ctrlKey: true }), false)).toBe(true);
    expect(isDocumentEdgeKey(key('ArrowDown', { metaKey: true }), true)).toBe(true);
    expect(isDocumentEdgeKey(key('ArrowUp', { metaKey: true }), true)).toBe(true);
  });

  it('ignores line keys and other chords', () => {
    expect(isDocumentEdgeKey(key('End'), false)).toBe(false);
    expect(isDocumentEdgeKey(key('End', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isDocumentEdgeKey(key('ArrowDown', { ctrlKey: true }), false)).toBe(false);
    expect(isDocumentEdgeKey(key('End', { ctrlKey: true }), true)).toBe(false);
  });
});
