// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import { fieldsForEntry } from '../../../../shared/content/schema/infer';
import { FrontMatterForm } from '../../../../renderer/frontmatter/FrontMatterForm';
import { accessibleName, allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';

// Shaped like a Decap-managed Gatsby post (our own words), plus keys no control fits.
const post: FrontMatterData = {
  title: 'Notes from a rainy conference',
  author: 'Ada Example',
  date: '2026-02-23T10:00:00.000Z',
  draft: false,
  weight: 3,
  category: [
    { value: 'category-abc123', label: 'Community' },
    { value: 'category-def456', label: 'Events' },
  ],
  tags: ['travel', 'events'],
  seo: {
    title: 'Notes from a rainy conference',
    description: 'What we learned in the rain.',
    url: 'https://example.org/blog/rainy',
    twitterUsername: '@example',
  },
  cover: null,
  mixed: ['a', 1],
};

let mounted: Mounted | undefined;
let changes: FrontMatterData[];

async function render(value: FrontMatterData = post): Promise<HTMLElement> {
  changes = [];
  // Like the app: the parent feeds every change back in as the new value.
  let current = value;
  // Like FieldsPanel: the fields are inferred once, from the post as it was opened.
  const fields = fieldsForEntry([], value);
  const view = () => (
    <FrontMatterForm
      fields={fields}
      value={current}
      onChange={(next) => {
        changes.push(next);
        current = next;
        void mounted?.rerender(view());
      }}
    />
  );
  mounted = await mount(view());
  return mounted.container;
}

const last = (): FrontMatterData => {
  const value = changes.at(-1);
  if (!value) throw new Error('no change recorded');
  return value;
};

beforeEach(() => {
  changes = [];
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('FrontMatterForm', () => {
  it('renders a labelled control for every kind of value', async () => {
    const form = await render();
    expect(getByRole(form, 'textbox', 'Author')).toHaveProperty('value', 'Ada Example');
    expect(getByRole(form, 'date', 'Date').getAttribute('type')).toBe('datetime-local');
    expect(getByRole(form, 'checkbox', 'Draft')).toHaveProperty('checked', false);
    expect(getByRole(form, 'spinbutton', 'Weight')).toHaveProperty('value', '3');
    expect(getByRole(form, 'group', 'SEO')).toBeTruthy();
    expect(getByRole(form, 'group', 'Category')).toBeTruthy();
    expect(getByRole(form, 'textbox', 'Tags 2')).toHaveProperty('value', 'events');
    expect(getByRole(form, 'textbox', 'Category 1 Label')).toHaveProperty('value', 'Community');
  });

  it('leaves the title to the page and names nested fields in their group', async () => {
    const form = await render();
    expect(allByRole(form, 'textbox', 'Title')).toHaveLength(0);
    const seo = getByRole(form, 'group', 'SEO');
    expect(allByRole(seo, 'textbox').map(accessibleName)).toEqual([
      'SEO Title',
      'SEO Description',
      'SEO URL',
      'SEO Twitter username',
    ]);
    expect(getByRole(seo, 'textbox', 'SEO Description').tagName).toBe('TEXTAREA');
  });

  it('shows values it cannot edit as kept as is, and offers an empty (null) value as text to fill in', async () => {
    const form = await render();
    expect(getByRole(form, 'textbox', 'Cover')).toHaveProperty('value', '');
    const mixed = getByRole(form, 'group', 'Mixed');
    expect(mixed.textContent).toContain('"a"');
    expect(mixed.textContent).toContain('Kept as is');
  });

  it('editing a nested field sends the whole object with only that value changed', async () => {
    const form = await render();
    await typeInto(getByRole(form, 'textbox', 'SEO Description'), 'What we learned.');
    expect(last()).toEqual({ ...post, seo: { ...(post['seo'] as FrontMatterData), description: 'What we learned.' } });
    // Unknown and odd keys pass through untouched, in their order.
    expect(Object.keys(last())).toEqual(Object.keys(post));
    expect(last()['cover']).toBeNull();
    expect(last()['mixed']).toEqual(['a', 1]);
  });

  it('edits booleans and numbers as their own types', async () => {
    const form = await render();
    await click(getByRole(form, 'checkbox', 'Draft'));
    expect(last()['draft']).toBe(true);
    await typeInto(getByRole(form, 'spinbutton', 'Weight'), '12');
    expect(last()['weight']).toBe(12);
    await typeInto(getByRole(form, 'spinbutton', 'Weight'), '');
    expect(last()['weight']).toBe(12);
  });

  it('writes an edited date back in the file shape', async () => {
    const form = await render();
    const input = getByRole(form, 'date', 'Date') as HTMLInputElement;
    // Whatever the test machine's zone, moving the shown time by 90 minutes moves the instant by 90.
    const [day, time] = input.value.split('T') as [string, string];
    const [h, m] = time.split(':').map(Number) as [number, number];
    const shifted = new Date(`${day}T00:00:00`);
    shifted.setHours(h, m + 90);
    const pad = (n: number) => String(n).padStart(2, '0');
    await typeInto(
      input,
      `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}-${pad(shifted.getDate())}T${pad(shifted.getHours())}:${pad(shifted.getMinutes())}:00`,
    );
    expect(last()['date']).toBe('2026-02-23T11:30:00.000Z');
  });

  it('adds, reorders and removes items of a list of strings', async () => {
    const form = await render();
    await click(getByRole(form, 'button', 'Add to Tags'));
    expect(last()['tags']).toEqual(['travel', 'events', '']);
    await typeInto(getByRole(form, 'textbox', 'Tags 3'), 'rain');
    await click(getByRole(form, 'button', 'Move Tags 3 up'));
    expect(last()['tags']).toEqual(['travel', 'rain', 'events']);
    await click(getByRole(form, 'button', 'Remove Tags 1'));
    expect(last()['tags']).toEqual(['rain', 'events']);
  });

  it('adds, reorders and removes {value, label} items', async () => {
    const form = await render();
    await click(getByRole(form, 'button', 'Move Category 2 up'));
    expect(last()['category']).toEqual([
      { value: 'category-def456', label: 'Events' },
      { value: 'category-abc123', label: 'Community' },
    ]);
    await click(getByRole(form, 'button', 'Add to Category'));
    await typeInto(getByRole(form, 'textbox', 'Category 3 Label'), 'Travel');
    expect((last()['category'] as FrontMatterData[])[2]).toEqual({ value: '', label: 'Travel' });
    await click(getByRole(form, 'button', 'Remove Category 1'));
    expect((last()['category'] as FrontMatterData[]).map((item) => item['label'])).toEqual(['Community', 'Travel']);
  });

  it('collapses a nested group', async () => {
    const form = await render();
    const toggle = getByRole(form, 'button', 'SEO');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      form.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`)?.hasAttribute('hidden'),
    ).toBe(true);
  });
});
