import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { parsePostFile, updatePostFile } from '../../../../shared/content/post-file';
import { CRLF_POST, DECAP_POST, JSON_POST, TOML_POST, withValue } from './fixtures';

/** Saves `original` with one front-matter field changed (or removed, for undefined). */
function saveField(original: string, path: Array<string | number>, value: Parameters<typeof withValue>[2]): string {
  const { data, body } = parsePostFile(original);
  return updatePostFile(original, { frontMatter: withValue(data, path, value), body });
}

/** `text` with exactly one occurrence of `from` replaced; fails loudly if `from` is not there once. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

const DESCRIPTION_LINES = `  description: Three weeks aboard a pilot boat taught our reporter more about tides,
    radio etiquette, and patience than any textbook, and left her with a notebook
    full of questions for the harbour master.
`;

describe('parsePostFile', () => {
  it('splits YAML front matter into data and an LF body, keeping dates as written', () => {
    const parsed = parsePostFile(DECAP_POST);
    expect(parsed.format).toBe('yaml');
    expect(parsed.data).toEqual({
      title: 'Harbour Lights: Notes from the Night Shift',
      author: 'Mara Quill',
      date: '2025-11-04T08:30:00.000Z',
      category: [{ value: 'category-Xy12ab', label: 'Field Notes' }],
      seo: {
        title: 'Harbour Lights: Notes from the Night Shift',
        description:
          'Three weeks aboard a pilot boat taught our reporter more about tides, radio etiquette, and patience than any textbook, and left her with a notebook full of questions for the harbour master.',
        url: 'https://example.org/blog/harbour-lights',
        twitterUsername: '@examplepress',
      },
      layout: 'wide',
      draft: false,
    });
    expect(parsed.body).toBe(
      'The pilot boat left the quay at dusk, and the radio never stopped.\n\n## What the tide tables leave out\n\nEvery crossing starts with a check of the wind.\n',
    );
  });

  it('reads CRLF files with a byte order mark, giving the body LF line endings', () => {
    const parsed = parsePostFile(CRLF_POST);
    expect(parsed.format).toBe('yaml');
    expect(parsed.data).toEqual(parsePostFile(DECAP_POST).data);
    expect(parsed.body).toBe(
      'The pilot boat left the quay at dusk, and the radio never stopped.\n\n## What the tide tables leave out\n\nEvery crossing starts with a check of the wind.',
    );
  });

  it('detects TOML and JSON front matter, and files without any', () => {
    expect(parsePostFile(TOML_POST)).toEqual({
      format: 'toml',
      data: {
        title: 'Tide Tables for Beginners',
        date: '2025-10-01T09:00:00Z',
        tags: ['sea', 'maps'],
        draft: true,
        params: { subtitle: 'A quiet guide to the harbour', weight: 1.5 },
      },
      body: 'Reading a tide table is easier than it looks.\n',
    });
    expect(parsePostFile(JSON_POST).format).toBe('json');
    expect(parsePostFile(JSON_POST).data.params).toEqual({ subtitle: 'A quiet guide', weight: 2 });
    expect(parsePostFile('# Just a heading\n\nText.\n')).toEqual({
      format: 'none',
      data: {},
      body: '# Just a heading\n\nText.\n',
    });
    expect(parsePostFile('{{< figure src="a.png" >}}\n')).toEqual({
      format: 'none',
      data: {},
      body: '{{< figure src="a.png" >}}\n',
    });
  });

  it('returns only JSON-compatible values (no Date objects, no Infinity)', () => {
    const parsed = parsePostFile('---\nday: 2025-01-02\nlimit: .inf\nyes_word: yes\nempty:\n---\n');
    expect(parsed.data).toEqual({ day: '2025-01-02', limit: 'Infinity', yes_word: 'yes', empty: null });
    expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(parsed.data);
  });

  it('rejects malformed YAML with invalid-front-matter naming the file line', () => {
    const broken = '---\ntitle: "Unclosed\nauthor: Mara Quill\n---\nBody\n';
    let caught: unknown;
    try {
      parsePostFile(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppFailure);
    const failure = caught as AppFailure;
    expect(failure.code).toBe('invalid-front-matter');
    expect(failure.message).toBe(
      'The front matter has a mistake on line 2: Missing closing "quote. Fix that line, then open the post again.',
    );
    expect(failure.detail).toContain('Missing closing "quote');
  });

  it('names the line of a duplicated key', () => {
    expect(() => parsePostFile('---\ntitle: One\nauthor: Mara\ntitle: Two\n---\n')).toThrowError(
      'The front matter has a mistake on line 4: Map keys must be unique. Fix that line, then open the post again.',
    );
  });

  it('rejects front matter without a closing fence, and YAML that is not a mapping', () => {
    expect(() => parsePostFile('---\ntitle: Open\n\nBody\n')).toThrowError(/no closing "---" line/);
    expect(() => parsePostFile('---\n- one\n- two\n---\n')).toThrowError(/not a list of "key: value" fields/);
  });
});

describe('updatePostFile: nothing changed', () => {
  const cases: Array<[string, string]> = [
    ['Decap YAML (comments, folded plain scalar, quoted strings)', DECAP_POST],
    ['CRLF, BOM and no final newline', CRLF_POST],
    ['TOML', TOML_POST],
    ['JSON', JSON_POST],
    ['no front matter', 'Plain text.\r\nSecond line'],
    ['empty front matter', '---\n---\nBody\n'],
    ['front matter closed with ...', '---\ntitle: Dots\n...\nBody\n'],
    [
      'block scalars and anchors',
      '---\nintro: |\n  Line one\n  Line two\nsummary: >-\n  Folded\n  text\nbase: &b x\ncopy: *b\n---\n',
    ],
  ];
  for (const [name, text] of cases) {
    it(`returns the original bytes: ${name}`, () => {
      const { data, body } = parsePostFile(text);
      expect(updatePostFile(text, { frontMatter: data, body })).toBe(text);
    });
  }

  it('ignores the key order the form sends and a missing final newline from the editor', () => {
    const { data, body } = parsePostFile(DECAP_POST);
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    expect(updatePostFile(DECAP_POST, { frontMatter: reversed, body: body.replace(/\n$/, '') })).toBe(DECAP_POST);
  });
});

describe('updatePostFile: YAML changes stay local', () => {
  it('changing the title rewrites only the title line, keeping its double quotes', () => {
    const saved = saveField(DECAP_POST, ['title'], 'Harbour Lights');
    expect(saved).toBe(
      replaceOnce(
        DECAP_POST,
        'title: "Harbour Lights: Notes from the Night Shift"\nauthor',
        'title: "Harbour Lights"\nauthor',
      ),
    );
  });

  it('changing the folded seo.description replaces exactly its lines, folded the same way', () => {
    const description =
      'A shorter account of three weeks on the pilot boat, with notes on radio manners and the tides that rule the harbour.';
    const saved = saveField(DECAP_POST, ['seo', 'description'], description);
    expect(saved).toBe(
      replaceOnce(
        DECAP_POST,
        DESCRIPTION_LINES,
        `  description: A shorter account of three weeks on the pilot boat, with notes on
    radio manners and the tides that rule the harbour.
`,
      ),
    );
    expect(parsePostFile(saved).data.seo).toMatchObject({ description });
  });

  it('changing a label inside the category list touches only that line', () => {
    const saved = saveField(DECAP_POST, ['category', 0, 'label'], 'Dispatches');
    expect(saved).toBe(replaceOnce(DECAP_POST, '    label: Field Notes\n', '    label: Dispatches\n'));
  });

  it('keeps single quotes and a trailing comment on a changed value', () => {
    const saved = saveField(DECAP_POST, ['layout'], "narrow 'n' tall");
    expect(saved).toBe(replaceOnce(DECAP_POST, "layout: 'wide' #", "layout: 'narrow ''n'' tall' #"));
  });

  it('keeps a plain value plain when safe and quotes it when plain would read differently', () => {
    expect(saveField(DECAP_POST, ['author'], 'Ana Bell')).toBe(
      replaceOnce(DECAP_POST, 'author: Mara Quill', 'author: Ana Bell'),
    );
    expect(saveField(DECAP_POST, ['author'], 'Ana: Bell')).toBe(
      replaceOnce(DECAP_POST, 'author: Mara Quill', 'author: "Ana: Bell"'),
    );
    expect(saveField(DECAP_POST, ['author'], 'yes')).toBe(
      replaceOnce(DECAP_POST, 'author: Mara Quill', 'author: "yes"'),
    );
    expect(saveField(DECAP_POST, ['author'], '2024')).toBe(
      replaceOnce(DECAP_POST, 'author: Mara Quill', 'author: "2024"'),
    );
    expect(saveField(DECAP_POST, ['date'], '2025-12-01T07:00:00.000Z')).toBe(
      replaceOnce(DECAP_POST, 'date: 2025-11-04T08:30:00.000Z', 'date: 2025-12-01T07:00:00.000Z'),
    );
  });

  it('writes booleans and numbers as YAML scalars', () => {
    expect(saveField(DECAP_POST, ['draft'], true)).toBe(replaceOnce(DECAP_POST, 'draft: false', 'draft: true'));
    expect(saveField(DECAP_POST, ['layout'], 3)).toBe(replaceOnce(DECAP_POST, "layout: 'wide'", 'layout: 3'));
  });

  it('appends a new key at the end of its mapping in the file’s indentation', () => {
    const { data, body } = parsePostFile(DECAP_POST);
    const withTop = withValue(data, ['tags'], ['tides', 'night shift']);
    const edited = withValue(withTop, ['seo', 'image'], '/images/harbour.jpg');
    const saved = updatePostFile(DECAP_POST, { frontMatter: edited, body });
    let expected = replaceOnce(
      DECAP_POST,
      '  twitterUsername: "@examplepress"\n',
      '  twitterUsername: "@examplepress"\n  image: /images/harbour.jpg\n',
    );
    expected = replaceOnce(expected, 'draft: false\n', 'draft: false\ntags:\n  - tides\n  - night shift\n');
    expect(saved).toBe(expected);
  });

  it('puts a new key after the key the form puts before it (schema order), in YAML, TOML and JSON', () => {
    const save = (original: string, data: Record<string, unknown>) =>
      updatePostFile(original, { frontMatter: data as never, body: parsePostFile(original).body });
    const yaml = '---\ntitle: Lamps # the title\n# when it went out\ndate: 2026-01-02\ntags:\n  - a\n---\nBody.\n';
    expect(save(yaml, { title: 'Lamps', description: 'New one', date: '2026-01-02', tags: ['a'] })).toBe(
      '---\ntitle: Lamps # the title\ndescription: New one\n# when it went out\ndate: 2026-01-02\ntags:\n  - a\n---\nBody.\n',
    );
    expect(save(yaml, { templateKey: 'post', title: 'Lamps', date: '2026-01-02', tags: ['a'] })).toBe(
      '---\ntemplateKey: post\ntitle: Lamps # the title\n# when it went out\ndate: 2026-01-02\ntags:\n  - a\n---\nBody.\n',
    );
    const nested = '---\nseo:\n  title: T\n  image: /i.png\n---\n';
    expect(save(nested, { seo: { title: 'T', description: 'D', image: '/i.png' } })).toBe(
      '---\nseo:\n  title: T\n  description: D\n  image: /i.png\n---\n',
    );
    const toml = '+++\ntitle = "Lamps"\ndate = 2026-01-02\n\n[seo]\ntitle = "T"\n+++\n';
    expect(save(toml, { title: 'Lamps', description: 'D', date: '2026-01-02', seo: { title: 'T' } })).toBe(
      '+++\ntitle = "Lamps"\ndescription = "D"\ndate = 2026-01-02\n\n[seo]\ntitle = "T"\n+++\n',
    );
    const json = '{\n  "title": "Lamps",\n  "date": "2026-01-02"\n}\n';
    expect(save(json, { title: 'Lamps', description: 'D', date: '2026-01-02' })).toBe(
      '{\n  "title": "Lamps",\n  "description": "D",\n  "date": "2026-01-02"\n}\n',
    );
    expect(save(json, { first: 1, title: 'Lamps', date: '2026-01-02' })).toBe(
      '{\n  "first": 1,\n  "title": "Lamps",\n  "date": "2026-01-02"\n}\n',
    );
  });

  it('removes a key’s lines, including a multi-line value and a trailing comment', () => {
    expect(saveField(DECAP_POST, ['seo', 'description'], undefined)).toBe(
      replaceOnce(DECAP_POST, DESCRIPTION_LINES, ''),
    );
    expect(saveField(DECAP_POST, ['layout'], undefined)).toBe(
      replaceOnce(DECAP_POST, "layout: 'wide' # unknown to the schema, kept as is\n", ''),
    );
    expect(saveField(DECAP_POST, ['draft'], undefined)).toBe(replaceOnce(DECAP_POST, 'draft: false\n', ''));
  });

  it('adds and removes list items in the list’s own style', () => {
    const { data, body } = parsePostFile(DECAP_POST);
    const grown = withValue(
      data,
      ['category'],
      [
        { value: 'category-Xy12ab', label: 'Field Notes' },
        { value: 'category-Pq34cd', label: 'Harbour Life' },
      ],
    );
    const saved = updatePostFile(DECAP_POST, { frontMatter: grown, body });
    const expected = replaceOnce(
      DECAP_POST,
      '    label: Field Notes\n',
      '    label: Field Notes\n  - value: category-Pq34cd\n    label: Harbour Life\n',
    );
    expect(saved).toBe(expected);

    const { data: grownData } = parsePostFile(saved);
    const shrunk = withValue(grownData, ['category', 0], undefined);
    expect(updatePostFile(saved, { frontMatter: shrunk, body })).toBe(
      replaceOnce(saved, '  - value: category-Xy12ab\n    label: Field Notes\n', ''),
    );
  });

  it('writes an emptied list or object as [] or {}', () => {
    expect(saveField(DECAP_POST, ['category'], [])).toBe(
      replaceOnce(DECAP_POST, 'category:\n  - value: category-Xy12ab\n    label: Field Notes\n', 'category: []\n'),
    );
  });

  it('keeps unknown keys and comments when known fields change', () => {
    const saved = saveField(DECAP_POST, ['seo', 'title'], 'Night Shift');
    expect(saved).toContain("# checked by the copy desk\nlayout: 'wide' # unknown to the schema, kept as is\n");
    expect(parsePostFile(saved).data.layout).toBe('wide');
  });
});

describe('updatePostFile: body and file conventions', () => {
  it('writes an edited body with the file’s CRLF endings, keeping the BOM and the missing final newline', () => {
    const { data } = parsePostFile(CRLF_POST);
    const body = 'The pilot boat left at dawn.\n\nEvery crossing starts with the wind.\n';
    const saved = updatePostFile(CRLF_POST, { frontMatter: data, body });
    const frontMatter = CRLF_POST.slice(0, CRLF_POST.indexOf('---\r\nThe pilot') + 5);
    expect(saved).toBe(`${frontMatter}The pilot boat left at dawn.\r\n\r\nEvery crossing starts with the wind.`);
    expect(saved.startsWith('\uFEFF---\r\n')).toBe(true);
  });

  it('patches CRLF front matter without touching other lines', () => {
    const saved = saveField(CRLF_POST, ['seo', 'twitterUsername'], '@harbourdesk');
    expect(saved).toBe(
      replaceOnce(CRLF_POST, 'twitterUsername: "@examplepress"\r\n', 'twitterUsername: "@harbourdesk"\r\n'),
    );
  });

  it('adds a final newline to an edited body when the file had one', () => {
    const original = '---\ntitle: Short\n---\nOld text\n';
    expect(updatePostFile(original, { frontMatter: { title: 'Short' }, body: 'New text' })).toBe(
      '---\ntitle: Short\n---\nNew text\n',
    );
  });

  it('gives a file without front matter a YAML block when fields are added', () => {
    expect(updatePostFile('Plain text.\n', { frontMatter: { title: 'Added' }, body: 'Plain text.\n' })).toBe(
      '---\ntitle: Added\n---\nPlain text.\n',
    );
  });

  it('adds fields to empty front matter and a body after a closing fence that ended the file', () => {
    expect(updatePostFile('---\n---', { frontMatter: { title: 'Hello' }, body: 'Body' })).toBe(
      '---\ntitle: Hello\n---\nBody',
    );
  });
});

describe('updatePostFile: every value reads back exactly', () => {
  const tricky = [
    '',
    'yes',
    '0123',
    'a: b',
    '#hashtag',
    '- dash',
    'two\nlines\n',
    ' padded ',
    "it's",
    'say "hi"',
    '@handle',
    '~',
    '[x]',
    'ünïcödé ✓',
    7,
    2.5,
    true,
    null,
  ];

  for (const value of tricky) {
    it(`writes author = ${JSON.stringify(value)} on its own line and leaves every other line alone`, () => {
      const saved = saveField(DECAP_POST, ['author'], value);
      expect(parsePostFile(saved).data.author).toEqual(value);
      const lines = saved.split('\n');
      const authorLine = lines.findIndex((line) => line.startsWith('author: '));
      expect(authorLine).toBe(2);
      lines.splice(authorLine, 1);
      expect(lines.join('\n')).toBe(DECAP_POST.replace('author: Mara Quill\n', ''));
    });
  }

  it('falls back to rewriting when an aliased anchor changes, keeping CRLF and the body', () => {
    const original = '---\r\nbase: &b one\r\ncopy: *b\r\n---\r\nBody\r\n';
    const saved = updatePostFile(original, { frontMatter: { base: 'two', copy: 'one' }, body: 'Body\n' });
    expect(saved).toBe('---\r\nbase: two\r\ncopy: one\r\n---\r\nBody\r\n');
  });
});
