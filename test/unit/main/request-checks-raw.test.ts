import { describe, expect, it } from 'vitest';
import { parseArg } from '../../../main/request-checks';
import { requests } from '../../../shared/api';

const checkRawSaveRequest = (arg: unknown) => parseArg('post:save-raw', requests['post:save-raw'].arg, arg);
const checkRecreateRequest = (arg: unknown) => parseArg('post:recreate', requests['post:recreate'].arg, arg);

describe('checks of the raw source and recreate requests', () => {
  it('passes a raw save of any length on, with only the known fields', () => {
    const text = `---\ntitle: Long\n---\n${'x'.repeat(100_000)}\n`;
    expect(checkRawSaveRequest({ path: 'a.md', baseVersion: 'v1', text, extra: 'dropped' })).toEqual({
      path: 'a.md',
      baseVersion: 'v1',
      text,
    });
    expect(checkRawSaveRequest({ path: 'a.md', baseVersion: 'v1', text: '' }).text).toBe('');
  });

  it('refuses malformed arguments as bad requests', () => {
    for (const arg of [
      null,
      'a.md',
      { path: 'a.md', baseVersion: 'v1' },
      { path: 'a.md', baseVersion: 'v1', text: 5 },
      { path: '', baseVersion: 'v1', text: 'x' },
    ]) {
      expect(() => checkRawSaveRequest(arg), JSON.stringify(arg)).toThrow(
        expect.objectContaining({ code: 'bad-request' }),
      );
    }
    const save = { path: 'a.md', baseVersion: 'v1', frontMatter: { title: 'A' }, body: 'x' };
    expect(checkRecreateRequest({ ...save, format: 'toml' })).toEqual({ ...save, format: 'toml' });
    for (const format of [undefined, 'xml', 1]) {
      expect(() => checkRecreateRequest({ ...save, format }), String(format)).toThrow(
        expect.objectContaining({ code: 'bad-request' }),
      );
    }
  });
});
