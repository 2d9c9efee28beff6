import { describe, expect, it } from 'vitest';
import { splitPostFile } from '../../../../shared/content/front-matter-split';

describe('splitPostFile', () => {
  it('cuts YAML into parts that join back into the exact text', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---  \r\nBody\r\n';
    const parts = splitPostFile(text);
    expect(parts).toEqual({
      bom: '\uFEFF',
      format: 'yaml',
      open: '---\r\n',
      matter: 'title: x\r\n',
      close: '---  \r\n',
      body: 'Body\r\n',
      matterLine: 2,
    });
    expect(parts.bom + parts.open + parts.matter + parts.close + parts.body).toBe(text);
  });

  it('finds TOML and JSON blocks', () => {
    expect(splitPostFile('+++\na = 1\n+++\nB').matter).toBe('a = 1\n');
    const json = splitPostFile('{ "a": "}" }  \nBody');
    expect(json).toMatchObject({ format: 'json', matter: '{ "a": "}" }', close: '  \n', body: 'Body' });
  });

  it('leaves thematic breaks and shortcodes in the body when they are not front matter', () => {
    expect(splitPostFile('Intro\n---\nMore\n').format).toBe('none');
    expect(splitPostFile('{{< note >}}\n').format).toBe('none');
    expect(splitPostFile('---').format).toBe('none');
  });

  it('rejects an unclosed block or text after the JSON object', () => {
    expect(() => splitPostFile('+++\na = 1\n')).toThrowError(/no closing "\+\+\+" line/);
    expect(() => splitPostFile('{\n"a": 1\n')).toThrowError(/is never closed/);
    expect(() => splitPostFile('{"a": 1} trailing\n')).toThrowError(
      /Text follows the end of the JSON front matter on line 1/,
    );
  });
});
