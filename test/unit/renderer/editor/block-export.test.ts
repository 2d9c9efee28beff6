import { describe, expect, it, vi } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isRootNode,
  $setState,
  ElementNode,
  type LexicalEditor,
} from 'lexical';
import { $exportMarkdown, loadDocument } from '../../../../shared/document';
import { blockSourceState } from '../../../../shared/document/state';
import { exportBodyIncrementally } from '../../../../renderer/editor/block-export';
import { seededRandom } from '../../../support/random';

// A body with the constructs whose writing depends on their own source: hard-wrapped text, escapes,
// a list, a table, a quote, a shortcode and a fenced block.
const BODY =
  [
    'The keeper lit the lamp at dusk, as his father had,\nand wrote the time in the log.',
    '## North light',
    '- gulls circle the rock\n- the tide *comes* in\n  - twice a day',
    '| Hour | Lamp |\n| --- | :-: |\n| 18:00 | lit |\n| 06:00 | out |',
    '> A quote of five words.',
    '{{< figure src="/img/lamp.jpg" alt="The lamp" >}}',
    '```sh\necho "keep the light"\n```',
    'Snake_case_words and 2 * 3 stay as\\* written.',
  ].join('\n\n') + '\n\n\nA paragraph after a wide gap.\n\n\n\nAnd one after a wider one.\n';

const full = (editor: LexicalEditor) => editor.getEditorState().read(() => $exportMarkdown());

describe('incremental body export', () => {
  it('writes exactly what a full export writes, through random edits, new, removed and replaced blocks, and undo-like state swaps', () => {
    const editor = loadDocument(BODY);
    expect(exportBodyIncrementally(editor)).toBe(BODY);
    const next = seededRandom(11);
    const pick = <T>(items: T[]): T | undefined => items[Math.floor(next() * items.length)];
    const edits: Array<() => void> = [
      () => {
        const text = pick($getRoot().getAllTextNodes());
        if (text) text.setTextContent(`${text.getTextContent()} and *more*`);
      },
      () => $getRoot().append($createParagraphNode().append($createTextNode('A new paragraph at the end.'))),
      () => {
        const blocks = $getRoot().getChildren();
        if (blocks.length > 2) pick(blocks)?.remove();
      },
      () => {
        const block = pick($getRoot().getChildren());
        if (block) block.insertBefore($createParagraphNode().append($createTextNode('Inserted before a block.')));
      },
      () => {
        const block = pick($getRoot().getChildren());
        if ($isElementNode(block)) block.replace($createParagraphNode().append($createTextNode('Replaced wholesale.')));
      },
      // A block emptied writes nothing (and its neighbours' gaps change); an empty one filled writes again.
      () => {
        const block = pick($getRoot().getChildren());
        if ($isElementNode(block) && block.getType() === 'paragraph') block.clear();
      },
      () => {
        const empty = $getRoot()
          .getChildren()
          .filter((block) => $isElementNode(block) && block.getChildrenSize() === 0);
        const block = pick(empty);
        if ($isElementNode(block)) block.append($createTextNode('Filled again.'));
      },
      // A block that forgets its recorded source: the original gap after it no longer applies.
      () => {
        const block = pick($getRoot().getChildren());
        if (block) $setState(block, blockSourceState, null);
      },
      // Two neighbours changed in one update.
      () => {
        const blocks = $getRoot().getChildren();
        const at = Math.floor(next() * Math.max(1, blocks.length - 1));
        for (const block of blocks.slice(at, at + 2)) {
          const text = block && $isElementNode(block) ? block.getAllTextNodes()[0] : undefined;
          if (text) text.setTextContent(`${text.getTextContent()}, changed beside`);
        }
      },
    ];
    const states = [editor.getEditorState()];
    for (let round = 0; round < 400; round += 1) {
      if (round % 15 === 14) {
        // Undo and redo swap in a whole earlier state, marking only the root.
        editor.setEditorState(pick(states)!);
      } else {
        editor.update(pick(edits)!, { discrete: true });
        states.push(editor.getEditorState());
      }
      // Sometimes several updates land between two exports, as while typing between journal writes.
      if (next() < 0.6) expect(exportBodyIncrementally(editor)).toBe(full(editor));
    }
    expect(exportBodyIncrementally(editor)).toBe(full(editor));
  });

  it('keeps the export of another editor apart', () => {
    const first = loadDocument('First body.\n');
    const second = loadDocument('Second body.\n');
    expect(exportBodyIncrementally(first)).toBe('First body.\n');
    expect(exportBodyIncrementally(second)).toBe('Second body.\n');
  });

  it('writes an edit inside one block without walking every block again', () => {
    const editor = loadDocument(BODY);
    exportBodyIncrementally(editor);
    editor.update(
      () => {
        const text = $getRoot().getAllTextNodes()[0]!;
        text.setTextContent(`${text.getTextContent()} Then he slept.`);
      },
      { discrete: true },
    );
    const walks = vi.spyOn(ElementNode.prototype, 'getChildren');
    try {
      const body = exportBodyIncrementally(editor);
      expect(walks.mock.contexts.filter((node) => $isRootNode(node as ElementNode))).toHaveLength(0);
      expect(body).toBe(full(editor));
      expect(body).toContain('and wrote the time in the log. Then he slept.');
    } finally {
      walks.mockRestore();
    }
  });

  it('writes the gap after a touched block again when what it depends on changed', () => {
    const editor = loadDocument(BODY);
    exportBodyIncrementally(editor);
    editor.update(
      () => {
        const before = $getRoot()
          .getChildren()
          .find((block) => block.getTextContent() === 'A paragraph after a wide gap.')!;
        // Without its recorded source the block no longer owns the original text between it and the next.
        $setState(before, blockSourceState, null);
      },
      { discrete: true },
    );
    const body = exportBodyIncrementally(editor);
    expect(body).toBe(full(editor));
    expect(body).toContain('A paragraph after a wide gap.\n\nAnd one after a wider one.\n');
  });
});
