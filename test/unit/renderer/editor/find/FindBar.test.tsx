// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $getSelection, $getRoot, $createParagraphNode, $createTextNode } from 'lexical';
import { allByRole, click, getByRole, typeInto } from '../../dom';
import { mountEditor, selectText, update, type EditorHarness } from '../editor-harness';

const BODY = [
  'The harbour opens at six. Harbourside cafés open later.',
  '',
  'Walk to the harbour wall, then back to the HARBOUR gate.',
  '',
  'Run `harbour --map` to print it.',
  '',
].join('\n');

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.useRealTimers();
});

async function openFind(replace = false, body = BODY): Promise<EditorHarness> {
  harness ??= await mountEditor(body);
  const h = harness;
  await act(async () => h.tools.dispatch({ type: 'find', replace }));
  return h;
}

const bar = () => getByRole(document.body, 'search', 'Find and replace');
const status = () => getByRole(bar(), 'status').textContent;
const findField = () => getByRole(bar(), 'textbox', 'Find');
const key = (element: HTMLElement, name: string, init: KeyboardEventInit = {}) =>
  act(async () => element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, ...init })));

describe('the find bar', () => {
  it('counts the matches in the prose, case-insensitively, and steps through them', async () => {
    await openFind();
    expect(document.activeElement).toBe(findField());
    await typeInto(findField(), 'harbour');
    // Code is left out until asked for.
    expect(status()).toBe('1 of 4');
    await key(findField(), 'Enter');
    expect(status()).toBe('2 of 4');
    await click(getByRole(bar(), 'button', 'Next match'));
    expect(status()).toBe('3 of 4');
    await key(findField(), 'Enter', { shiftKey: true });
    await click(getByRole(bar(), 'button', 'Previous match'));
    expect(status()).toBe('1 of 4');
    await click(getByRole(bar(), 'button', 'Previous match'));
    expect(status()).toBe('4 of 4');
    // F3 from anywhere (the registry's find-next command) steps too.
    await act(async () => harness!.tools.dispatch({ type: 'find-step', backwards: false }));
    expect(status()).toBe('1 of 4');
  });

  it('narrows by case, whole word and regular expression, and includes code when asked', async () => {
    await openFind();
    await typeInto(findField(), 'harbour');
    await click(getByRole(bar(), 'button', 'Match case'));
    expect(getByRole(bar(), 'button', 'Match case').getAttribute('aria-pressed')).toBe('true');
    expect(status()).toBe('1 of 2');
    await click(getByRole(bar(), 'button', 'Match case'));
    await click(getByRole(bar(), 'button', 'Whole word'));
    expect(status()).toBe('1 of 3');
    await click(getByRole(bar(), 'checkbox'));
    expect(status()).toBe('1 of 4');
    await click(getByRole(bar(), 'button', 'Whole word'));
    expect(status()).toBe('1 of 5');

    await click(getByRole(bar(), 'button', 'Regular expression'));
    await typeInto(findField(), 'open(s');
    expect(status()).toBe('Invalid');
    expect(findField().getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(bar(), 'alert').textContent).not.toBe('');
    await typeInto(findField(), 'opens?');
    expect(status()).toBe('1 of 2');
    await typeInto(findField(), 'lighthouse');
    expect(status()).toBe('No results');
    expect(getByRole(bar(), 'button', 'Next match')).toHaveProperty('disabled', true);
  });

  it('replaces the current match, then every match as one undo step', async () => {
    const h = await openFind(true);
    expect(getByRole(bar(), 'textbox', 'Replace with')).toBeTruthy();
    await typeInto(findField(), 'harbour');
    await typeInto(getByRole(bar(), 'textbox', 'Replace with'), 'quay');
    await key(findField(), 'Enter');
    expect(status()).toBe('2 of 4');
    await click(getByRole(bar(), 'button', 'Replace'));
    expect(h.markdown()).toBe(BODY.replace('Harbourside', 'quayside'));
    // The next match takes the replaced one's place.
    expect(status()).toBe('2 of 3');

    await click(getByRole(bar(), 'button', 'Replace all'));
    const all =
      'The quay opens at six. quayside cafés open later.\n\nWalk to the quay wall, then back to the quay gate.\n\nRun `harbour --map` to print it.\n';
    expect(h.markdown()).toBe(all);
    expect(status()).toBe('Replaced 3 matches.');
    expect(document.activeElement).toBe(getByRole(bar(), 'textbox', 'Replace with'));

    await click(getByRole(getByRole(h.container, 'toolbar', 'Formatting'), 'button', 'Undo'));
    expect(h.markdown()).toBe(BODY.replace('Harbourside', 'quayside'));
  });

  it('replaces with regular-expression groups, and Ctrl+Enter in the replace field replaces all', async () => {
    const h = await openFind(true, 'Open at 6:30 and 18:05.\n');
    await click(getByRole(bar(), 'button', 'Regular expression'));
    await typeInto(findField(), '(\\d+):(\\d+)');
    const replaceField = getByRole(bar(), 'textbox', 'Replace with');
    await typeInto(replaceField, '$1h$2');
    await key(replaceField, 'Enter', { ctrlKey: true });
    expect(h.markdown()).toBe('Open at 6h30 and 18h05.\n');
    expect(status()).toBe('Replaced 2 matches.');
  });

  it('starts from the selected words, and shows the replace row on a second request with replace', async () => {
    const h = await mountEditor(BODY);
    harness = h;
    await selectText(h.editor, 'wall');
    await openFind();
    expect((findField() as HTMLInputElement).value).toBe('wall');
    expect(status()).toBe('1 of 1');
    expect(allByRole(bar(), 'textbox', 'Replace with')).toHaveLength(0);
    await openFind(true);
    expect(allByRole(bar(), 'textbox', 'Replace with')).toHaveLength(1);
    await click(getByRole(bar(), 'button', 'Hide replace'));
    expect(allByRole(bar(), 'textbox', 'Replace with')).toHaveLength(0);
  });

  it('closes on Escape and leaves the current match selected', async () => {
    const h = await openFind();
    await typeInto(findField(), 'wall');
    await key(findField(), 'Escape');
    expect(allByRole(document.body, 'search', 'Find and replace')).toHaveLength(0);
    expect(h.tools.getState().find).toBeNull();
    expect(h.editor.read(() => $getSelection()?.getTextContent())).toBe('wall');
  });

  it('closes on its close button and on Escape from the page', async () => {
    const h = await openFind();
    await click(getByRole(bar(), 'button', 'Close find'));
    expect(h.tools.getState().find).toBeNull();
    await openFind();
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true })));
    expect(h.tools.getState().find).toBeNull();
  });

  it('counts again a moment after the post is edited while it is open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = await openFind();
    await typeInto(findField(), 'harbour');
    expect(status()).toBe('1 of 4');
    await update(h.editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('One more harbour.')));
    });
    expect(status()).toBe('1 of 4');
    await act(async () => vi.advanceTimersByTime(150));
    expect(status()).toBe('1 of 5');
  });
});

describe('painting the matches', () => {
  it('highlights every match and the current one apart, and clears both on close', async () => {
    // happy-dom has no CSS Custom Highlight API: a stand-in records what would be painted.
    const highlights = new Map<string, { ranges: Range[] }>();
    vi.stubGlobal(
      'Highlight',
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
    vi.stubGlobal('CSS', Object.assign(Object.create(globalThis.CSS) as typeof CSS, { highlights }));
    try {
      const h = await openFind();
      await typeInto(findField(), 'harbour');
      expect(highlights.get('masthead-find')?.ranges.map((range) => range.toString())).toEqual([
        'harbour',
        'Harbour',
        'harbour',
        'HARBOUR',
      ]);
      await key(findField(), 'Enter');
      expect(highlights.get('masthead-find-current')?.ranges.map((range) => range.toString())).toEqual(['Harbour']);
      await typeInto(findField(), 'lighthouse');
      expect(highlights.get('masthead-find')?.ranges).toEqual([]);
      expect(highlights.has('masthead-find-current')).toBe(false);
      await typeInto(findField(), 'wall');
      await click(getByRole(bar(), 'button', 'Close find'));
      expect(highlights.size).toBe(0);
      expect(h.tools.getState().find).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
