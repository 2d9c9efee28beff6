/**
 * parseMarkdown runs GFM's autolink-literal transform only where a text node could hold one: the
 * tree must be exactly the one the stock extensions give, positions included, on every fixture,
 * every CommonMark spec example and literal autolinks of every kind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { templateTagFromMarkdown, templateTagSyntax } from '../../../../../shared/document/constructs/shortcode/syntax';
import { parseMarkdown } from '../../../../../shared/document/markdown/parse';
import { commonmarkCases } from '../fixtures/commonmark-cases';

const stock = (markdown: string) =>
  fromMarkdown(markdown, {
    extensions: [gfm(), templateTagSyntax()],
    mdastExtensions: [gfmFromMarkdown(), templateTagFromMarkdown()],
  });

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return /\.(md|markdown)$/.test(name) ? [full] : [];
  });
}

const root = path.resolve(import.meta.dirname, '../../../../..');
const files = [
  ...markdownFiles(path.join(root, 'test/fixtures')),
  ...markdownFiles(path.join(root, 'test/unit/shared/document/fixtures')),
];
const { tests: spec } = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };

const AUTOLINKS = [
  'See www.example.com/path?q=1 and https://example.com.',
  'HTTP://EXAMPLE.COM and WWW.EXAMPLE.COM',
  'Mail keeper@example.com, mailto:keeper@example.com or xmpp:keeper@example.com/lamp.',
  '*emphasis www.example.com* and **strong https://a.example**',
  '[a link www.example.com](https://example.com) and [ref www.example.com][r]\n\n[r]: https://example.com',
  '| cell www.example.com | a@b.co |\n| --- | --- |',
  'No autolink here, only text: the keeper lit the lamp.',
];

describe('parseMarkdown', () => {
  it('gives the stock GFM tree for every fixture file', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files)
      expect(parseMarkdown(readFileSync(file, 'utf8')), file).toEqual(stock(readFileSync(file, 'utf8')));
  });

  it('gives the stock GFM tree for every CommonMark spec example and our CommonMark cases', () => {
    expect(spec.length).toBeGreaterThan(600);
    for (const { markdown } of spec) expect(parseMarkdown(markdown), markdown).toEqual(stock(markdown));
    for (const [name, markdown] of commonmarkCases) expect(parseMarkdown(markdown), name).toEqual(stock(markdown));
  });

  it('still turns literal autolinks into links, exactly as stock GFM does', () => {
    for (const markdown of AUTOLINKS) expect(parseMarkdown(markdown), markdown).toEqual(stock(markdown));
    expect(JSON.stringify(parseMarkdown(AUTOLINKS[0]!))).toContain('"url":"http://www.example.com/path?q=1"');
  });
});
