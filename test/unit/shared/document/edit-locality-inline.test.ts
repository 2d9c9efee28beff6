/**
 * Inline-level source preservation: changing one word in a block writes back every escape,
 * character reference, link form, code span, emphasis marker, hard break and template tag the
 * writer did not touch, so exactly one line of the file changes — the one with the new word.
 */
import { readFileSync } from 'node:fs';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { $getRoot, $isTextNode, type LexicalNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { parsePostFile } from '../../../../shared/content/post-file';
import {
  $isRawBlockNode,
  $isRawTextNode,
  loadDocument,
  roundtripMarkdown,
  saveDocument,
} from '../../../../shared/document';
import { changedLines, edit } from './helpers';

const read = (file: string): string =>
  parsePostFile(readFileSync(new URL(`../../../fixtures/posts/${file}`, import.meta.url), 'utf8')).body;

function $texts(node: LexicalNode = $getRoot()): TextNode[] {
  if ($isTextNode(node)) return $isRawTextNode(node) ? [] : [node];
  return 'getChildren' in node
    ? (node as unknown as { getChildren(): LexicalNode[] }).getChildren().flatMap((child) => $texts(child))
    : [];
}

/** Replaces the first whole-word `from` in the first text node holding it (what typing over it does). */
function $replaceWord(from: string, to: string, within: LexicalNode = $getRoot()): void {
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  const node = $texts(within).find((text) => word.test(text.getTextContent()));
  if (!node) throw new Error(`no text holds ${from}`);
  node.setTextContent(node.getTextContent().replace(word, to));
}

/** Loads `markdown`, runs the edit, and returns the one changed line (failing unless exactly one changed). */
function editOneLine(markdown: string, fn: () => void, options = {}): { out: string; line: string; before: string } {
  expect(roundtripMarkdown(markdown, options)).toBe(markdown);
  const editor = loadDocument(markdown, options);
  edit(editor, fn);
  const out = saveDocument(editor);
  const changed = changedLines(markdown, out);
  expect(changed.map(([, before, after]) => `${before} → ${after}`)).toHaveLength(1);
  const [[, before = '', line = '']] = changed as [[number, string, string]];
  return { out, line, before };
}

describe('a hard-wrapped paragraph keeps what the writer did not touch', () => {
  const post = read('hard-wrapped.md');

  it('shows soft line breaks as spaces in the editor', () => {
    const editor = loadDocument(post);
    const first = editor.getEditorState().read(() => $getRoot().getFirstChild()?.getTextContent() ?? '');
    expect(first).toContain('Some of them carry escapes: a literal (bracket), an ampersand written as &,');
    expect(first).not.toContain('\n');
  });

  it('typing at the end of the paragraph keeps \\( on another line', () => {
    const { line, out } = editOneLine(post, () => $replaceWord('too', 'too, and more'));
    expect(line).toBe('text. Dashes come as &#8212; and spaces as&nbsp;here, with a \\# sign too, and more.');
    expect(out).toContain('a literal \\(bracket\\), an ampersand written as &amp;,');
  });

  it('changing one word keeps &amp;, \\*, \\( and a literal ``` on the same and other lines', () => {
    const { line, before } = editOneLine(post, () => $replaceWord('starred', 'asterisked'));
    expect(before).toBe('a starred \\*aside\\* and a fenced-looking ``` run of backticks that is only');
    expect(line).toBe('a asterisked \\*aside\\* and a fenced-looking ``` run of backticks that is only');
  });

  it('a literal ``` in a paragraph is not escaped after an edit elsewhere in it', () => {
    const { line } = editOneLine(post, () => $replaceWord('backticks', 'graves'));
    expect(line).toBe('a starred \\*aside\\* and a fenced-looking ``` run of graves that is only');
  });

  it('keeps &#8212;, &nbsp; and \\# next to the edit', () => {
    const { line } = editOneLine(post, () => $replaceWord('Dashes', 'Rules'));
    expect(line).toBe('text. Rules come as &#8212; and spaces as&nbsp;here, with a \\# sign too.');
  });

  it('keeps autolinks, reference links, link titles and their quotes, code spans, markers and hard breaks', () => {
    const { line, out } = editOneLine(post, () => $replaceWord('second', 'later'));
    expect(line).toBe('A later paragraph links to <https://harbour.example/log> and to the');
    for (const kept of [
      "[tide tables][tides], to [the chart](https://charts.example/bay 'Bay chart')",
      'and uses ``code with ` a tick`` inside, *stars* and _underscores_, a hard  ',
      'break with spaces and one with a backslash\\',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('editing a link’s text keeps its destination and the title’s quotes', () => {
    const { line } = editOneLine(post, () => $replaceWord('chart', 'sea chart'));
    expect(line).toBe("[tide tables][tides], to [the sea chart](https://charts.example/bay 'Bay chart')");
  });

  it('editing a reference link’s text keeps the reference', () => {
    const { line } = editOneLine(post, () => $replaceWord('tables', 'charts'));
    expect(line).toBe("[tide charts][tides], to [the chart](https://charts.example/bay 'Bay chart')");
  });

  it('editing around a code span with a backtick inside keeps its fences', () => {
    const { line } = editOneLine(post, () => $replaceWord('inside', 'within'));
    expect(line).toBe('and uses ``code with ` a tick`` within, *stars* and _underscores_, a hard  ');
  });

  it('editing a list item keeps its wrapped line and escapes', () => {
    const { line } = editOneLine(post, () => $replaceWord('Second', 'Other'));
    expect(line).toBe('- Other item with &amp; and a `code` span.');
  });

  it('editing the wrapped line of a list item changes that line only', () => {
    const { line } = editOneLine(post, () => $replaceWord('escaped', 'quoted'));
    expect(line).toBe('  two lines with \\*quoted\\* stars.');
  });

  it('newly typed text is escaped only where it must be', () => {
    const { line } = editOneLine(post, () => $replaceWord('Dashes', '2 * 3 = snake_case [sic]'));
    expect(line).toBe('text. 2 * 3 = snake_case [sic] come as &#8212; and spaces as&nbsp;here, with a \\# sign too.');
    const emphasis = editOneLine(post, () => $replaceWord('Dashes', '*not emphasis* in snake_case'));
    expect(emphasis.line).toBe(
      'text. \\*not emphasis\\* in snake_case come as &#8212; and spaces as&nbsp;here, with a \\# sign too.',
    );
    const heading = editOneLine(post, () => $replaceWord('The', '# The'));
    expect(heading.line).toBe("\\# The keeper's log uses hard-wrapped lines, as many editors leave them. Some");
    const reference = editOneLine(post, () => $replaceWord('Dashes', 'see [tides]'));
    expect(reference.line).toBe('text. see \\[tides] come as &#8212; and spaces as&nbsp;here, with a \\# sign too.');
  });
});

describe('a padded table', () => {
  const post = read('hard-wrapped.md');
  const $cellText = (row: number, column: number): LexicalNode => {
    const table = $getRoot().getChildren().find($isTableNode);
    const cell = table?.getChildren().filter($isTableRowNode)[row]?.getChildren().filter($isTableCellNode)[column];
    if (!cell) throw new Error('no cell');
    return cell;
  };

  it('editing one cell changes only its row, keeping the padding', () => {
    const { line } = editOneLine(post, () => $replaceWord('sandy', 'muddy', $cellText(1, 2)));
    expect(line).toBe('| Northcove |   4.5 | muddy bottom       |');
  });

  it('a longer cell overflows its column on that row alone', () => {
    const { line } = editOneLine(post, () => $replaceWord('rocks', 'jagged rocks', $cellText(2, 2)));
    expect(line).toBe('| Eastmere  |  12.0 | jagged rocks at low water |');
  });

  it('a cell with an escaped pipe keeps it', () => {
    const { line } = editOneLine(post, () => $replaceWord('moorings', 'berths', $cellText(3, 2)));
    expect(line).toBe('| Saltby    |  7.25 | berths \\| buoys    |');
  });
});

describe('template tags', () => {
  it('typing inside a {{< code-toggle >}} body never escapes its TOML', () => {
    const post = read('hugo-code-toggle.md');
    const editor = loadDocument(post);
    const raw = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter($isRawBlockNode)
        .map((node) => node.getTextContent()),
    );
    expect(raw).toEqual([
      '{{< code-toggle file="hugo" >}}\n[params]\ntags = [\'red\',\'blue\']\n  [params.author]\n  name = "Ada *Quay*"\n{{< /code-toggle >}}',
    ]);
    const { line, out } = editOneLine(post, () => {
      const block = $getRoot().getChildren().find($isRawBlockNode);
      if (!block) throw new Error('no raw block');
      $replaceWord('blue', 'green', block);
    });
    expect(line).toBe("tags = ['red','green']");
    expect(out).toContain('[params]\n');
  });

  it('a paired shortcode inside a paragraph is kept whole when the paragraph is edited', () => {
    const post = read('hugo-code-toggle.md');
    const { line, out } = editOneLine(post, () => $replaceWord('restart', 'reload'));
    expect(line).toBe('Then reload the server. The {{< kbd "Ctrl+C" >}} key stops it, and');
    expect(out).toContain('{{< highlight go "linenos=table" >}}fmt.Println("*hi*"){{< /highlight >}} is Go.');
  });

  it('a Liquid page keeps its tags and their contents', () => {
    const post = read('liquid-page.md');
    const { line } = editOneLine(post, () => $replaceWord('written', 'drafted'));
    expect(line).toBe('and was drafted by {{ page.author | default: "the crew" }}.');
    const closing = editOneLine(post, () => $replaceWord('Closing', 'Final'));
    expect(closing.line).toBe('Final words for the Liquid page, with a {% link _posts/2026-01-01-hello.md %} link.');
  });
});
