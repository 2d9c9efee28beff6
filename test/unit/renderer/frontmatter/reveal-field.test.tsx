// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { revealField } from '../../../../renderer/frontmatter/reveal-field';
import { renderForm, type FormUnderTest } from './form-harness';

const seo: SchemaField = {
  widget: 'object',
  name: 'seo',
  label: 'SEO',
  required: false,
  collapsed: true,
  fields: [{ widget: 'string', name: 'url', label: 'URL', required: true }],
};
const links: SchemaField = {
  widget: 'list',
  name: 'links',
  label: 'Links',
  required: false,
  allowAdd: true,
  collapsed: true,
  items: { kind: 'fields', fields: [seo] },
};

let form: FormUnderTest | undefined;
afterEach(async () => {
  await form?.unmount();
  form = undefined;
});

const invalidField = (root: HTMLElement): HTMLElement => {
  const field = root.querySelector<HTMLElement>('input[aria-invalid="true"]');
  if (!field) throw new Error('no invalid field');
  return field;
};
const hiddenAncestors = (element: HTMLElement): number => {
  let count = 0;
  for (let node = element.parentElement; node; node = node.parentElement) if (node.hidden) count += 1;
  return count;
};

describe('revealField', () => {
  it('opens a collapsed group around an invalid field', async () => {
    form = await renderForm([seo], { seo: { url: '' } });
    const url = invalidField(form.form);
    expect(hiddenAncestors(url)).toBe(1);
    await act(async () => expect(revealField(url)).toBe(true));
    expect(hiddenAncestors(url)).toBe(0);
    expect(form.form.querySelector('button[aria-expanded="false"]')).toBeNull();
  });

  it('opens every level: a collapsed list item and the group inside it', async () => {
    form = await renderForm([links], { links: [{ seo: { url: '' } }] });
    const url = invalidField(form.form);
    expect(hiddenAncestors(url)).toBe(2);
    await act(async () => expect(revealField(url)).toBe(true));
    expect(hiddenAncestors(url)).toBe(0);
  });

  it('leaves an already visible field and its form alone', async () => {
    form = await renderForm([{ ...seo, collapsed: false }], { seo: { url: '' } });
    const url = invalidField(form.form);
    await act(async () => expect(revealField(url)).toBe(false));
    expect(hiddenAncestors(url)).toBe(0);
    expect(form.changes).toEqual([]);
  });
});
