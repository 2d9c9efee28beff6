import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { loadDocument } from '../../../../shared/document';
import { countWords } from '../../../../renderer/app/format';
import { WordTally } from '../../../../renderer/editor/plugins/word-tally';
import { seededRandom } from '../../../support/random';

/** Runs `edit` as one update, notes its dirty nodes like the plugin does, and returns both counts. */
function editAndCount(editor: LexicalEditor, tally: WordTally, edit: () => void): { tally: number; whole: number } {
  const remove = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) =>
    tally.noteChanges(dirtyLeaves, dirtyElements.keys()),
  );
  editor.update(edit, { discrete: true });
  remove();
  return editor
    .getEditorState()
    .read(() => ({ tally: tally.$count(), whole: countWords($getRoot().getTextContent()) }));
}

const BODY =
  'The keeper lit the lamp.\n\n## North light\n\n- gulls circle\n- the tide *comes* in\n\n> A quote of five words.\n\nLast paragraph here.\n';

describe('WordTally', () => {
  it('counts a loaded body like a count of its whole text', () => {
    const editor = loadDocument(BODY);
    const tally = new WordTally();
    editor.getEditorState().read(() => expect(tally.$count()).toBe(countWords($getRoot().getTextContent())));
  });

  it('stays equal to a whole-text count through typing, new, split, removed and replaced blocks', () => {
    const editor = loadDocument(BODY);
    const tally = new WordTally();
    editor.getEditorState().read(() => tally.$count());
    const next = seededRandom(7);
    const edits: Array<() => void> = [
      () => {
        const texts = $getRoot().getAllTextNodes();
        const text = texts[Math.floor(next() * texts.length)];
        if (text) text.setTextContent(`${text.getTextContent()} more words${next() < 0.5 ? ' ' : ''}`);
      },
      () => $getRoot().append($createParagraphNode().append($createTextNode('a brand new paragraph'))),
      () => {
        const blocks = $getRoot().getChildren();
        if (blocks.length > 1) blocks[Math.floor(next() * blocks.length)]?.remove();
      },
      () => {
        const block = $getRoot().getChildren()[0];
        if (block) block.replace($createParagraphNode().append($createTextNode('replaced with four words')));
      },
      () => {
        const leaf = $getRoot()
          .getAllTextNodes()
          .find((node) => $isTextNode(node) && node.getTextContent().includes(' '));
        const at = leaf?.getTextContent().indexOf(' ') ?? -1;
        if (leaf && at > 0) leaf.splitText(at);
      },
      () => {
        const first = $getRoot().getFirstChild();
        if ($isElementNode(first)) first.clear();
      },
    ];
    for (let step = 0; step < 60; step++) {
      const result = editAndCount(editor, tally, edits[Math.floor(next() * edits.length)]!);
      expect(result.tally, `after step ${step}`).toBe(result.whole);
    }
  });

  it('recounts everything when the whole state is replaced (undo, redo)', () => {
    const editor = loadDocument(BODY);
    const saved = editor.getEditorState();
    const tally = new WordTally();
    editAndCount(editor, tally, () =>
      $getRoot().append($createParagraphNode().append($createTextNode('three more words'))),
    );
    const remove = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) =>
      tally.noteChanges(dirtyLeaves, dirtyElements.keys()),
    );
    editor.setEditorState(saved);
    remove();
    editor.getEditorState().read(() => expect(tally.$count()).toBe(countWords($getRoot().getTextContent())));
  });
});
