// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { allByRole } from '../../dom';
import { mountEditor, selectText, type EditorHarness } from '../editor-harness';

const BODY = 'Intro.\n\n```js\nconsole.log(1)\n```\n\n```\nplain\n```\n';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

const select = () => document.querySelector<HTMLSelectElement>('select[aria-label="Code language"]');

async function choose(value: string) {
  const element = select()!;
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the code language select', () => {
  it('shows for the code block holding the caret, offering the file’s own language as is', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await selectText(h.editor, 'Intro', 'end');
    expect(select()).toBeNull();
    await selectText(h.editor, 'console', 'end');
    expect(select()!.value).toBe('js');
    const names = [...select()!.options].map((option) => option.textContent);
    expect(names.slice(0, 3)).toEqual(['Plain text', 'js', 'bash']);
    expect(allByRole(document.body, 'combobox')).toHaveLength(0);
  });

  it('writes the chosen language as the fence’s info string, and a bare fence for plain text', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await selectText(h.editor, 'plain', 'end');
    expect(select()!.value).toBe('');
    await choose('python');
    expect(h.markdown()).toBe('Intro.\n\n```js\nconsole.log(1)\n```\n\n```python\nplain\n```\n');
    await selectText(h.editor, 'console', 'end');
    await choose('');
    expect(h.markdown()).toBe('Intro.\n\n```\nconsole.log(1)\n```\n\n```python\nplain\n```\n');
  });
});
