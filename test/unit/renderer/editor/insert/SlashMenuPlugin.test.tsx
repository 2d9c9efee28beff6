// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { mountEditor, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function render(): Promise<LexicalEditor> {
  harness = await mountEditor('The first ferry leaves at seven.\n', { path: 'content/posts/ferries.md' });
  return harness.editor;
}

/** Makes the last paragraph read `text` with the caret at its end, committed at once. */
function typeLine(editor: LexicalEditor, text: string) {
  editor.update(
    () => {
      const root = $getRoot();
      let line = root.getLastChild();
      if (!line || line.getTextContent().startsWith('The first ferry')) {
        line = $createParagraphNode();
        root.append(line);
      }
      const paragraph = line as ReturnType<typeof $createParagraphNode>;
      paragraph.clear();
      paragraph.append($createTextNode(text));
      paragraph.selectEnd();
    },
    { discrete: true },
  );
}

const menu = () => document.querySelector('[role="listbox"][aria-label="Insert"]');

describe('the "/" insert menu', () => {
  it('opens on "/" and closes once the text after it matches no block', async () => {
    const editor = await render();
    await act(async () => typeLine(editor, '/'));
    expect(menu()).not.toBeNull();
    await act(async () => typeLine(editor, '/usr'));
    expect(menu()).toBeNull();
  });

  it('stays closed when the key that closes it comes before its opening has rendered', async () => {
    const editor = await render();
    // Both keystrokes land before React renders: the opening (a transition) would otherwise
    // arrive after the close and leave the menu open over "/usr/local".
    await act(async () => {
      typeLine(editor, '/u');
      typeLine(editor, '/usr');
    });
    await act(async () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(menu()).toBeNull();
  });
});

describe('choosing from the "/" menu', () => {
  it('empties the "/" line and makes it the block chosen', async () => {
    const editor = await render();
    await act(async () => typeLine(editor, '/quo'));
    const options = [...menu()!.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((option) => option.querySelector('.insert-menu__label')?.textContent)).toEqual(['Quote']);
    await act(async () => options[0]!.click());
    await act(async () => undefined);
    expect(menu()).toBeNull();
    expect(harness!.markdown()).toBe('The first ferry leaves at seven.\n\n>\n');
  });

  it('inserts a horizontal rule in place of the "/" line', async () => {
    const editor = await render();
    await act(async () => typeLine(editor, '/divider'));
    await act(async () => menu()!.querySelector<HTMLElement>('[role="option"]')!.click());
    await act(async () => undefined);
    expect(harness!.markdown()).toMatch(/^The first ferry leaves at seven\.\n\n(\*\*\*|---|___)\n/);
  });
});
