import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot, $getState, $isElementNode, type LexicalEditor } from 'lexical';
import { createDocumentEditor, loadDocument, saveDocument } from '../../../../../shared/document';
import { StagedImport, type StagedSizes } from '../../../../../shared/document/convert/staged-import';
import { $getDocumentInfo, blockSourceState } from '../../../../../shared/document/state';

const SMALL: StagedSizes = { stagedFrom: 0, firstPart: 0, piece: 0 };

// Every kind of block a prefix can cut through: loose lists, fenced code with blank lines, a
// table, a quote, setext headings, HTML, a paired shortcode around blank lines, hard wraps.
const SECTION = [
  'The keeper lit the lamp at dusk, as his father had,\nand wrote the time in the log.',
  'Setext heading\n==============',
  '* gulls circle the rock\n\n* the tide *comes* in\n    + twice a day\n\n    + and twice a night',
  '```js\nconst tide = 2;\n\n\nlog(tide);\n```',
  '| Hour  | Lamp |\n|-------|:----:|\n| 18:00 | lit  |',
  '> A quote of __five__ words.\n>\n> And a second paragraph.',
  '{{< details summary="Logbook" >}}\n\nInside a paired shortcode.\n\nA second paragraph inside.\n\n{{< /details >}}',
  '<div class="note">\n\nHTML around *Markdown*.\n\n</div>',
  '1. first\n2. second\n\n   continued\n3. third',
  '    indented code\n\n    still code',
  'Snake_case_words and 2 * 3 stay as\\* written.  \nA hard break above.',
].join('\n\n');

/** A long body from every fixture post with no definitions, and the section above. */
function corpus(): string {
  const dir = path.join(__dirname, '../../../../fixtures/posts');
  const bodies = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8').replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, ''))
    .filter((body) => !/^ {0,3}\[[^\]\n]+\]:/m.test(body));
  return [SECTION, ...bodies, SECTION, ...bodies, SECTION].join('\n\n');
}

/** The editor's tree as JSON, block sources without their import's id. */
function treeOf(editor: LexicalEditor): unknown {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => {
        const { doc: _doc, ...source } = $getState(block, blockSourceState) ?? { doc: '' };
        const json = JSON.parse(
          JSON.stringify(block.exportJSON(), (key, value: unknown) => (key === '$' ? undefined : value)),
        );
        const children = $isElementNode(block)
          ? JSON.stringify(block.getChildren().map((child) => child.exportJSON()))
          : '';
        return { json, children: children.replace(/"\$":\{[^}]*\},?/g, ''), source };
      }),
  );
}

function update(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}

/**
 * Imports `markdown` in parts (the first cut after `firstPart` characters, later pieces of about
 * `piece`), `between` running after the first part.
 */
function staged(
  markdown: string,
  firstPart: number,
  between?: (editor: LexicalEditor) => void,
  piece = 0,
): LexicalEditor {
  const plan = StagedImport.plan(markdown, {}, { ...SMALL, firstPart, piece });
  if (!plan) throw new Error(`no staged import at ${firstPart}`);
  const editor = createDocumentEditor();
  update(editor, () => plan.$importFirst());
  between?.(editor);
  let rounds = 0;
  while (!plan.done) {
    update(editor, () => plan.$importMore(0));
    rounds += 1;
    if (rounds > 100_000) throw new Error('the staged import never finished');
  }
  return editor;
}

describe('a long post imported in parts', () => {
  const markdown = corpus();

  it('builds the same blocks as a whole import, and writes the same bytes, wherever the first part ends', () => {
    const whole = treeOf(loadDocument(markdown));
    // Every blank line in the first half is a cut once (the first part ends at the blank line at or after `firstPart`).
    const cuts = [...markdown.matchAll(/\n[ \t]*\n/g)]
      .map((match) => match.index)
      .filter((at) => at < markdown.length / 2);
    for (const firstPart of cuts) {
      const editor = staged(markdown, firstPart, undefined, 700);
      expect(saveDocument(editor), `first part from ${firstPart}`).toBe(markdown);
      expect(treeOf(editor), `first part from ${firstPart}`).toEqual(whole);
    }
    expect(cuts.length).toBeGreaterThan(60);
  });

  it('builds the same blocks and bytes whatever the size of the later pieces', () => {
    const whole = treeOf(loadDocument(markdown));
    for (const piece of [1, 150, 700, 2_500, 9_000]) {
      for (const firstPart of [0, 900, 2_000]) {
        const editor = staged(markdown, firstPart, undefined, piece);
        expect(saveDocument(editor), `pieces of ${piece} after ${firstPart}`).toBe(markdown);
        expect(treeOf(editor), `pieces of ${piece} after ${firstPart}`).toEqual(whole);
      }
    }
  });

  it('ends with the style of the whole document, tallied piece by piece', () => {
    // Markers the first pieces do not use (setext headings and `_` emphasis come late) must still count.
    const late = `${markdown}\n\nLate heading\n============\n\nMore _late_ and _later_ __words__ here.\n`;
    const styleOf = (editor: LexicalEditor) => editor.getEditorState().read(() => $getDocumentInfo($getRoot()).style);
    const whole = styleOf(loadDocument(late));
    for (const piece of [1, 700, 9_000])
      expect(styleOf(staged(late, 0, undefined, piece)), `pieces of ${piece}`).toEqual(whole);
  });

  it('writes every byte while only the first part is in', () => {
    const plan = StagedImport.plan(markdown, {}, { ...SMALL, firstPart: 3000 })!;
    const editor = createDocumentEditor();
    update(editor, () => plan.$importFirst());
    const shown = editor.getEditorState().read(() => $getRoot().getChildrenSize());
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan((treeOf(loadDocument(markdown)) as unknown[]).length / 2);
    expect(saveDocument(editor)).toBe(markdown);
  });

  it('keeps an edit made in the first part while the rest arrives, and every other byte', () => {
    for (let firstPart = 200; firstPart < markdown.length / 2; firstPart += 401) {
      const editor = staged(markdown, firstPart, (opened) =>
        update(opened, () => {
          const first = $getRoot().getFirstChild();
          if ($isElementNode(first)) first.append($createTextNode(' Typed while loading.'));
        }),
      );
      expect(saveDocument(editor), `first part from ${firstPart}`).toBe(
        markdown.replace('in the log.', 'in the log. Typed while loading.'),
      );
    }
  });

  it('keeps a paired template tag one block when the first cut falls inside it, edited meanwhile or not', () => {
    const paired = SECTION.indexOf('Inside a paired shortcode.');
    const cut = SECTION.indexOf('\n\n', paired);
    const untouched = staged(markdown, cut);
    expect(treeOf(untouched)).toEqual(treeOf(loadDocument(markdown)));
    expect(saveDocument(untouched)).toBe(markdown);

    const edited = staged(markdown, cut, (opened) =>
      update(opened, () => {
        const first = $getRoot().getFirstChild();
        if ($isElementNode(first)) first.append($createTextNode(' Edited.'));
      }),
    );
    const expected = markdown.replace('in the log.', 'in the log. Edited.');
    expect(saveDocument(edited)).toBe(expected);
    expect((treeOf(edited) as unknown[]).slice(1)).toEqual((treeOf(loadDocument(expected)) as unknown[]).slice(1));
  });

  it('reads a tag with no closing tag anywhere after it as a block of its own, wherever the cut', () => {
    const figure = '{{< figure src="/img/lamp.jpg" >}}';
    const post = [SECTION, figure, SECTION.replaceAll('details', 'aside')].join('\n\n');
    const whole = treeOf(loadDocument(post));
    for (const firstPart of [0, 400, SECTION.length - 20]) {
      const editor = staged(post, firstPart, undefined, 1);
      expect(saveDocument(editor)).toBe(post);
      expect(treeOf(editor)).toEqual(whole);
    }
  });

  it('imports short posts, MDX and posts with link definitions whole', () => {
    expect(StagedImport.plan('Short post.\n\nTwo paragraphs.\n')).toBeNull();
    expect(StagedImport.plan(markdown, { mdx: true }, SMALL)).toBeNull();
    expect(StagedImport.plan(`${markdown}\n\n[lamp]: https://example.org/lamp\n`, {}, SMALL)).toBeNull();
    expect(StagedImport.plan(`${markdown}\n\nA note.[^1]\n\n[^1]: The footnote.\n`, {}, SMALL)).toBeNull();
    expect(StagedImport.plan(markdown, {}, { ...SMALL, stagedFrom: markdown.length + 1, firstPart: 10 })).toBeNull();
    expect(StagedImport.plan(markdown, {}, SMALL)).not.toBeNull();
  });
});
