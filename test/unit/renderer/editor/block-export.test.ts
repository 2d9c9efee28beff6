import { describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import { $exportMarkdown, loadDocument } from '../../../../shared/document';
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
  ].join('\n\n') + '\n';

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
    ];
    const states = [editor.getEditorState()];
    for (let round = 0; round < 120; round += 1) {
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
});
