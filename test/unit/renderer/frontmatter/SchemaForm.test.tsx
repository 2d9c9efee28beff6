// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { allByRole, click, getByRole, typeInto } from '../dom';
import { descriptionOf, field, getByName, press, renderForm, selectOption, type FormUnderTest } from './form-harness';

let current: FormUnderTest | undefined;
async function render(...args: Parameters<typeof renderForm>): Promise<FormUnderTest> {
  current = await renderForm(...args);
  return current;
}
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

describe('SchemaForm: text widgets', () => {
  it('string: labelled input, required marker and hint wired up, writes a string', async () => {
    const subtitle = field('string', 'subtitle', { required: true, hint: 'One line under the title.' });
    const { form, last } = await render([subtitle], { subtitle: 'Old', unknown: { kept: [1, 2] } });
    const input = getByRole(form, 'textbox', 'Subtitle');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(form.querySelector('.field__required')?.getAttribute('aria-hidden')).toBe('true');
    expect(descriptionOf(input)).toBe('One line under the title.');
    await typeInto(input, 'New');
    expect(last()).toEqual({ subtitle: 'New', unknown: { kept: [1, 2] } });
  });

  it('a field filled in for the first time goes among its schema neighbours, not last', async () => {
    const fields = [field('string', 'title'), field('string', 'subtitle'), field('string', 'author')];
    const { form, last } = await render(fields, { title: 'T', author: 'A', extra: 1 });
    await typeInto(getByRole(form, 'textbox', 'Subtitle'), 'Between');
    expect(Object.keys(last())).toEqual(['title', 'subtitle', 'author', 'extra']);
  });

  it('text: a textarea; markdown: a monospace textarea marked as Markdown', async () => {
    const { form, last } = await render([field('text', 'summary'), field('markdown', 'notes')], {
      summary: 'a',
      notes: '*b*',
    });
    expect(getByRole(form, 'textbox', 'Summary').tagName).toBe('TEXTAREA');
    const notes = getByRole(form, 'textbox', 'Notes');
    expect(notes.tagName).toBe('TEXTAREA');
    expect(notes.className).toContain('input--mono');
    expect(descriptionOf(notes)).toBe('Markdown');
    await typeInto(notes, '**c**');
    expect(last()).toEqual({ summary: 'a', notes: '**c**' });
  });

  it('image: path box with a thumbnail from the media service; file: no thumbnail', async () => {
    const { form, last } = await render(
      [field('image', 'cover'), field('file', 'attachment')],
      { cover: 'img/a.jpg', attachment: 'doc.pdf' },
      { services: { mediaUrl: (src) => `media://post/${src}` } },
    );
    expect(form.querySelectorAll('img')).toHaveLength(1);
    expect(form.querySelector('img')?.getAttribute('src')).toBe('media://post/img/a.jpg');
    await typeInto(getByRole(form, 'textbox', 'Cover'), 'img/b.jpg');
    expect(form.querySelector('img')?.getAttribute('src')).toBe('media://post/img/b.jpg');
    expect(last()['cover']).toBe('img/b.jpg');
    expect(getByRole(form, 'textbox', 'Attachment')).toHaveProperty('value', 'doc.pdf');
  });

  it('code: monospace with its language; an object value keeps its other keys', async () => {
    const { form, last } = await render(
      [field('code', 'snippet', { language: 'javascript' }), field('code', 'example')],
      { snippet: 'let a;', example: { code: 'x', lang: 'ruby' } },
    );
    const snippet = getByRole(form, 'textbox', 'Snippet');
    expect(descriptionOf(snippet)).toBe('Code · javascript');
    expect(descriptionOf(getByRole(form, 'textbox', 'Example'))).toBe('Code · ruby');
    await typeInto(getByRole(form, 'textbox', 'Example'), 'y = 1');
    expect(last()['example']).toEqual({ code: 'y = 1', lang: 'ruby' });
  });

  it('map: GeoJSON text with a hint, checked by validation', async () => {
    const { form, last } = await render([field('map', 'place', { geometry: 'Point' })], {
      place: '{"type":"Point","coordinates":[1,2]}',
    });
    const place = getByRole(form, 'textbox', 'Place');
    expect(descriptionOf(place)).toContain('A GeoJSON Point');
    await typeInto(place, '{"type":"Point"}');
    expect(last()['place']).toBe('{"type":"Point"}');
    expect(place.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(place)).toContain('Place must be GeoJSON for a Point.');
  });
});

describe('SchemaForm: open selects (inferred from other posts)', () => {
  const options = [
    { label: 'Mara Lindqvist', value: 'Mara Lindqvist' },
    { label: 'Jonas Ebert', value: 'Jonas Ebert' },
  ];

  it('single: a text box suggesting the values other posts use, accepting a new one', async () => {
    const { form, last } = await render([field('select', 'author', { options, multiple: false, open: true })], {
      author: 'Jonas Ebert',
    });
    const input = getByRole(form, 'combobox', 'Author');
    const suggestions = [...form.querySelectorAll(`#${CSS.escape(input.getAttribute('list') ?? '')} option`)].map(
      (option) => option.getAttribute('value'),
    );
    expect(suggestions).toEqual(['Mara Lindqvist', 'Jonas Ebert']);
    await typeInto(input, 'Priya Raman');
    expect(last()).toEqual({ author: 'Priya Raman' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('multiple: a list of strings whose new-item box suggests the unused values', async () => {
    const { form, last } = await render([field('select', 'tags', { options, multiple: true, open: true })], {
      tags: ['Jonas Ebert'],
    });
    const box = getByRole(form, 'combobox', 'New item for Tags');
    const suggestions = [...form.querySelectorAll(`#${CSS.escape(box.getAttribute('list') ?? '')} option`)].map(
      (option) => option.getAttribute('value'),
    );
    expect(suggestions).toEqual(['Mara Lindqvist']);
    await typeInto(box, 'harbour');
    await press(box, 'Enter');
    expect(last()).toEqual({ tags: ['Jonas Ebert', 'harbour'] });
  });
});

describe('SchemaForm: typed values', () => {
  it('boolean: a checkbox writing true/false', async () => {
    const { form, last } = await render([field('boolean', 'draft')], { draft: false });
    await click(getByRole(form, 'checkbox', 'Draft'));
    expect(last()).toEqual({ draft: true });
  });

  it('number: limits on the input, writes a number, shows validation under it', async () => {
    const rating = field('number', 'rating', { valueType: 'int', min: 1, max: 5 });
    const { form, last } = await render([rating], { rating: 3 });
    const input = getByRole(form, 'spinbutton', 'Rating');
    expect([input.getAttribute('min'), input.getAttribute('max'), input.getAttribute('step')]).toEqual(['1', '5', '1']);
    await typeInto(input, '4');
    expect(last()).toEqual({ rating: 4 });
    await typeInto(input, '9');
    expect(last()).toEqual({ rating: 9 });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(input)).toBe('Error: Rating must be at most 5.');
    // Half-typed input stays in the box without reaching the file.
    await typeInto(input, '');
    expect(last()).toEqual({ rating: 9 });
  });

  it('datetime: written back in the field format', async () => {
    // A UTC picker with a zone-less format reads the same on every test machine.
    const published = field('datetime', 'published', { format: 'MMM D, YYYY h:mm a', pickerUtc: true });
    const { form, last } = await render([published, field('date', 'day', { format: 'DD/MM/YYYY' })], {
      published: 'Feb 23, 2026 10:05 am',
      day: '01/03/2026',
    });
    const input = getByRole(form, 'date', 'Published');
    expect(input.getAttribute('type')).toBe('datetime-local');
    expect(input).toHaveProperty('value', '2026-02-23T10:05');
    expect(descriptionOf(input)).toContain('Saved as Feb 23, 2026 10:05 am');
    await typeInto(input, '2026-02-24T21:30');
    expect(last()['published']).toBe('Feb 24, 2026 9:30 pm');
    const day = getByRole(form, 'date', 'Day');
    expect(day.getAttribute('type')).toBe('date');
    await typeInto(day, '2026-04-05');
    expect(last()).toEqual({ published: 'Feb 24, 2026 9:30 pm', day: '05/04/2026' });
  });

  it('select: single choice writes the option value with its type', async () => {
    const options = [
      { label: 'One star', value: 1 },
      { label: 'Two stars', value: 2 },
    ];
    const { form, last } = await render([field('select', 'stars', { options, multiple: false })], { stars: 1 });
    const select = getByName(form, 'select', 'Stars');
    expect(Array.from(select.querySelectorAll('option')).map((option) => option.textContent)).toEqual([
      '(none)',
      'One star',
      'Two stars',
    ]);
    await selectOption(select, '1');
    expect(last()).toEqual({ stars: 2 });
  });

  it('select: a value not among the options is shown, not dropped', async () => {
    const { form, changes } = await render(
      [field('select', 'kind', { options: [{ label: 'News', value: 'news' }], multiple: false })],
      { kind: 'essay' },
    );
    expect(getByName(form, 'select', 'Kind').textContent).toContain('"essay" (not one of the choices)');
    expect(changes).toEqual([]);
  });

  it('select multiple: checkboxes writing an array', async () => {
    const options = [
      { label: 'News', value: 'news' },
      { label: 'Notes', value: 'notes' },
    ];
    const { form, last } = await render([field('select', 'topics', { options, multiple: true })], {
      topics: ['notes'],
    });
    const group = getByRole(form, 'group', 'Topics');
    expect(allByRole(group, 'checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([false, true]);
    await click(getByRole(group, 'checkbox', 'News'));
    expect(last()).toEqual({ topics: ['notes', 'news'] });
    await click(getByRole(group, 'checkbox', 'Notes'));
    expect(last()).toEqual({ topics: ['news'] });
  });

  it('color: picker plus a hex text box when input is allowed', async () => {
    const accent = field('color', 'accent', { allowInput: true, enableAlpha: false });
    const { form, last } = await render([accent, field('color', 'shade', { allowInput: false, enableAlpha: false })], {
      accent: '#abc',
      shade: '#102030',
    });
    const picker = getByName(form, 'input[type="color"]', 'Accent');
    expect(picker).toHaveProperty('value', '#aabbcc');
    await typeInto(getByRole(form, 'textbox', 'Accent code'), '#123456');
    expect(last()['accent']).toBe('#123456');
    await typeInto(picker, '#654321');
    expect(last()['accent']).toBe('#654321');
    expect(allByRole(form, 'textbox', 'Shade code')).toHaveLength(0);
  });
});

describe('SchemaForm: hidden, kept and custom', () => {
  it('hidden: not rendered, passed through', async () => {
    const { form, last } = await render([field('hidden', 'templateKey'), field('string', 'author')], {
      templateKey: 'blog-post',
      author: 'A',
    });
    expect(form.textContent).not.toContain('Template');
    await typeInto(getByRole(form, 'textbox', 'Author'), 'B');
    expect(last()).toEqual({ templateKey: 'blog-post', author: 'B' });
  });

  it('kept: read-only, with a note', async () => {
    const { form } = await render([field('kept', 'mixed')], { mixed: ['a', 1] });
    const group = getByRole(form, 'group', 'Mixed');
    expect(group.querySelector('pre')?.textContent).toContain('"a"');
    expect(descriptionOf(group)).toContain('Kept as is');
    expect(allByRole(group, 'textbox')).toHaveLength(0);
  });

  it('custom with an inferred editor: edits through it and says it is custom', async () => {
    const editor: SchemaField = field('list', 'x', { items: { kind: 'strings' }, allowAdd: true, collapsed: false });
    const { form, last } = await render([field('custom', 'files', { customWidget: 'ncw-file-relation', editor })], {
      files: ['a.pdf'],
    });
    expect(form.textContent).toContain('Custom widget “ncw-file-relation” — edited as inferred from your posts');
    await typeInto(getByRole(form, 'textbox', 'Files 1'), 'b.pdf');
    expect(last()).toEqual({ files: ['b.pdf'] });
  });

  it('custom without an editor: JSON applied only when it parses', async () => {
    const { form, changes, last } = await render(
      [field('custom', 'widget', { customWidget: 'my-widget', editor: null })],
      { widget: { a: 1 } },
    );
    const box = getByRole(form, 'textbox', 'Widget');
    expect(descriptionOf(box)).toContain('Custom widget “my-widget” — edited as JSON');
    await typeInto(box, '{"a": 2');
    expect(changes).toEqual([]);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await typeInto(box, '{"a": 2}');
    expect(last()).toEqual({ widget: { a: 2 } });
  });
});

describe('SchemaForm: pass-through and issues', () => {
  const fields: SchemaField[] = [
    field('string', 'author'),
    field('object', 'seo', {
      label: 'SEO',
      collapsed: false,
      fields: [field('string', 'title'), field('string', 'url', { label: 'URL' })],
    }),
  ];
  const value: FrontMatterData = {
    zeta: [1, { deep: null }],
    author: 'A',
    seo: { title: 'T', extra: true },
    alpha: 'x',
  };

  it('hands back the whole object with only the edited value changed, in key order', async () => {
    const { form, last } = await render(fields, value);
    await typeInto(getByRole(form, 'textbox', 'SEO Title'), 'T2');
    expect(last()).toEqual({ ...value, seo: { title: 'T2', extra: true } });
    expect(Object.keys(last())).toEqual(['zeta', 'author', 'seo', 'alpha']);
  });

  it('does not write a key the writer never touched', async () => {
    const { form, last } = await render(fields, { author: 'A' });
    await typeInto(getByRole(form, 'textbox', 'Author'), 'B');
    expect(last()).toEqual({ author: 'B' });
  });

  it('shows each issue under its own field, errors marked invalid', async () => {
    const issues = [
      { path: ['seo', 'title'], severity: 'error' as const, message: 'Title is required.' },
      {
        path: ['seo', 'url'],
        severity: 'warning' as const,
        message: 'URL should be a full address starting with https://.',
      },
    ];
    const { form } = await render(fields, value, { issues });
    const title = getByRole(form, 'textbox', 'SEO Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(title)).toBe('Error: Title is required.');
    const url = getByRole(form, 'textbox', 'SEO URL');
    expect(url.getAttribute('aria-invalid')).toBeNull();
    expect(descriptionOf(url)).toBe('Check: URL should be a full address starting with https://.');
    expect(descriptionOf(getByRole(form, 'textbox', 'Author'))).toBe('');
    // The app focuses the field an issue names through its path.
    expect(form.querySelector(`[data-field-path='["seo","title"]']`)).toBe(title);
  });
});
