import { describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { runSeoChecks } from '../../../../shared/seo/checks';
import { buildSeoInput, expectsDescription } from '../../../../shared/seo/input';

const text = (name: string, more: Partial<SchemaField> = {}): SchemaField =>
  ({ widget: 'string', name, label: name, required: false, ...more }) as SchemaField;
const seo: SchemaField = {
  widget: 'object',
  name: 'seo',
  label: 'SEO',
  required: false,
  collapsed: false,
  fields: [text('title'), text('description', { required: true })],
};

describe('expectsDescription', () => {
  it('is true when the schema requires a field the description role reads, at any depth', () => {
    expect(expectsDescription([text('title'), seo], {})).toBe(true);
    expect(expectsDescription([text('title'), text('summary', { required: true })], {})).toBe(true);
    expect(expectsDescription([text('title'), text('author', { required: true })], {})).toBe(false);
  });

  it('is true for a field learned from the posts only when most posts have it', () => {
    expect(expectsDescription([text('title'), text('description', { presence: 4 / 203 })], {})).toBe(false);
    expect(expectsDescription([text('title'), text('description', { presence: 0.5 })], {})).toBe(false);
    expect(expectsDescription([text('title'), text('description', { presence: 0.9 })], {})).toBe(true);
    expect(expectsDescription([text('title'), text('description')], {})).toBe(false);
  });

  it('follows the writer’s mapping of the description role', () => {
    expect(expectsDescription([text('title'), text('lede', { required: true })], { description: 'lede' })).toBe(true);
    expect(expectsDescription([text('title'), seo], { description: 'lede' })).toBe(false);
  });
});

describe('buildSeoInput', () => {
  const base = {
    path: 'content/posts/a.md',
    frontMatter: { title: 'Tides' },
    body: 'The tide turns at noon.',
    context: null,
    image: undefined,
  };
  const context = (described: number, posts: number) => ({
    siteUrl: null,
    displayUrl: null,
    otherPosts: [],
    existingPaths: [],
    mapping: {},
    conventions: { posts, description: described, canonicalUrl: 0, image: 0, imageAlt: 0 },
  });

  it('marks the description as expected from the entry’s fields when the site’s habits are unknown', () => {
    expect(buildSeoInput({ ...base, fields: [text('title')] }).descriptionExpected).toBe(false);
    expect(
      buildSeoInput({ ...base, fields: [text('title'), text('description', { presence: 0.02 })] }).descriptionExpected,
    ).toBe(false);
    expect(
      buildSeoInput({ ...base, fields: [text('title'), text('description', { required: true })] }).descriptionExpected,
    ).toBe(true);
    expect(buildSeoInput(base).descriptionExpected).toBeUndefined();
  });

  it('learns it from the collection: 4 of 203 posts is no convention, 150 of 203 is; a required field always is', () => {
    const optional = [text('title'), text('description')];
    expect(buildSeoInput({ ...base, context: context(4, 203), fields: optional }).descriptionExpected).toBe(false);
    expect(buildSeoInput({ ...base, context: context(150, 203), fields: optional }).descriptionExpected).toBe(true);
    expect(
      buildSeoInput({
        ...base,
        context: context(4, 203),
        fields: [text('title'), text('description', { required: true })],
      }).descriptionExpected,
    ).toBe(true);
    expect(buildSeoInput({ ...base, context: context(4, 203) }).conventions).toEqual({
      posts: 203,
      description: 4,
      canonicalUrl: 0,
      image: 0,
      imageAlt: 0,
    });
  });
});

describe('a post without a title', () => {
  const base = {
    path: 'docs/retention.md',
    body: 'Old readings are folded into hourly averages.',
    context: null,
    image: undefined,
  };
  const titleCheck = (frontMatter: Record<string, string>, body = base.body) =>
    runSeoChecks(buildSeoInput({ ...base, frontMatter, body })).find((check) => check.id === 'title-present');

  it('is advice when there is no title key at all (the site names the page after its file), an error when the title is empty', () => {
    expect(titleCheck({ sidebar_label: 'Retention' })?.severity).toBe('warning');
    expect(titleCheck({ title: '' })?.severity).toBe('error');
    expect(titleCheck({}, '# Retention\n\nOld readings.')).toMatchObject({
      severity: 'pass',
      message: expect.stringContaining('the heading the page opens with'),
    });
  });
});
