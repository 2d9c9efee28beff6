// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewFor, rememberPreview } from '../../../../../renderer/editor/images/local-previews';

afterEach(() => vi.restoreAllMocks());

describe('local previews of added pictures', () => {
  it('shows a picture from its file, replacing an older preview of the same address', () => {
    let next = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:preview-${(next += 1)}`);
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    rememberPreview('content/a.md', '/images/gull.png', new Blob(['1']));
    expect(previewFor('content/a.md', '/images/gull.png')).toBe('blob:preview-1');
    expect(previewFor('content/b.md', '/images/gull.png')).toBeNull();
    rememberPreview('content/a.md', '/images/gull.png', new Blob(['2']));
    expect(previewFor('content/a.md', '/images/gull.png')).toBe('blob:preview-2');
    expect(revoked).toHaveBeenCalledWith('blob:preview-1');
  });

  it('keeps the 24 most recent previews and lets the oldest go', () => {
    let next = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:many-${(next += 1)}`);
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    for (let index = 1; index <= 30; index += 1) rememberPreview('content/c.md', `/images/${index}.png`, new Blob([]));
    expect(previewFor('content/c.md', '/images/30.png')).toBe('blob:many-30');
    expect(previewFor('content/c.md', '/images/7.png')).toBe('blob:many-7');
    expect(previewFor('content/c.md', '/images/6.png')).toBeNull();
    expect(revoked).toHaveBeenCalledWith('blob:many-6');
  });
});
