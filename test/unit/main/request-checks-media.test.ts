import { describe, expect, it } from 'vitest';
import { parseArg } from '../../../main/request-checks';
import { requests } from '../../../shared/api';
import { MAX_MEDIA_BASE64 } from '../../../shared/api/args';

const checkMediaImport = (arg: unknown) => parseArg('media:import', requests['media:import'].arg, arg);

describe('checkMediaImport', () => {
  it('keeps post, name, base64 data and a field’s folders, and nothing else', () => {
    expect(checkMediaImport({ post: 'content/a.md', name: 'a.png', data: 'iVBORw0=' }).data).toBe('iVBORw0=');
    expect(checkMediaImport({ post: 'content/a.md', name: 'a.png', data: 'iVBORw0K' }).data).toBe('iVBORw0K');
    expect(
      checkMediaImport({
        post: 'content/a.md',
        name: 'a.png',
        data: 'iVBORw==',
        mediaFolder: '',
        publicFolder: '/img',
        extra: 1,
      }),
    ).toEqual({
      post: 'content/a.md',
      name: 'a.png',
      data: 'iVBORw==',
      mediaFolder: '',
      publicFolder: '/img',
    });
  });

  it('refuses data that is not base64, too large, or missing fields', () => {
    const bad = [
      null,
      { post: 'content/a.md', name: 'a.png' },
      { post: 'content/a.md', name: 'a.png', data: 'not base64!' },
      { post: 'content/a.md', name: 'a.png', data: 'abc' },
      { post: 'content/a.md', name: 'a.png', data: 'ab=c' },
      { post: 'content/a.md', name: 'a.png', data: 'a===' },
      { post: 'content/a.md', name: 'a.png', data: 'A'.repeat(MAX_MEDIA_BASE64 + 4) },
      { post: '', name: 'a.png', data: 'iVBORw==' },
      { post: 'content/a.md', name: 'a.png', data: 'iVBORw==', mediaFolder: 3 },
    ];
    for (const arg of bad)
      expect(() => checkMediaImport(arg), JSON.stringify(arg)?.slice(0, 80)).toThrow(/media:import/);
  });
});
