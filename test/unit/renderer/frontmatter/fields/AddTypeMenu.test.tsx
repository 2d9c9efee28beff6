// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { AddTypeMenu } from '../../../../../renderer/frontmatter/fields/AddTypeMenu';
import { allByRole, click, getByRole, mount, type Mounted } from '../../dom';

const blocks = [
  { name: 'hero', label: 'Hero banner' },
  { name: 'quote', label: 'Pull quote' },
  { name: 'gallery', label: 'Photo gallery' },
];

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const picked: string[] = [];
  mounted = await mount(<AddTypeMenu label="Sections" types={blocks} onPick={(type) => picked.push(type.name)} />);
  const button = getByRole(mounted.container, 'button', 'Add to Sections');
  const key = (key: string) =>
    act(
      async () =>
        void document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        ),
    );
  return { container: mounted.container, button, picked, key };
}

describe('AddTypeMenu', () => {
  it('lists the types when opened, with the first one focused, and adds the one chosen', async () => {
    const { container, button, picked } = await render();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(allByRole(container, 'menu')).toHaveLength(0);
    await click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = getByRole(container, 'menu', 'Add to Sections');
    expect(allByRole(menu, 'menuitem').map((item) => item.textContent)).toEqual([
      'Hero banner',
      'Pull quote',
      'Photo gallery',
    ]);
    expect(document.activeElement?.textContent).toBe('Hero banner');
    await click(allByRole(menu, 'menuitem')[1]!);
    expect(picked).toEqual(['quote']);
    expect(allByRole(container, 'menu')).toHaveLength(0);
  });

  it('walks the menu with the arrow keys, round the ends, and Escape returns to the button', async () => {
    const { container, button, key, picked } = await render();
    await click(button);
    await key('ArrowUp');
    expect(document.activeElement?.textContent).toBe('Photo gallery');
    await key('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Hero banner');
    await key('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Pull quote');
    await key('Escape');
    expect(allByRole(container, 'menu')).toHaveLength(0);
    expect(document.activeElement).toBe(button);
    expect(picked).toEqual([]);
  });
});
