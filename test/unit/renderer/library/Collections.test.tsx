// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import type { CollectionId, CollectionSummary } from '../../../../shared/api';
import { Collections } from '../../../../renderer/library/Collections';
import { accessibleName, allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const TOPICS = ['install', 'config', 'deploy', 'search', 'images', 'routing', 'forms', 'cache', 'auth', 'i18n'];
const KINDS = ['guides', 'reference', 'howto', 'recipes', 'faq', 'notes'];
const many: CollectionSummary[] = KINDS.flatMap((kind) =>
  TOPICS.map((topic) => ({
    id: collectionId(`${topic}-${kind}`),
    folder: repoFolder(`content/${topic}-${kind}`),
    label: `${topic[0]!.toUpperCase()}${topic.slice(1)} ${kind}`,
    postCount: 33,
  })),
);
const few: CollectionSummary[] = [
  { id: collectionId('blog'), folder: repoFolder('content/blog'), label: 'Blog', postCount: 12 },
  { id: collectionId('authors'), folder: repoFolder('content/authors'), label: 'Authors', postCount: 3 },
];

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

/** Renders the section as the library does: it owns the choice and the open state. */
async function render(collections: CollectionSummary[]) {
  const chosen: Array<string | null> = [];
  function Host() {
    const [selected, setSelected] = useState<CollectionId | null>(null);
    const [expanded, setExpanded] = useState(true);
    return (
      <Collections
        collections={collections}
        total={collections.reduce((sum, item) => sum + item.postCount, 0)}
        selected={selected}
        onSelect={(id) => {
          chosen.push(id);
          setSelected(id);
        }}
        expanded={expanded}
        onExpandedChange={setExpanded}
      />
    );
  }
  mounted = await mount(<Host />);
  return { container: mounted.container, chosen };
}

const group = (container: HTMLElement) => getByRole(container, 'group', 'Collections');
const rowNames = (container: HTMLElement) =>
  allByRole(group(container), 'button').map(
    (button) => button.querySelector('.library__collection-label')?.textContent,
  );
const press = async (key: string) =>
  act(
    async () =>
      void document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      ),
  );

describe('Collections', () => {
  it('lists a few collections without a filter field, All posts first and chosen', async () => {
    const { container } = await render(few);
    expect(rowNames(container)).toEqual(['All posts', 'Blog', 'Authors']);
    expect(allByRole(container, 'textbox', 'Filter collections')).toHaveLength(0);
    expect(getByRole(group(container), 'button', 'All posts, 15 posts').getAttribute('aria-pressed')).toBe('true');
  });

  it('narrows 60 collections as you type, and Enter takes the first match', async () => {
    const { container, chosen } = await render(many);
    expect(rowNames(container)).toHaveLength(61);
    const filter = getByRole(container, 'textbox', 'Filter collections');
    await typeInto(filter, 'cache');
    expect(rowNames(container)).toEqual([
      'Cache guides',
      'Cache reference',
      'Cache howto',
      'Cache recipes',
      'Cache faq',
      'Cache notes',
    ]);
    await typeInto(filter, 'cache fa');
    expect(rowNames(container)).toEqual(['Cache faq']);
    filter.focus();
    await press('Enter');
    expect(chosen).toEqual(['cache-faq']);
    // The filter is cleared, the choice is pressed and named in the header.
    expect(rowNames(container)).toHaveLength(61);
    expect(getByRole(group(container), 'button', 'Cache faq, 33 posts').getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('.collections__current')?.textContent).toBe('Showing Cache faq');
  });

  it('says so when nothing matches', async () => {
    const { container } = await render(many);
    await typeInto(getByRole(container, 'textbox', 'Filter collections'), 'zebra');
    expect(rowNames(container)).toEqual([]);
    expect(getByRole(container, 'status').textContent).toBe('No collection matches “zebra”.');
  });

  it('is one Tab stop, walked with the arrow keys, Home and End', async () => {
    const { container, chosen } = await render(many);
    const stops = () => allByRole(group(container), 'button').filter((button) => button.tabIndex === 0);
    expect(stops().map((button) => accessibleName(button))).toEqual(['All posts, 1980 posts']);
    stops()[0]!.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(accessibleName(document.activeElement!)).toBe('Config guides, 33 posts');
    await press('End');
    expect(accessibleName(document.activeElement!)).toBe('I18n notes, 33 posts');
    await act(async () => (document.activeElement as HTMLButtonElement).click());
    expect(chosen).toEqual(['i18n-notes']);
    expect(stops().map((button) => accessibleName(button))).toEqual(['I18n notes, 33 posts']);
    await press('Home');
    expect(accessibleName(document.activeElement!)).toBe('All posts, 1980 posts');
    // Up from the first row goes back to the filter field.
    await press('ArrowUp');
    expect(document.activeElement).toBe(getByRole(container, 'textbox', 'Filter collections'));
    await press('ArrowDown');
    expect(accessibleName(document.activeElement!)).toBe('All posts, 1980 posts');
  });

  it('collapses to its header, which still names the chosen collection', async () => {
    const { container } = await render(many);
    await click(getByRole(group(container), 'button', 'Auth faq, 33 posts'));
    const toggle = getByRole(container, 'button', 'Collections');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(allByRole(container, 'group', 'Collections')).toHaveLength(0);
    expect(allByRole(container, 'textbox', 'Filter collections')).toHaveLength(0);
    expect(container.querySelector('.collections__current')?.textContent).toBe('Showing Auth faq');
    await click(toggle);
    expect(getByRole(group(container), 'button', 'Auth faq, 33 posts').getAttribute('aria-pressed')).toBe('true');
  });
});
