// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $createNodeSelection, $getRoot, $setSelection, type LexicalEditor } from 'lexical';
import { caretMovedUnseen } from '../../../../../renderer/editor/plugins/CaretSyncPlugin';
import { mountEditor, selectText, update, type EditorHarness } from '../editor-harness';

const BODY = 'The tide turns at noon.\n\nBring a coat.\n';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

/** Puts the page's caret `offset` characters into the paragraph reading `text`, without telling the editor. */
function movePageCaret(body: HTMLElement, text: string, offset: number): Selection {
  const paragraph = Array.from(body.querySelectorAll('p')).find((p) => p.textContent === text)!;
  const node = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode()!;
  const selection = document.getSelection()!;
  selection.collapse(node, offset);
  return selection;
}

// What a key does after such a move is tested in a real browser (e2e/editor-keys.spec.ts): this DOM
// reports a caret move at once, so the race cannot happen here.
describe('caretMovedUnseen', () => {
  it('tells a page caret elsewhere from the editor’s own, and leaves node selections alone', async () => {
    harness = await mountEditor(BODY);
    const { editor, body } = harness;
    await selectText(editor, 'tide', 'start');
    expect(caretMovedUnseen(editor, movePageCaret(body, 'Bring a coat.', 5))).toBe(true);
    expect(caretMovedUnseen(editor, movePageCaret(body, 'The tide turns at noon.', 4))).toBe(false);
    expect(caretMovedUnseen(editor, null)).toBe(false);

    await selectNode(editor);
    expect(caretMovedUnseen(editor, movePageCaret(body, 'Bring a coat.', 5))).toBe(false);
  });
});

async function selectNode(editor: LexicalEditor): Promise<void> {
  await update(editor, () => {
    const selection = $createNodeSelection();
    selection.add($getRoot().getFirstChildOrThrow().getKey());
    $setSelection(selection);
  });
}
