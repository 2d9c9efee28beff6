import { describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import { createDataFile, dataFormatOfPath, parseDataFile, updateDataFile } from '../../../../shared/content/data-file';
import type { DataFormat } from '../../../../shared/content/data-file';
import { AppFailure } from '../../../../shared/errors';

// Our own fixtures: an author profile (YAML, with comments), site settings (TOML) and a category list (JSON).
const AUTHOR_YAML = [
  '# Shown on the about page',
  'name: Ines Okafor',
  'handle: "@inesok"  # without the site prefix',
  'bio: >-',
  '  Writes about ferries,',
  '  tides and night shifts.',
  'joined: 2022-09-01',
  'links:',
  '  - https://ines.example.net',
  '  - https://social.example/@inesok',
  '',
].join('\n');

const SITE_TOML = [
  '# Site settings',
  'title = "Quay Notes"',
  'tagline = "Small news from the harbour"',
  '',
  '[social]',
  'mastodon = "@quay@example.social" # public',
  '',
].join('\n');

const CATEGORIES_JSON = [
  '{',
  '  "categories": [',
  '    { "id": "c-1", "name": "Community" },',
  '    { "id": "c-2", "name": "Tooling" }',
  '  ],',
  '  "order": 3',
  '}',
  '',
].join('\n');

/** `text` saved with one top-level value changed. */
function saveValue(text: string, format: DataFormat, change: (data: FrontMatterData) => void): string {
  const data = structuredClone(parseDataFile(text, format));
  change(data);
  return updateDataFile(text, format, data);
}

/** The lines of `before` and `after` that differ, as [before, after] pairs (same line count expected). */
function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, index) => (line === b[index] ? [] : ([[line, b[index] ?? '']] as Array<[string, string]>)));
}

describe('dataFormatOfPath', () => {
  it('knows data files by extension, case-insensitively, and nothing else', () => {
    expect(dataFormatOfPath('content/authors/ines.yml')).toBe('yaml');
    expect(dataFormatOfPath('data/site.YAML')).toBe('yaml');
    expect(dataFormatOfPath('data/site.toml')).toBe('toml');
    expect(dataFormatOfPath('src/data/categories.json')).toBe('json');
    expect(dataFormatOfPath('content/blog/hello.md')).toBeNull();
  });
});

describe('parseDataFile', () => {
  it('reads every format into plain data, dates as written', () => {
    expect(parseDataFile(AUTHOR_YAML, 'yaml')).toEqual({
      name: 'Ines Okafor',
      handle: '@inesok',
      bio: 'Writes about ferries, tides and night shifts.',
      joined: '2022-09-01',
      links: ['https://ines.example.net', 'https://social.example/@inesok'],
    });
    expect(parseDataFile(SITE_TOML, 'toml')).toEqual({
      title: 'Quay Notes',
      tagline: 'Small news from the harbour',
      social: { mastodon: '@quay@example.social' },
    });
    expect(parseDataFile(CATEGORIES_JSON, 'json')).toEqual({
      categories: [
        { id: 'c-1', name: 'Community' },
        { id: 'c-2', name: 'Tooling' },
      ],
      order: 3,
    });
  });

  it('reads through a BOM and CRLF line endings', () => {
    expect(parseDataFile(`\uFEFF${AUTHOR_YAML.replace(/\n/g, '\r\n')}`, 'yaml').name).toBe('Ines Okafor');
    expect(parseDataFile(`\uFEFF${CATEGORIES_JSON}`, 'json').order).toBe(3);
  });

  it('names the line of a mistake, worded for a data file', () => {
    let error: unknown;
    try {
      parseDataFile('name: Ines\nbio: "unclosed\njoined: 2022\n', 'yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('invalid-front-matter');
    expect((error as AppFailure).message).toMatch(/^The data file has a mistake on line 2/);
    expect((error as AppFailure).message).not.toMatch(/post/);
    expect(() => parseDataFile('{\n  "a": 1,\n}\n', 'json')).toThrow(/The JSON data file has a mistake on line 3/);
    expect(() => parseDataFile('- one\n- two\n', 'yaml')).toThrow(/not a list of "key: value" fields/);
  });
});

describe('updateDataFile', () => {
  it.each([
    ['yaml', AUTHOR_YAML],
    ['toml', SITE_TOML],
    ['json', CATEGORIES_JSON],
  ] as const)('returns the %s file itself when nothing changed', (format, text) => {
    expect(updateDataFile(text, format, parseDataFile(text, format))).toBe(text);
  });

  it('changes one YAML line, keeping comments, folded text and key order', () => {
    const after = saveValue(AUTHOR_YAML, 'yaml', (data) => void (data.name = 'Ines Okafor-Berg'));
    expect(changedLines(AUTHOR_YAML, after)).toEqual([['name: Ines Okafor', 'name: Ines Okafor-Berg']]);
  });

  it('keeps a quoted value quoted and its trailing comment', () => {
    const after = saveValue(AUTHOR_YAML, 'yaml', (data) => void (data.handle = '@ines'));
    expect(changedLines(AUTHOR_YAML, after)).toEqual([
      ['handle: "@inesok"  # without the site prefix', 'handle: "@ines"  # without the site prefix'],
    ]);
  });

  it('changes one TOML line, keeping comments and tables', () => {
    const after = saveValue(
      SITE_TOML,
      'toml',
      (data) => void ((data.social as FrontMatterData).mastodon = '@news@example.social'),
    );
    expect(changedLines(SITE_TOML, after)).toEqual([
      ['mastodon = "@quay@example.social" # public', 'mastodon = "@news@example.social" # public'],
    ]);
  });

  it('changes one JSON value inside a list of objects, keeping the layout', () => {
    const after = saveValue(CATEGORIES_JSON, 'json', (data) => {
      ((data.categories as FrontMatterData[])[1] as FrontMatterData).name = 'Tools';
    });
    expect(changedLines(CATEGORIES_JSON, after)).toEqual([
      ['    { "id": "c-2", "name": "Tooling" }', '    { "id": "c-2", "name": "Tools" }'],
    ]);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const crlf = `\uFEFF${AUTHOR_YAML.replace(/\n/g, '\r\n')}`;
    const after = saveValue(crlf, 'yaml', (data) => void (data.joined = '2023-01-15'));
    expect(after).toBe(crlf.replace('joined: 2022-09-01', 'joined: 2023-01-15'));
  });

  it('keeps a missing final newline, also when a key is added', () => {
    const bare = 'name: Ines\nhandle: "@inesok"';
    expect(saveValue(bare, 'yaml', (data) => void (data.website = 'https://ines.example.net'))).toBe(
      `${bare}\nwebsite: https://ines.example.net`,
    );
    const json = '{\n  "order": 3\n}';
    expect(saveValue(json, 'json', (data) => void (data.order = 4))).toBe('{\n  "order": 4\n}');
  });

  it('adds and removes keys in each format', () => {
    expect(saveValue(AUTHOR_YAML, 'yaml', (data) => void delete data.links)).toBe(
      AUTHOR_YAML.replace(/links:\n.*\n.*\n/, ''),
    );
    expect(saveValue(SITE_TOML, 'toml', (data) => void (data.tagline = null))).not.toMatch(/tagline/);
    const added = saveValue(CATEGORIES_JSON, 'json', (data) => void (data.featured = true));
    expect(JSON.parse(added)).toMatchObject({ order: 3, featured: true });
    expect(added.startsWith(CATEGORIES_JSON.slice(0, CATEGORIES_JSON.indexOf('"order": 3')))).toBe(true);
  });

  it('writes a value the patcher cannot place through a fallback that still reads back', () => {
    const list = saveValue(
      CATEGORIES_JSON,
      'json',
      (data) => void (data.categories as FrontMatterData[]).push({ id: 'c-3', name: 'Releases' }),
    );
    expect(parseDataFile(list, 'json').categories).toHaveLength(3);
    expect(list.endsWith('}\n')).toBe(true);
  });
});

describe('createDataFile', () => {
  it.each(['yaml', 'toml', 'json'] as const)(
    'writes a new %s file that reads back, ending with a newline',
    (format) => {
      const data = { name: 'Bo Pier', joined: '2026-03-01', links: ['https://bo.example'] };
      const text = createDataFile(format, data);
      expect(parseDataFile(text, format)).toEqual(data);
      expect(text.endsWith('\n')).toBe(true);
    },
  );
});
