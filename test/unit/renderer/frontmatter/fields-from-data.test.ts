import { describe, expect, it } from 'vitest';
import { fieldsFromData } from '../../../../renderer/frontmatter/fields-from-data';

describe('fieldsFromData', () => {
  it('maps each inferred control to its schema widget, never required', () => {
    const fields = fieldsFromData({
      author: 'Ada',
      description: 'Prose',
      date: '2026-02-23T10:00:00.000Z',
      day: '2026-02-23',
      draft: false,
      weight: 3,
      seo: { title: 'T' },
      tags: ['a'],
      category: [{ value: 'c1', label: 'One', order: 2 }],
      cover: null,
    });
    expect(fields.map((field) => [field.name, field.widget, field.required])).toEqual([
      ['author', 'string', false],
      ['description', 'text', false],
      ['date', 'datetime', false],
      ['day', 'date', false],
      ['draft', 'boolean', false],
      ['weight', 'number', false],
      ['seo', 'object', false],
      ['tags', 'list', false],
      ['category', 'list', false],
      ['cover', 'kept', false],
    ]);
    expect(fields[2]).toMatchObject({ pickerUtc: false });
    expect(fields[5]).toMatchObject({ valueType: 'float' });
    expect(fields[6]).toMatchObject({ label: 'SEO', collapsed: false, fields: [{ name: 'title', widget: 'string' }] });
    expect(fields[7]).toMatchObject({ items: { kind: 'strings' }, allowAdd: true });
    // New object-list items start with every key existing items have.
    expect(fields[8]).toMatchObject({
      items: {
        kind: 'fields',
        fields: [
          { name: 'value', default: '' },
          { name: 'label', default: '' },
          { name: 'order', widget: 'number', default: 0 },
        ],
      },
    });
  });
});
