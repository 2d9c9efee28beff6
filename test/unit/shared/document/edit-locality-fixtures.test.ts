/**
 * Edit locality on whole post files (test/fixtures/posts/): editing one paragraph through the
 * Lexical API, or one front-matter value through updatePostFile, must change only that block's
 * or that value's line — never line endings, the BOM, shortcodes, reference definitions, table
 * alignment, badges or list markers elsewhere in the file.
 */
import { readFileSync } from 'node:fs';
import { $getRoot, $isParagraphNode, $isTextNode, type ParagraphNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import { parsePostFile, updatePostFile } from '../../../../shared/content/post-file';
import { loadDocument, roundtripMarkdown, saveDocument } from '../../../../shared/document';
import { changedLines, edit } from './helpers';

interface Fixture {
  file: string;
  /** Text found in exactly one top-level paragraph: the one to edit. */
  paragraph: string;
  /** The front-matter key to change, and its new value. */
  key: string;
  value: FrontMatterData[string];
  /** What the file must still contain byte for byte, checked as a sanity test of the fixture. */
  has?: string;
}

const FIXTURES: Fixture[] = [
  { file: 'crlf.md', paragraph: 'Every line of this file', key: 'title', value: 'Still CRLF', has: '\r\n' },
  { file: 'bom.md', paragraph: 'A second paragraph', key: 'draft', value: false, has: '\uFEFF---' },
  {
    file: 'hugo-shortcodes.md',
    paragraph: 'A paragraph with an inline',
    key: 'title',
    value: 'Shortcodes ashore',
    has: '{{< /details >}}',
  },
  { file: 'hugo-shortcodes.md', paragraph: 'Intro paragraph', key: 'categories', value: ['hugo', 'sea'] },
  { file: 'toml.md', paragraph: 'Another paragraph, wrapped', key: 'draft', value: true, has: '+++\n' },
  {
    file: 'reference-links.md',
    paragraph: 'Read the [harbour guide]',
    key: 'title',
    value: 'Reference links, edited',
    has: '[unused]:',
  },
  { file: 'reference-links.md', paragraph: 'Final words', key: 'title', value: 'Other title' },
  {
    file: 'table-alignment.md',
    paragraph: 'A paragraph after the table',
    key: 'title',
    value: 'Tables',
    has: '|:----------|------:|',
  },
  { file: 'badges.md', paragraph: 'A paragraph describing', key: 'layout', value: 'page', has: 'img.shields.io' },
  { file: 'badges.md', paragraph: 'Another paragraph', key: 'title', value: 'Badges!', has: '<p align="center">' },
  {
    file: 'nested-lists.md',
    paragraph: 'A paragraph after the lists',
    key: 'title',
    value: 'Lists',
    has: '        + spare',
  },
];

const read = (file: string): string =>
  readFileSync(new URL(`../../../fixtures/posts/${file}`, import.meta.url), 'utf8');

/** The 1-based numbers of the first line of `markdown` containing `text` and of the last line of its paragraph. */
function paragraphLines(markdown: string, text: string): { first: number; end: number } {
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.includes(text)) + 1;
  let end = first;
  while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
  return { first, end };
}

function $paragraphContaining(text: string): ParagraphNode {
  // Link brackets are Markdown, not text: `[harbour guide]` reads "harbour guide" in the editor.
  const found = $getRoot()
    .getChildren()
    .filter($isParagraphNode)
    .find((node) => node.getTextContent().includes(text.replace(/[[\]]/g, '')));
  if (!found) throw new Error(`no paragraph containing ${text}`);
  return found;
}

describe.each(FIXTURES)('$file (paragraph “$paragraph”, front matter $key)', ({ file, paragraph, key, value, has }) => {
  const original = read(file);
  const post = parsePostFile(original);

  it('is read as the fixture intends and round-trips byte for byte', () => {
    if (has !== undefined) expect(original).toContain(has);
    expect(original).toContain(paragraph);
    expect(roundtripMarkdown(post.body)).toBe(post.body);
    expect(updatePostFile(original, { frontMatter: post.data, body: roundtripMarkdown(post.body) })).toBe(original);
  });

  it('editing one paragraph changes only that paragraph’s last line', () => {
    const editor = loadDocument(post.body);
    edit(editor, () => {
      const last = $paragraphContaining(paragraph).getChildren().filter($isTextNode).pop();
      if (!last) throw new Error('the paragraph has no text');
      last.setTextContent(`${last.getTextContent()} (edited)`);
    });
    const saved = updatePostFile(original, { frontMatter: post.data, body: saveDocument(editor) });
    const changed = changedLines(original, saved);
    const { first, end } = paragraphLines(original, paragraph);
    expect(changed).toHaveLength(1);
    const [[line, before, after]] = changed as [[number, string, string]];
    expect(line).toBeGreaterThanOrEqual(first);
    expect(line).toBeLessThanOrEqual(end);
    expect(after.replace(' (edited)', '')).toBe(before);
  });

  it(`changing ${key} changes only its line`, () => {
    const saved = updatePostFile(original, { frontMatter: { ...post.data, [key]: value }, body: post.body });
    const changed = changedLines(original, saved);
    expect(changed).toHaveLength(1);
    const [[, before, after]] = changed as [[number, string, string]];
    expect(before.trimStart().startsWith(key)).toBe(true);
    expect(after.trimStart().startsWith(key)).toBe(true);
    expect(parsePostFile(saved)).toEqual({ ...post, data: { ...post.data, [key]: value } });
  });
});
