import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { detectYamlLayout, patchYaml } from '../../../../shared/content/yaml-patch';
import { parseYamlFrontMatter } from '../../../../shared/content/yaml-front-matter';
import type { JsonObject } from '../../../../shared/content/json-values';

/** Patches `source` with `change` applied to its parsed data. */
function patch(source: string, change: (data: JsonObject) => void): string | null {
  const before = parseYamlFrontMatter(source, 1);
  const after = structuredClone(before);
  change(after);
  return patchYaml(source, before, after);
}

describe('patchYaml', () => {
  it('rewrites a literal block scalar in its own style, keeping the blank line after it', () => {
    const source = 'intro: |\n  Line one\n  Line two\n\nnext: 1\n';
    expect(patch(source, (data) => (data.intro = 'New one\nNew two\n'))).toBe(
      'intro: |\n  New one\n  New two\n\nnext: 1\n',
    );
    expect(patch(source, (data) => (data.intro = 'No final break'))).toBe('intro: |-\n  No final break\n\nnext: 1\n');
  });

  it('rewrites a folded block scalar, writing each real line break as an empty line', () => {
    const source = 'summary: >-\n  Folded\n  text\nnext: 1\n';
    expect(patch(source, (data) => (data.summary = 'First\nSecond'))).toBe(
      'summary: >-\n  First\n\n  Second\nnext: 1\n',
    );
  });

  it('rewrites a changed flow sequence on one line in its own spacing', () => {
    expect(patch('tags: [ a, b ]\n', (data) => (data.tags = ['a', 'b', 'c, d']))).toBe('tags: [ a, b, "c, d" ]\n');
    expect(patch('tags: [a]\n', (data) => (data.tags = []))).toBe('tags: []\n');
  });

  it('inserts and deletes items of an unindented sequence at the right place', () => {
    const source = 'list:\n- a # first\n- b\n- c\nafter: 1\n';
    expect(patch(source, (data) => (data.list = ['a', 'x', 'b', 'c']))).toBe(
      'list:\n- a # first\n- x\n- b\n- c\nafter: 1\n',
    );
    expect(patch(source, (data) => (data.list = ['b', 'c']))).toBe('list:\n- b\n- c\nafter: 1\n');
    expect(patch(source, (data) => (data.list = ['a', 'b']))).toBe('list:\n- a # first\n- b\nafter: 1\n');
  });

  it('fills an empty value that carries a comment, keeping the comment apart', () => {
    const source = 'subtitle:  # optional\ntitle: x\n';
    expect(patch(source, (data) => (data.subtitle = 'Tides'))).toBe('subtitle:  Tides # optional\ntitle: x\n');
    expect(patch(source, (data) => (data.subtitle = 3))).toBe('subtitle:  3 # optional\ntitle: x\n');
  });

  it('fills an empty value, and replaces a scalar that became a mapping', () => {
    expect(patch('empty:\ntitle: x\n', (data) => (data.empty = 'filled'))).toBe('empty: filled\ntitle: x\n');
    expect(patch('seo: none\nnext: 1\n', (data) => (data.seo = { title: 'T', tags: ['a'] }))).toBe(
      'seo:\n  title: T\n  tags:\n    - a\nnext: 1\n',
    );
  });

  it('removes the first key of a list item by pulling the next key up behind the dash', () => {
    const source = 'cat:\n  - value: v1\n    label: L1\n  - value: v2\n    label: L2\n';
    expect(patch(source, (data) => delete (data.cat as JsonObject[])[1]?.value)).toBe(
      'cat:\n  - value: v1\n    label: L1\n  - label: L2\n',
    );
  });

  it('keeps an anchor nothing refers to, and leaves aliased values to the fallback', () => {
    expect(patch('a: &x one\nb: 2\n', (data) => (data.a = 'two'))).toBe('a: &x two\nb: 2\n');
    // Rewriting `a` drops the anchor `b` needs, so the patch cannot stand; post-file then falls back.
    const aliased = patch('a: &x one\nb: *x\n', (data) => (data.a = 'two'));
    expect(aliased).toBe('a: two\nb: *x\n');
    expect(() => parseYamlFrontMatter(aliased as string, 2)).toThrowError(
      'The front matter starting on line 2 could not be read: Unresolved alias (the anchor must be set before the alias): x. Fix the alias (*name) it mentions, then open the post again.',
    );
  });

  it('keeps `<<` as an ordinary key (the core schema has no merge keys)', () => {
    const source = 'base: &d\n  k: 1\nmerged:\n  <<: *d\n  j: 2\n';
    expect(patch(source, (data) => ((data.merged as JsonObject).j = 3))).toBe(
      'base: &d\n  k: 1\nmerged:\n  <<: *d\n  j: 3\n',
    );
  });

  it('writes a value filled into an empty quoted string plain when it can, keeping other quotes', () => {
    expect(patch('title: ""\nnote: "x"\n', (data) => (data.title = 'Notizen vom Nachtmarkt'))).toBe(
      'title: Notizen vom Nachtmarkt\nnote: "x"\n',
    );
    expect(patch("title: ''\n", (data) => (data.title = 'a: b'))).toBe('title: "a: b"\n');
    expect(patch('title: "x"\n', (data) => (data.title = 'y'))).toBe('title: "y"\n');
  });

  it('puts a new key of a list item after the key before it; one that would go first goes last behind a dash', () => {
    const source = 'links:\n  - title: A\n    url: x\n  - url: y\n';
    const before: JsonObject = { links: [{ title: 'A', url: 'x' }, { url: 'y' }] };
    const after: JsonObject = {
      links: [
        { title: 'A', label: 'Home', url: 'x' },
        { title: 'B', url: 'y' },
      ],
    };
    expect(patchYaml(source, before, after)).toBe(
      'links:\n  - title: A\n    label: Home\n    url: x\n  - url: y\n    title: B\n',
    );
  });

  it('appends keys to a document that holds only comments', () => {
    expect(patch('# nothing yet\n', (data) => (data.title = 'First'))).toBe('# nothing yet\ntitle: First\n');
    expect(patch('', (data) => Object.assign(data, { title: 'T', tags: ['a'] }))).toBe('title: T\ntags:\n  - a\n');
  });

  it('writes new nested values in the file’s indentation', () => {
    const source = 'seo:\n    title: x\nlist:\n- a\n';
    expect(patch(source, (data) => (data.more = { deep: ['one'] }))).toBe(
      'seo:\n    title: x\nlist:\n- a\nmore:\n    deep:\n    - one\n',
    );
  });

  it('refuses documents whose root is not a block mapping', () => {
    expect(patchYaml('{a: 1}\n', { a: 1 }, { a: 2 })).toBeNull();
  });
});

describe('detectYamlLayout', () => {
  const layoutOf = (source: string) =>
    detectYamlLayout(source, parseDocument(source, { keepSourceTokens: true }).contents);

  it('reads the indentation step and sequence style', () => {
    expect(layoutOf('a:\n  b: 1\nc:\n  - x\n')).toEqual({ indent: 2, indentSeq: true });
    expect(layoutOf('a:\n    b: 1\nc:\n- x\n')).toEqual({ indent: 4, indentSeq: false });
  });

  it('defaults to two spaces and indented sequences', () => {
    expect(layoutOf('title: x\n')).toEqual({ indent: 2, indentSeq: true });
  });
});
