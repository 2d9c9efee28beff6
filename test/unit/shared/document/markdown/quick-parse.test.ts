/**
 * The quick parser must give exactly micromark's tree for the whole source, positions included:
 * on generated bodies full of near misses (parse.test.ts covers the fixtures and the CommonMark
 * spec, through parseMarkdown), on each block kind it reads, and around the blocks it leaves to
 * micromark. It must also actually take the common blocks off micromark's hands.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { templateTagFromMarkdown, templateTagSyntax } from '../../../../../shared/document/constructs/shortcode/syntax';
import { parseMarkdown } from '../../../../../shared/document/markdown/parse';
import { quickBlock } from '../../../../../shared/document/markdown/quick-blocks';
import { quickParse, quickParseApplies } from '../../../../../shared/document/markdown/quick-parse';
import { markdownFuzzer } from '../../../../support/markdown-fuzz';

const stock = (markdown: string): Root =>
  fromMarkdown(markdown, {
    extensions: [gfm(), templateTagSyntax()],
    mdastExtensions: [gfmFromMarkdown(), templateTagFromMarkdown()],
  });

/** Parses `markdown` quickly, recording every slice handed to micromark. */
function quickWithSlices(markdown: string): { tree: Root; slices: string[] } {
  const slices: string[] = [];
  const tree = quickParse(markdown, (slice) => {
    slices.push(slice);
    return stock(slice);
  });
  return { tree, slices };
}

const BLOCKS: Record<string, string> = {
  paragraph:
    'The keeper lit *the lamp*, **twice**, with `oil()` and [a match](https://example.com/m_1?x=2#y).\nA second line (soft break) has __strong__, _emphasis_ and ~~struck~~ words, ![a lamp](/images/lamp.png "The lamp"), an escaped \\*star\\* and ends “here”.',
  heading: '### A heading with *emphasis* and `code`',
  fence: '```ts\nconst lamp = "lit";\n\n  // indented, with a blank line above\n```',
  'empty fence': '```\n```',
  quote: '> A quote with **strong** words\n> over two lines.\n>\n> And a second paragraph.',
  'bullet list': '- one *item*\n- two [links](/a)\n- three `codes`',
  'loose list': '* one\n* two\n\n* three after a blank line',
  'ordered list': '3) three\n4) four\n10) ten',
  table: '| Name | Notes | Count |\n|:-----|:-----:|------:|\n| lamp | *lit* | 3 |\n| rope |  | 12 |',
  rule: '***',
  'template tags': '{{< note >}}\nA note with {{% md %}}, {{ .Site.Title }} and {% raw %}.\n{{< /note >}}',
};

describe('quickParse', () => {
  it('reads each block kind itself, exactly as micromark does', () => {
    for (const [name, block] of Object.entries(BLOCKS)) {
      const markdown = `Before.\n\n${block}\n\nAfter.\n`;
      const read = quickBlock(markdown, 9, 3);
      expect(read, name).not.toBeNull();
      expect(read!.node, name).toEqual(stock(markdown).children[1]);
      expect(quickWithSlices(markdown), name).toEqual({ tree: stock(markdown), slices: [] });
    }
  });

  it('ends a paragraph where a block it reads interrupts it, and leaves both to micromark where it does not', () => {
    const interrupted =
      'More from the harbour:\n- the *ferry* times\n- the tide table\nread lazily on\n## Next\nA line\n> quoted\n- listed\n';
    expect(quickWithSlices(interrupted)).toEqual({ tree: stock(interrupted), slices: [] });
    const unread = 'A paragraph\n- [ ] a task item\n\nAfter.\n';
    const { tree, slices } = quickWithSlices(unread);
    expect(tree).toEqual(stock(unread));
    expect(slices).toEqual(['A paragraph\n- [ ] a task item\n\nAfter.']);
  });

  it('reads a long chain of blocks interrupting one another without deep recursion', () => {
    const chain = `Intro\n${Array.from({ length: 3000 }, (_, index) => (index % 2 ? '- an item' : '> a quote')).join('\n')}\n`;
    expect(parseMarkdown(chain)).toEqual(stock(chain));
  });

  it('gives micromark only the blocks it cannot read, and the first line of the block after them to check the seam', () => {
    const markdown =
      'First *quick* paragraph.\n\n<div>\nsome HTML\n</div>\n\nA quick paragraph again,\nover two lines.\n\n## Heading\n';
    const { tree, slices } = quickWithSlices(markdown);
    expect(tree).toEqual(stock(markdown));
    expect(slices).toEqual(['<div>\nsome HTML\n</div>\n\nA quick paragraph again,']);
    const table = 'Intro.\n\n<br>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(quickWithSlices(table)).toEqual({ tree: stock(table), slices: ['<br>\n\n| a | b |\n|---|---|\n| 1 | 2 |'] });
  });

  it('keeps a block that looks quick inside a fence micromark opened', () => {
    const markdown = 'Intro.\n\n~~~\nfirst\n\nSecond line of the fence\n\n~~~\n\nAfter the fence.\n';
    const { tree, slices } = quickWithSlices(markdown);
    expect(tree).toEqual(stock(markdown));
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(slices.length).toBeGreaterThan(1);
  });

  it('follows micromark where a block after indented code reads differently than at the start', () => {
    // micromark reads "3." right after indented code as a paragraph, not as a list starting at 3.
    for (const markdown of ['    code\n\n3. three\n2. two\n', '    code\n \n- x\n\n1. 7. not nested\n']) {
      expect(quickWithSlices(markdown).tree, markdown).toEqual(stock(markdown));
      expect(parseMarkdown(markdown), markdown).toEqual(stock(markdown));
    }
  });

  it('leaves sources with definitions, carriage returns or a byte order mark to micromark whole', () => {
    expect(quickParseApplies('Text [a][x].\n\n[x]: https://example.com\n')).toBe(false);
    expect(quickParseApplies('Text[^1].\n\n[^1]: A note.\n')).toBe(false);
    expect(quickParseApplies('Windows\r\nlines\r\n')).toBe(false);
    expect(quickParseApplies('\uFEFFMarked\n')).toBe(false);
    expect(quickParseApplies('Text.\n\n\uFEFFA line a slice could start with.\n')).toBe(false);
    expect(quickParseApplies('Plain *text*.\n')).toBe(true);
  });

  it('gives micromark’s tree for thousands of generated bodies, quick blocks and near misses alike', () => {
    let blocks = 0;
    let quick = 0;
    for (const seed of [1, 2, 3]) {
      const generate = markdownFuzzer(seed);
      for (let index = 0; index < 1500; index++) {
        const markdown = generate();
        const expected = stock(markdown);
        expect(parseMarkdown(markdown), markdown).toEqual(expected);
        for (const node of expected.children) {
          blocks += 1;
          if (quickBlock(markdown, node.position!.start.offset!, node.position!.start.line) !== null) quick += 1;
        }
      }
    }
    // The bodies must exercise the quick readers, not only their refusals.
    expect(quick).toBeGreaterThan(blocks / 6);
  });
});
