import { describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { withField } from '../../../../renderer/frontmatter/field-order';

const field = (name: string): SchemaField => ({ name, label: name, required: false, widget: 'string' });
const FIELDS = ['templateKey', 'title', 'date', 'description', 'tags'].map(field);

describe('withField', () => {
  it('changes an existing key in place', () => {
    expect(Object.keys(withField({ tags: 'a', title: 'T' }, FIELDS, 'title', 'U'))).toEqual(['tags', 'title']);
  });

  it('puts a new key after its nearest schema neighbour that the object has', () => {
    const next = withField({ title: 'T', date: 'D', tags: 'x', extra: 1 }, FIELDS, 'description', 'New');
    expect(Object.keys(next)).toEqual(['title', 'date', 'description', 'tags', 'extra']);
    expect(next.description).toBe('New');
  });

  it('puts a key the schema lists first before the first neighbour, and an unknown key last', () => {
    expect(Object.keys(withField({ title: 'T', tags: 'x' }, FIELDS, 'templateKey', 'post'))).toEqual([
      'templateKey',
      'title',
      'tags',
    ]);
    expect(Object.keys(withField({ title: 'T' }, FIELDS, 'other', 1))).toEqual(['title', 'other']);
    expect(Object.keys(withField({}, FIELDS, 'date', 'D'))).toEqual(['date']);
  });

  it('keeps a __proto__ key as data', () => {
    const next = withField({ title: 'T' }, [field('__proto__'), field('title')], '__proto__', 'x');
    expect(Object.keys(next)).toEqual(['__proto__', 'title']);
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
  });
});
