import { describe, expect, it } from 'vitest';
import { parsePostFile, updatePostFile } from '../../../../shared/content/post-file';
import {
  parseTomlFrontMatter,
  patchToml,
  renderTomlValue,
  tomlRewrite,
} from '../../../../shared/content/toml-front-matter';
import type { JsonObject } from '../../../../shared/content/json-values';
import { TOML_POST, withValue } from './fixtures';

function save(original: string, change: (data: JsonObject) => void): string {
  const { data, body } = parsePostFile(original);
  const next = structuredClone(data);
  change(next);
  return updatePostFile(original, { frontMatter: next, body });
}

describe('TOML front matter', () => {
  it('patches a value under a quoted key with escapes in place, keeping every other byte', () => {
    const original = [
      '+++',
      'title = "Lanterns" # working title',
      '"key \\"with\\" quotes" = 1',
      '"caf\\u00e9" = "open late"',
      "'literal \\n key' = true",
      '+++',
      'Body',
      '',
    ].join('\n');
    expect(parsePostFile(original).data).toEqual({
      title: 'Lanterns',
      'key "with" quotes': 1,
      café: 'open late',
      'literal \\n key': true,
    });
    expect(save(original, (data) => (data['key "with" quotes'] = 2))).toBe(
      original.replace('quotes" = 1', 'quotes" = 2'),
    );
    expect(save(original, (data) => (data['café'] = 'closed'))).toBe(original.replace('"open late"', '"closed"'));
    expect(save(original, (data) => (data['literal \\n key'] = false))).toBe(original.replace('= true', '= false'));
    expect(save(original, (data) => (data.title = 'Lamps'))).toBe(original.replace('"Lanterns"', '"Lamps"'));
  });

  it('reads dates as the text written in the file', () => {
    expect(parseTomlFrontMatter('a = 2025-10-01T09:00:00Z\nb = 2025-10-01\nc = 2025-10-01 09:00:00\n', 2)).toEqual({
      a: '2025-10-01T09:00:00Z',
      b: '2025-10-01',
      c: '2025-10-01 09:00:00',
    });
  });

  it('reports the file line of a mistake', () => {
    expect(() => parsePostFile('+++\ntitle = "ok"\nbroken =\n+++\n')).toThrowError(
      /^The front matter has a mistake on line 3: /,
    );
  });

  it('changes values in place, keeping quote style, comments and bare dates', () => {
    const saved = save(TOML_POST, (data) => {
      data.title = 'Tide "Tables"';
      data.date = '2025-10-02T07:00:00Z';
      data.draft = false;
      (data.params as JsonObject).subtitle = 'A loud guide';
      (data.params as JsonObject).weight = 2;
    });
    expect(saved).toBe(`+++
title = "Tide \\"Tables\\""
date = 2025-10-02T07:00:00Z
tags = ["sea", "maps"]
draft = false # still being edited

[params]
subtitle = 'A loud guide'
weight = 2.0
+++
Reading a tide table is easier than it looks.
`);
  });

  it('adds keys to their table, removes keys, and appends new tables at the end', () => {
    const saved = save(TOML_POST, (data) => {
      data.author = 'Ivo Brand';
      delete data.draft;
      (data.params as JsonObject).color = 'blue';
      data.seo = { title: 'Tides' };
    });
    expect(saved).toBe(`+++
title = "Tide Tables for Beginners"
date = 2025-10-01T09:00:00Z
tags = ["sea", "maps"]
author = "Ivo Brand"

[params]
subtitle = 'A quiet guide to the harbour'
weight = 1.5
color = "blue"

[seo]
title = "Tides"
+++
Reading a tide table is easier than it looks.
`);
  });

  it('treats null as removing the key (TOML has no null)', () => {
    const { data, body } = parsePostFile(TOML_POST);
    const saved = updatePostFile(TOML_POST, { frontMatter: withValue(data, ['draft'], null), body });
    expect(saved).toBe(TOML_POST.replace('draft = true # still being edited\n', ''));
  });

  it('keeps a table made of dotted keys when its last key goes', () => {
    const source = 'title = "x"\nseo.title = "y"\n';
    const before = parseTomlFrontMatter(source, 2);
    expect(patchToml(source, before, { title: 'x', seo: {} })).toBe('title = "x"\nseo = {}\n');
  });

  it('leaves changes inside [[arrays of tables]] to the rewrite, which keeps dates bare', () => {
    const source = 'title = "x"\ndate = 2025-10-01T09:00:00Z\n\n[[resources]]\nsrc = "a.png"\n';
    const before = parseTomlFrontMatter(source, 2);
    const after = { ...before, resources: [{ src: 'b.png' }] };
    expect(patchToml(source, before, after)).toBeNull();
    expect(tomlRewrite(source, before, after)).toBe(
      'title = "x"\ndate = 2025-10-01T09:00:00Z\n\n[[resources]]\nsrc = "b.png"\n',
    );
  });
});

describe('renderTomlValue', () => {
  it('writes values in the old value’s notation where possible', () => {
    expect(renderTomlValue('plain', "'old'")).toBe("'plain'");
    expect(renderTomlValue("it's", "'old'")).toBe('"it\'s"');
    expect(renderTomlValue('2025-01-01', '2024-12-31')).toBe('2025-01-01');
    expect(renderTomlValue('2025-01-01', '"2024-12-31"')).toBe('"2025-01-01"');
    expect(renderTomlValue(['a', 1], '[ "x" ]')).toBe('[ "a", 1 ]');
    expect(renderTomlValue({ k: 'v', 'odd key': true })).toBe('{ k = "v", "odd key" = true }');
    expect(renderTomlValue('del\u007f')).toBe('"del\\u007f"');
  });
});
