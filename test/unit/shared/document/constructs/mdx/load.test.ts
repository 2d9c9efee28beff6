// This file imports nothing that loads the MDX syntax up front: it checks the renderer's path,
// where the syntax arrives on demand.
import { describe, expect, it } from 'vitest';
import { loadMdxSyntax } from '../../../../../../shared/document/constructs/mdx/load';
import { mdxSyntaxLoaded } from '../../../../../../shared/document/constructs/mdx/syntax-slot';
import { parseMarkdown } from '../../../../../../shared/document/markdown/parse';

const BODY = "import Chart from './Chart.astro';\n\n<Chart data={counts} />\n\nSome *prose*.\n";

describe('loading the MDX syntax on demand', () => {
  it('refuses to read an .mdx body before the syntax is loaded, rather than reading it as Markdown', () => {
    expect(mdxSyntaxLoaded()).toBe(false);
    expect(() => parseMarkdown(BODY, { mdx: true })).toThrow(/MDX syntax is not loaded/);
    // Plain Markdown needs nothing extra.
    expect(parseMarkdown(BODY).children.map((node) => node.type)).toEqual(['paragraph', 'html', 'paragraph']);
  });

  it('reads imports and JSX as MDX once loaded', async () => {
    await loadMdxSyntax();
    expect(mdxSyntaxLoaded()).toBe(true);
    expect(parseMarkdown(BODY, { mdx: true }).children.map((node) => node.type)).toEqual([
      'mdxjsEsm',
      'mdxJsxFlowElement',
      'paragraph',
    ]);
  });
});
