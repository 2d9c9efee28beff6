import { describe, expect, it } from 'vitest';
import { lineColumnOf, parseJsonc, pathKey } from '../../../../../shared/content/schema/jsonc';

const SETTINGS = [
  '// Front Matter CMS settings',
  '{',
  '  "frontMatter.content.pageFolders": [',
  '    { "title": "Posts", "path": "[[workspace]]/src/content/posts" },',
  '    /* drafts live apart */',
  '    { "title": "Drafts", "path": "[[workspace]]/drafts", },',
  '  ],',
  '  "frontMatter.taxonomy.tags": ["astro", "deploy"]',
  '}',
  '',
].join('\n');

/** Where the parser says `path` starts, as 1-based line and column. */
function positionOf(text: string, path: Array<string | number>): { line: number; column: number } | undefined {
  const parsed = parseJsonc(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const offset = parsed.offsets.get(pathKey(path));
  return offset === undefined ? undefined : lineColumnOf(text, offset);
}

describe('parseJsonc offsets', () => {
  it('points each list item at its own first character', () => {
    expect(positionOf(SETTINGS, ['frontMatter.content.pageFolders', 0])).toEqual({ line: 4, column: 5 });
    expect(positionOf(SETTINGS, ['frontMatter.content.pageFolders', 1])).toEqual({ line: 6, column: 5 });
    expect(positionOf(SETTINGS, ['frontMatter.taxonomy.tags', 0])).toEqual({ line: 8, column: 33 });
    expect(positionOf(SETTINGS, ['frontMatter.taxonomy.tags', 1])).toEqual({ line: 8, column: 42 });
  });

  it('points each key at its opening quote, inside list items too', () => {
    expect(positionOf(SETTINGS, ['frontMatter.content.pageFolders'])).toEqual({ line: 3, column: 3 });
    expect(positionOf(SETTINGS, ['frontMatter.content.pageFolders', 1, 'path'])).toEqual({ line: 6, column: 26 });
    expect(positionOf(SETTINGS, ['frontMatter.taxonomy.tags'])).toEqual({ line: 8, column: 3 });
  });

  it('points the whole document at its first line, even behind a comment or a BOM', () => {
    expect(positionOf(SETTINGS, [])).toEqual({ line: 1, column: 1 });
    expect(parseJsonc(`\uFEFF${SETTINGS}`)).toMatchObject({ ok: true });
    const withBom = parseJsonc(`\uFEFF[1, 2]`);
    expect(withBom.ok && withBom.offsets.get(pathKey([1]))).toBe(5);
  });

  it('reads the values as written', () => {
    const parsed = parseJsonc(SETTINGS);
    expect(parsed.ok && parsed.value).toEqual({
      'frontMatter.content.pageFolders': [
        { title: 'Posts', path: '[[workspace]]/src/content/posts' },
        { title: 'Drafts', path: '[[workspace]]/drafts' },
      ],
      'frontMatter.taxonomy.tags': ['astro', 'deploy'],
    });
  });

  it('keeps a raw tab inside a string as written', () => {
    expect(parseJsonc('{"x": "a\tb"}')).toMatchObject({ ok: true, value: { x: 'a\tb' } });
  });
});

describe('parseJsonc errors', () => {
  it.each([
    ['{"a": 1 "b": 2}', 'expected "," or "}" but found \'"\'', 8],
    ['{"a": [1 2]}', 'expected "," or "]" but found \'2\'', 9],
    ['[1,2', 'expected "," or "]" but found the end of the file', 4],
    ['{"a": 1', 'expected "," or "}" but found the end of the file', 7],
    ['{"a" 1}', 'expected ":" after "a" but found \'1\'', 5],
    ['{a: 1}', 'expected a "quoted" property name or "}" but found \'a\'', 1],
    ['{"a": tru}', "expected a value but found 't'", 6],
    ['{"a": 1e}', 'expected "," or "}" but found \'e\'', 7],
    ['{"a": "\\x"}', 'invalid escape in a string', 7],
    ['{"a": "b\n}', 'a string is not closed before the end of the line', 6],
    ['{"a": "b', 'a string is never closed', 6],
    ['{} /* open', 'a /* comment is never closed', 3],
    ['{"a": 1} x', "unexpected 'x' after the end of the settings", 9],
    ['', 'expected a value but found the end of the file', 0],
  ])('%j: %s at %i', (text, message, offset) => {
    expect(parseJsonc(text)).toEqual({ ok: false, message, offset });
  });
});
