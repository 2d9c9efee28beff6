import { describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { buildSeoInput, expectsDescription } from '../../../../shared/seo/input';

const text = (name: string): SchemaField => ({ widget: 'string', name, label: name, required: false });
const seo: SchemaField = { widget: 'object', name: 'seo', label: 'SEO', required: false, collapsed: false, fields: [text('title'), text('description')] };

describe('expectsDescription', () => {
  it('is true when a field the description role reads exists, at any depth', () => {
    expect(expectsDescription([text('title'), seo], {})).toBe(true);
    expect(expectsDescription([text('title'), text('summary')], {})).toBe(true);
    expect(expectsDescription([text('title'), text('author')], {})).toBe(false);
  });

  it('follows the writer’s mapping of the description role', () => {
    expect(expectsDescription([text('title'), text('lede')], { description: 'lede' })).toBe(true);
    expect(expectsDescription([text('title'), seo], { description: 'lede' })).toBe(false);
  });
});

describe('buildSeoInput', () => {
  it('marks the description as expected from the entry’s fields, so a site without descriptions gets a warning only', () => {
    const base = { path: 'content/posts/a.md', frontMatter: { title: 'Tides' }, body: 'The tide turns at noon.', context: null, image: undefined };
    expect(buildSeoInput({ ...base, fields: [text('title')] }).descriptionExpected).toBe(false);
    expect(buildSeoInput({ ...base, fields: [text('title'), text('description')] }).descriptionExpected).toBe(true);
    expect(buildSeoInput(base).descriptionExpected).toBeUndefined();
  });
});
