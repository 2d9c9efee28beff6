// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import type { RelationOption, SchemaField } from '../../../../shared/content/schema/types';
import { RELATION_SEARCH_DELAY_MS } from '../../../../renderer/frontmatter/fields/RelationField';
import { accessibleName, allByRole, click, getByRole, typeInto } from '../dom';
import {
  descriptionOf,
  field,
  getByName,
  mouseDown,
  press,
  renderForm,
  wait,
  type FormUnderTest,
} from './form-harness';
import { collectionId } from '../../../../shared/content/collection-ids';

let current: FormUnderTest | undefined;
async function render(...args: Parameters<typeof renderForm>): Promise<FormUnderTest> {
  current = await renderForm(...args);
  return current;
}
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

const AUTHORS: RelationOption[] = [
  { value: 'ada', label: 'Ada Lovelace' },
  { value: 'grace', label: 'Grace Hopper' },
  { value: 'katherine', label: 'Katherine Johnson' },
];
const queries: string[] = [];
const relationOptions = (_field: unknown, query: string) => {
  queries.push(query);
  return Promise.resolve(AUTHORS.filter((option) => option.label.toLowerCase().includes(query.toLowerCase())));
};
const relation = (multiple: boolean) =>
  field('relation', multiple ? 'authors' : 'author', {
    collection: collectionId('authors'),
    valueField: 'slug',
    searchFields: ['name'],
    displayFields: ['name'],
    multiple,
  });

describe('relation', () => {
  // The search waits for a pause in typing: a fake clock, advanced by hand.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('searches through the service, shows labels and writes the value', async () => {
    queries.length = 0;
    const { form, last } = await render([relation(false)], { author: 'ada' }, { services: { relationOptions } });
    await wait(0);
    const box = getByRole(form, 'combobox', 'Author');
    // The chosen entry shows by its label, learned from the service.
    expect(box).toHaveProperty('value', 'Ada Lovelace');
    await typeInto(box, 'gr');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await wait(RELATION_SEARCH_DELAY_MS - 10);
    expect(queries.at(-1)).not.toBe('gr');
    await wait(10);
    expect(queries.at(-1)).toBe('gr');
    const options = allByRole(form, 'option');
    expect(options.map((option) => option.textContent)).toEqual(['Grace Hopper']);
    await mouseDown(options[0] as HTMLElement);
    expect(last()).toEqual({ author: 'grace' });
    expect(box).toHaveProperty('value', 'Grace Hopper');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('chooses with the keyboard', async () => {
    const { form, last } = await render([relation(false)], {}, { services: { relationOptions } });
    const box = getByRole(form, 'combobox', 'Author');
    await typeInto(box, 'o');
    await wait(RELATION_SEARCH_DELAY_MS + 50);
    await press(box, 'ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).toBe(allByRole(form, 'option')[1]?.id);
    await press(box, 'Enter');
    expect(last()).toEqual({ author: 'grace' });
  });

  it('multiple: chips with remove buttons, values written in order', async () => {
    const { form, last } = await render(
      [relation(true)],
      { authors: ['ada', 'grace'] },
      { services: { relationOptions } },
    );
    await wait(0);
    const chips = getByName(form, 'ul', 'Chosen Authors');
    expect(Array.from(chips.querySelectorAll('li')).map((chip) => chip.textContent)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    await click(getByRole(form, 'button', 'Remove Ada Lovelace'));
    expect(last()).toEqual({ authors: ['grace'] });
    const box = getByRole(form, 'combobox', 'Authors');
    await typeInto(box, 'kath');
    await wait(RELATION_SEARCH_DELAY_MS + 50);
    await mouseDown(getByRole(form, 'option') as HTMLElement);
    expect(last()).toEqual({ authors: ['grace', 'katherine'] });
  });
});

describe('list of strings', () => {
  const tags = field('list', 'tags', { items: { kind: 'strings' }, allowAdd: true, collapsed: false });

  it('adds with Enter, reorders with buttons and Alt+arrows, removes', async () => {
    const { form, last } = await render([tags], { tags: ['a', 'b'] });
    const entry = getByRole(form, 'textbox', 'New item for Tags');
    await typeInto(entry, 'c');
    await press(entry, 'Enter');
    expect(last()).toEqual({ tags: ['a', 'b', 'c'] });
    expect(entry).toHaveProperty('value', '');
    await click(getByRole(form, 'button', 'Move Tags 3 up'));
    expect(last()).toEqual({ tags: ['a', 'c', 'b'] });
    await press(getByRole(form, 'textbox', 'Tags 1'), 'ArrowDown', { altKey: true });
    expect(last()).toEqual({ tags: ['c', 'a', 'b'] });
    await click(getByRole(form, 'button', 'Remove Tags 2'));
    expect(last()).toEqual({ tags: ['c', 'b'] });
  });

  it('offers no add controls when the config forbids adding', async () => {
    const { form } = await render([{ ...tags, allowAdd: false }], { tags: ['a'] });
    expect(allByRole(form, 'button', 'Add to Tags')).toHaveLength(0);
    expect(allByRole(form, 'textbox', 'New item for Tags')).toHaveLength(0);
  });
});

describe('list of fields', () => {
  const links = field('list', 'links', {
    collapsed: true,
    allowAdd: true,
    items: {
      kind: 'fields',
      fields: [field('string', 'text'), field('string', 'url', { label: 'URL', required: true })],
    },
  });
  const one = { text: 'One', url: 'https://one.example' };
  const two = { text: 'Two', url: 'two.example.org', rel: 'me' };
  const value: FrontMatterData = { links: [one, two] };

  it('starts collapsed when the schema says so, with a summary; items open on demand', async () => {
    const { form } = await render([links], value);
    const toggle = getByRole(form, 'button', 'Expand Links 2');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(getByRole(form, 'group', 'Links 2').textContent).toContain('Two');
    const body = form.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`);
    expect(body?.hasAttribute('hidden')).toBe(true);
    await click(toggle);
    expect(body?.hasAttribute('hidden')).toBe(false);
    expect(getByRole(form, 'button', 'Collapse Links 2')).toBe(toggle);
  });

  it('reorders, adds (open, with empty text) and edits items, keeping unknown item keys', async () => {
    const { form, last } = await render([links], value);
    await click(getByRole(form, 'button', 'Move Links 2 up'));
    expect(last()['links']).toEqual([two, one]);
    await click(getByRole(form, 'button', 'Add to Links'));
    expect(getByRole(form, 'button', 'Collapse Links 3').getAttribute('aria-expanded')).toBe('true');
    await typeInto(getByRole(form, 'textbox', 'Links 3 URL'), 'https://three.example');
    expect(last()['links']).toEqual([two, one, { text: '', url: 'https://three.example' }]);
  });

  it('shows a nested issue under the item field it concerns', async () => {
    const { form } = await render([{ ...links, collapsed: false }], value);
    expect(descriptionOf(getByRole(form, 'textbox', 'Links 2 URL'))).toBe(
      'Check: URL should be a full address starting with https://.',
    );
    expect(descriptionOf(getByRole(form, 'textbox', 'Links 1 URL'))).toBe('');
  });

  it('says a collapsed item hides a problem', async () => {
    const { form } = await render([links], value);
    expect(getByRole(form, 'group', 'Links 2').textContent).toContain('1 problem inside');
    expect(getByRole(form, 'group', 'Links 1').textContent).not.toContain('problem');
  });

  it('shows list-level issues on the list', async () => {
    const { form } = await render([{ ...links, max: 1 }], value);
    const group = getByRole(form, 'group', 'Links');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(group)).toBe('Error: Links can have at most 1 item.');
  });
});

describe('list of one field, and of types', () => {
  it('edits each item with the single field', async () => {
    const scores = field('list', 'scores', {
      collapsed: false,
      allowAdd: true,
      items: { kind: 'field', field: field('number', 'score', { valueType: 'int' }) },
    });
    const { form, last } = await render([scores], { scores: [1, 2] });
    await typeInto(getByRole(form, 'spinbutton', 'Scores 2 Score'), '5');
    expect(last()).toEqual({ scores: [1, 5] });
  });

  it('adds an item of the chosen type, writing the type key', async () => {
    const sections = field('list', 'sections', {
      collapsed: false,
      allowAdd: true,
      items: {
        kind: 'types',
        typeKey: 'type',
        types: [
          {
            name: 'quote',
            label: 'Quote',
            fields: [field('text', 'text'), field('string', 'by', { default: 'Anonymous' })],
          },
          { name: 'image', label: 'Image', fields: [field('image', 'src')] },
        ],
      },
    });
    const { form, last } = await render([sections], {
      sections: [
        { type: 'image', src: 'a.jpg' },
        { type: 'video', id: 'x' },
      ],
    });
    // An unknown type is kept and shown read-only.
    expect(getByRole(form, 'group', 'Sections 2').textContent).toContain('Kept as is');
    const add = getByRole(form, 'button', 'Add to Sections');
    expect(add.getAttribute('aria-haspopup')).toBe('menu');
    await click(add);
    const items = allByRole(form, 'menuitem');
    expect(items.map(accessibleName)).toEqual(['Quote', 'Image']);
    await click(items[0] as HTMLElement);
    expect(last()['sections']).toEqual([
      { type: 'image', src: 'a.jpg' },
      { type: 'video', id: 'x' },
      { type: 'quote', text: '', by: 'Anonymous' },
    ]);
    expect(allByRole(form, 'menuitem')).toHaveLength(0);
    await typeInto(getByRole(form, 'textbox', 'Sections 3 Text'), 'Hello');
    expect((last()['sections'] as unknown[])[2]).toEqual({ type: 'quote', text: 'Hello', by: 'Anonymous' });
  });
});

describe('object', () => {
  const seo: SchemaField = field('object', 'seo', {
    label: 'SEO',
    collapsed: true,
    required: true,
    fields: [field('string', 'title'), field('text', 'description')],
  });

  it('is a fieldset with a disclosure legend, collapsed as configured; names its fields in context', async () => {
    const { form, last } = await render([seo], { seo: { title: 'T', other: 1 } });
    const toggle = getByRole(form, 'button', 'SEO');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(getByRole(form, 'group', 'SEO').getAttribute('aria-required')).toBe('true');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await typeInto(getByRole(form, 'textbox', 'SEO Description'), 'D');
    expect(last()).toEqual({ seo: { title: 'T', other: 1, description: 'D' } });
  });
});
