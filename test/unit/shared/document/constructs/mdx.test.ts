/**
 * MDX posts: JSX, ESM and expressions are kept byte for byte as labelled raw source, the prose
 * around them is rich text, and what a writer types is written so the file still compiles.
 */
import { readFileSync } from 'node:fs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $isTextNode,
  type ParagraphNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../../shared/document/constructs/mdx/syntax';
import { parsePostFile, updatePostFile } from '../../../../../shared/content/post-file';
import {
  $isRawBlockNode,
  $isRawTextNode,
  isMdxPath,
  loadDocument,
  parseMarkdown,
  roundtripMarkdown,
  saveDocument,
} from '../../../../../shared/document';
import { changedLines, edit } from '../helpers';

const MDX = { mdx: true };
const fixture = (file: string): string =>
  readFileSync(new URL(`../../../../fixtures/posts/${file}`, import.meta.url), 'utf8');

const POST = `import { Image } from 'astro:assets';
import Chart from '../../components/Chart.astro';
export const meta = { updated: '2026-02-01' };

# Tides in {meta.updated.slice(0, 4)}

Press <Kbd>Ctrl</Kbd> + <Kbd>K</Kbd> to open the search. The chart costs {price} credits.

<Chart data={tides} height={240} />

<Callout type="tip">
  Markdown **inside** a component.

  A second paragraph.
</Callout>

{/* a note for editors */}

Written with \\{ escaped braces \\} and a \\<b> that is text.

\`\`\`js
const x = { a: 1 };
\`\`\`
`;

/** The top-level blocks as [Lexical type, raw kind]. */
function blocksOf(markdown: string): Array<[string, string]> {
  return loadDocument(markdown, MDX)
    .getEditorState()
    .read(() =>
      $getRoot()
        .getChildren()
        .map((node): [string, string] => [node.getType(), $isRawBlockNode(node) ? node.getKind() : '']),
    );
}

function $paragraphContaining(text: string): ParagraphNode {
  const found = $getRoot()
    .getChildren()
    .filter($isParagraphNode)
    .find((node) => node.getTextContent().includes(text));
  if (!found) throw new Error(`no paragraph containing ${text}`);
  return found;
}

/** True when the text parses as MDX (the site's build would accept it). */
function compiles(markdown: string): boolean {
  return parseMarkdown(markdown, MDX).children.every((node) => (node.type as string) !== 'mdxUnreadable');
}

describe('MDX posts round-trip byte for byte', () => {
  it('keeps imports, exports, JSX blocks, inline JSX and expressions exactly', () => {
    expect(roundtripMarkdown(POST, MDX)).toBe(POST);
  });

  it.each(['astro-components.mdx', 'mdx-shortcuts.mdx'])('%s, as a whole post file', (file) => {
    const original = fixture(file);
    const post = parsePostFile(original);
    expect(isMdxPath(file)).toBe(true);
    expect(compiles(post.body)).toBe(true);
    expect(updatePostFile(original, { frontMatter: post.data, body: roundtripMarkdown(post.body, MDX) })).toBe(
      original,
    );
  });

  it('keeps a body that is not valid MDX whole, as one labelled raw block', () => {
    const broken = 'Intro.\n\n<Callout>\nnever closed\n\n<!-- an HTML comment -->\n';
    expect(roundtripMarkdown(broken, MDX)).toBe(broken);
    expect(blocksOf(broken)).toEqual([['md-raw-block', 'mdx-unreadable']]);
  });
});

describe('MDX constructs in the editor', () => {
  it('shows JSX, ESM and expressions as labelled raw blocks and the prose as rich text', () => {
    expect(blocksOf(POST)).toEqual([
      ['md-raw-block', 'mdx-import'],
      ['heading', ''],
      ['paragraph', ''],
      ['md-raw-block', 'mdx-component'],
      ['md-raw-block', 'mdx-component'],
      ['md-raw-block', 'mdx-expression'],
      ['paragraph', ''],
      ['code', ''],
    ]);
  });

  it('an export block on its own is labelled as an export', () => {
    expect(blocksOf("export const layout = 'post';\n\nText.\n")[0]).toEqual(['md-raw-block', 'mdx-export']);
  });

  it('keeps inline JSX and expressions inside a paragraph as inline raw source', () => {
    const editor = loadDocument(POST, MDX);
    const inline = editor.getEditorState().read(() =>
      $paragraphContaining('to open the search')
        .getChildren()
        .filter($isRawTextNode)
        .map((node) => [node.getKind(), node.getTextContent()]),
    );
    expect(inline).toEqual([
      ['mdx-component', '<Kbd>Ctrl</Kbd>'],
      ['mdx-component', '<Kbd>K</Kbd>'],
      ['mdx-expression', '{price}'],
    ]);
  });

  it('reads a .md file with HTML as Markdown, as before (MDX only for .mdx)', () => {
    const markdown = '<div class="note">\nhi\n</div>\n\nA { brace } and a < sign.\n';
    expect(isMdxPath('notes.md')).toBe(false);
    const kinds = loadDocument(markdown)
      .getEditorState()
      .read(() =>
        $getRoot()
          .getChildren()
          .map((node) => ($isRawBlockNode(node) ? node.getKind() : node.getType())),
      );
    expect(kinds).toEqual(['html', 'paragraph']);
    expect(roundtripMarkdown(markdown)).toBe(markdown);
  });
});

describe('editing an MDX post', () => {
  it('editing one paragraph changes only that line, inline JSX included', () => {
    const editor = loadDocument(POST, MDX);
    edit(editor, () => {
      const last = $paragraphContaining('to open the search')
        .getChildren()
        .filter($isTextNode)
        .filter((node) => !$isRawTextNode(node))
        .pop();
      if (!last) throw new Error('no text');
      last.setTextContent(`${last.getTextContent()} Cheap!`);
    });
    const saved = saveDocument(editor);
    expect(changedLines(POST, saved)).toEqual([
      [
        7,
        'Press <Kbd>Ctrl</Kbd> + <Kbd>K</Kbd> to open the search. The chart costs {price} credits.',
        'Press <Kbd>Ctrl</Kbd> + <Kbd>K</Kbd> to open the search. The chart costs {price} credits. Cheap!',
      ],
    ]);
    expect(compiles(saved)).toBe(true);
  });

  it('editing a paragraph of a fixture post changes only that line', () => {
    const original = fixture('mdx-shortcuts.mdx');
    const post = parsePostFile(original);
    const editor = loadDocument(post.body, MDX);
    edit(editor, () => {
      const first = $paragraphContaining('Most editors ship').getFirstChild();
      if (!$isTextNode(first)) throw new Error('no text');
      first.setTextContent(first.getTextContent().replace('hundreds', 'thousands'));
    });
    const saved = updatePostFile(original, { frontMatter: post.data, body: saveDocument(editor) });
    const changed = changedLines(original, saved);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.[2]).toContain('thousands of shortcuts');
  });

  it('escapes a { or < the writer types, so the file still compiles and reads back as that text', () => {
    const editor = loadDocument(POST, MDX);
    edit(editor, () => {
      $paragraphContaining('Written with').insertAfter(
        $createParagraphNode().append($createTextNode('Use {name} when a < b or <i>.')),
      );
    });
    const saved = saveDocument(editor);
    expect(saved).toContain('Use \\{name} when a \\< b or \\<i>.');
    expect(compiles(saved)).toBe(true);
    const typed = loadDocument(saved, MDX)
      .getEditorState()
      .read(() => $paragraphContaining('when a').getTextContent());
    expect(typed).toBe('Use {name} when a < b or <i>.');
  });

  it('does not escape braces in a .md post, where they are plain text', () => {
    const editor = loadDocument('First.\n');
    edit(editor, () => $getRoot().append($createParagraphNode().append($createTextNode('Use {name} here.'))));
    expect(saveDocument(editor)).toBe('First.\n\nUse {name} here.\n');
  });

  it('a JSX block the writer edits is written as typed', () => {
    const editor = loadDocument(POST, MDX);
    edit(editor, () => {
      const chart = $getRoot()
        .getChildren()
        .find((node) => $isRawBlockNode(node) && node.getTextContent().startsWith('<Chart'));
      const text = chart && $isRawBlockNode(chart) ? chart.getFirstChild() : null;
      if (!$isTextNode(text)) throw new Error('no chart');
      text.setTextContent(text.getTextContent().replace('240', '320'));
    });
    const saved = saveDocument(editor);
    expect(changedLines(POST, saved)).toEqual([
      [9, '<Chart data={tides} height={240} />', '<Chart data={tides} height={320} />'],
    ]);
  });
});
