/** GitHub alerts: callouts in the editor, saved byte for byte, editable inside. */
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $isQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../../shared/document/constructs/mdx/syntax';
import {
  $createAlertNode,
  $isAlertNode,
  type AlertNode,
  loadDocument,
  roundtripMarkdown,
  saveDocument,
} from '../../../../../shared/document';
import { changedLines, edit } from '../helpers';

const DOC = `Intro paragraph.

> [!NOTE]
> Useful information that users should know,
> even when skimming.

> [!TIP]
> Helpful advice for doing things better.

> [!IMPORTANT]
> Key information users need to know.
>
> - first step
> - second step

> [!warning]
>
> Urgent info that needs *immediate* attention.

> [!CAUTION]
> Advises about risks.

> Just a quote, with [!NOTE] later on.

> [!NOTE] not a marker line

Outro.
`;

function $alerts(): AlertNode[] {
  return $getRoot().getChildren().filter($isAlertNode);
}

function $lastText(node: LexicalNode): LexicalNode {
  if (!$isElementNode(node)) return node;
  const last = node.getLastChild();
  return last ? $lastText(last) : node;
}

describe('GitHub alerts', () => {
  it('round-trip byte for byte, every kind and both marker layouts', () => {
    expect(roundtripMarkdown(DOC)).toBe(DOC);
    expect(roundtripMarkdown(DOC, { mdx: true })).toBe(DOC);
  });

  it('become alert nodes of their kind holding the text after the marker; other quotes stay quotes', () => {
    const editor = loadDocument(DOC);
    const seen = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((node) =>
          $isAlertNode(node) ? `${node.getAlertKind()}: ${node.getTextContent().slice(0, 24)}` : node.getType(),
        ),
    );
    expect(seen).toEqual([
      'paragraph',
      'note: Useful information that ',
      'tip: Helpful advice for doing',
      'important: Key information users ne',
      'warning: Urgent info that needs i',
      'caution: Advises about risks.',
      'quote',
      'quote',
      'paragraph',
    ]);
    const quotes = editor.getEditorState().read(() => $getRoot().getChildren().filter($isQuoteNode).length);
    expect(quotes).toBe(2);
  });

  it('editing the text of an alert changes only that line', () => {
    const editor = loadDocument(DOC);
    edit(editor, () => {
      const text = $lastText($alerts()[1] as AlertNode);
      if (!$isTextNode(text)) throw new Error('no text');
      text.setTextContent(`${text.getTextContent()} Really.`);
    });
    const saved = saveDocument(editor);
    expect(changedLines(DOC, saved)).toEqual([
      [8, '> Helpful advice for doing things better.', '> Helpful advice for doing things better. Really.'],
    ]);
  });

  it('editing the second line of a joined alert keeps the marker and first line', () => {
    const editor = loadDocument(DOC);
    edit(editor, () => {
      const text = $lastText($alerts()[0] as AlertNode);
      if (!$isTextNode(text)) throw new Error('no text');
      text.setTextContent(text.getTextContent().replace('skimming', 'skimming quickly'));
    });
    expect(changedLines(DOC, saveDocument(editor))).toEqual([
      [5, '> even when skimming.', '> even when skimming quickly.'],
    ]);
  });

  it('editing an alert whose marker stands alone keeps its blank line and lowercase marker', () => {
    const editor = loadDocument(DOC);
    edit(editor, () => {
      const text = $lastText($alerts()[3] as AlertNode);
      if (!$isTextNode(text)) throw new Error('no text');
      text.setTextContent(' attention today.');
    });
    expect(changedLines(DOC, saveDocument(editor))).toEqual([
      [18, '> Urgent info that needs *immediate* attention.', '> Urgent info that needs *immediate* attention today.'],
    ]);
  });

  it('a paragraph and a list added inside an alert are written inside it', () => {
    const editor = loadDocument(DOC);
    edit(editor, () => {
      const caution = $alerts()[4] as AlertNode;
      caution.append($createParagraphNode().append($createTextNode('Back up first.')));
      caution.append($createListNode('bullet').append($createListItemNode().append($createTextNode('really'))));
    });
    const saved = saveDocument(editor);
    expect(saved).toContain(
      '> [!CAUTION]\n> Advises about risks.\n>\n> Back up first.\n>\n> - really\n\n> Just a quote',
    );
  });

  it('a new alert made in the editor is written as GitHub documents it, with the text escaped', () => {
    const editor = loadDocument('Intro.\n');
    edit(editor, () => {
      $getRoot().append(
        $createAlertNode('[!TIP]').append($createParagraphNode().append($createTextNode('# not a heading'))),
      );
    });
    expect(saveDocument(editor)).toBe('Intro.\n\n> [!TIP]\n> \\# not a heading\n');
  });

  it('changing the kind keeps the marker’s case', () => {
    const editor = loadDocument(DOC);
    edit(editor, () => {
      ($alerts()[3] as AlertNode).setAlertKind('caution');
      ($alerts()[0] as AlertNode).setAlertKind('tip');
    });
    const changed = changedLines(DOC, saveDocument(editor));
    expect(changed).toEqual([
      [3, '> [!NOTE]', '> [!TIP]'],
      [16, '> [!warning]', '> [!caution]'],
    ]);
  });

  it('an alert with nothing under its marker still round-trips and gives the writer a paragraph', () => {
    const markdown = '> [!NOTE]\n\nAfter.\n';
    expect(roundtripMarkdown(markdown)).toBe(markdown);
    const inside = loadDocument(markdown)
      .getEditorState()
      .read(() =>
        $alerts()[0]
          ?.getChildren()
          .map((node) => $isParagraphNode(node)),
      );
    expect(inside).toEqual([true]);
  });
});
