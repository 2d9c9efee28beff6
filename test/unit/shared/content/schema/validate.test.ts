import { describe, expect, it } from 'vitest';
import type { FrontMatterData, JsonValue } from '../../../../../shared/api';
import type { FieldIssue, SchemaField } from '../../../../../shared/content/schema/types';
import {
  isGeometry,
  looksLikeUrlField,
  summarizeIssues,
  validateEntry,
} from '../../../../../shared/content/schema/validate';
import { collectionId } from '../../../../../shared/content/collection-ids';

type Widget<W extends SchemaField['widget']> = Extract<SchemaField, { widget: W }>;

/** A field with the common options filled in; required unless said otherwise. */
function field<W extends SchemaField['widget']>(widget: W, name: string, extra: Partial<Widget<W>> = {}): SchemaField {
  return {
    widget,
    name,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    required: true,
    ...extra,
  } as unknown as SchemaField;
}

const check = (f: SchemaField, value: JsonValue | undefined, options = {}): FieldIssue[] =>
  validateEntry([f], value === undefined ? {} : { [f.name]: value }, options);
const messages = (f: SchemaField, value: JsonValue | undefined): string[] =>
  check(f, value).map((issue) => issue.message);

describe('required', () => {
  const title = field('string', 'title');
  it.each([[undefined], [null], [''], ['   '], [[]]])('counts %j as missing', (value) => {
    expect(check(title, value as JsonValue)).toEqual([
      { path: ['title'], severity: 'error', message: 'Title is required.' },
    ]);
  });
  it('accepts any filled-in value, and ignores missing optional fields', () => {
    expect(check(title, 'x')).toEqual([]);
    expect(check(field('number', 'weight', { valueType: 'int' }), 0)).toEqual([]);
    expect(check({ ...title, required: false }, '')).toEqual([]);
  });
  it('never counts a boolean as missing, nor hidden or kept values', () => {
    expect(check(field('boolean', 'draft'), undefined)).toEqual([]);
    expect(check(field('boolean', 'draft'), false)).toEqual([]);
    expect(check(field('hidden', 'templateKey'), undefined)).toEqual([]);
    expect(check(field('kept', 'odd'), null)).toEqual([]);
  });
});

describe('pattern', () => {
  const slug = field('string', 'slug', {
    pattern: { regex: '^[a-z0-9-]+$', message: 'Use lowercase letters, digits and dashes.' },
  });
  it('shows the config message when the value does not match', () => {
    expect(messages(slug, 'Hello World')).toEqual(['Use lowercase letters, digits and dashes.']);
    expect(messages(slug, 'hello-world')).toEqual([]);
  });
  it('ignores a broken regex from the config', () => {
    expect(messages(field('string', 'x', { pattern: { regex: '([', message: 'never' } }), 'a')).toEqual([]);
  });
});

describe('number', () => {
  const readingTime = field('number', 'readingTime', { label: 'Reading time', valueType: 'int', min: 1, max: 60 });
  const rating = field('number', 'rating', { valueType: 'float', min: 0, max: 5, step: 0.5 });
  it('checks whole numbers and the min/max boundaries', () => {
    expect(messages(readingTime, 1)).toEqual([]);
    expect(messages(readingTime, 60)).toEqual([]);
    expect(messages(readingTime, 0)).toEqual(['Reading time must be at least 1.']);
    expect(messages(readingTime, 61)).toEqual(['Reading time must be at most 60.']);
    expect(messages(readingTime, 2.5)).toEqual(['Reading time must be a whole number.']);
    expect(messages(readingTime, 'soon')).toEqual(['Reading time must be a number.']);
    expect(messages(readingTime, '12')).toEqual([]);
  });
  it('checks steps without float drift', () => {
    expect(messages(rating, 5)).toEqual([]);
    expect(messages(rating, 5.5)).toEqual(['Rating must be at most 5.']);
    expect(messages(rating, 4.5)).toEqual([]);
    expect(messages(rating, 4.2)).toEqual(['Rating must go in steps of 0.5.']);
    expect(messages(field('number', 'n', { valueType: 'float', step: 0.1 }), 0.3)).toEqual([]);
  });
});

describe('select', () => {
  const options = [
    { label: 'News', value: 'news' },
    { label: 'Notes', value: 'notes' },
    { label: 'One', value: 1 },
  ];
  it('accepts only listed values', () => {
    const kind = field('select', 'kind', { options, multiple: false });
    expect(messages(kind, 'news')).toEqual([]);
    expect(messages(kind, 1)).toEqual([]);
    expect(messages(kind, 'essay')).toEqual(['“essay” is not one of the choices for Kind.']);
  });
  it('accepts any value in an open (inferred) select: its options only suggest', () => {
    expect(messages(field('select', 'author', { options, multiple: false, open: true }), 'A new author')).toEqual([]);
    expect(messages(field('select', 'tags', { options, multiple: true, open: true }), ['news', 'brand-new'])).toEqual(
      [],
    );
  });
  it('counts the choices of a multiple select', () => {
    const topics = field('select', 'topics', { options, multiple: true, min: 2, max: 2 });
    expect(messages(topics, ['news', 'notes'])).toEqual([]);
    expect(messages(topics, ['news'])).toEqual(['Topics needs at least 2 choices.']);
    expect(messages(topics, ['news', 'notes', 1])).toEqual(['Topics can have at most 2 choices.']);
    expect(messages(topics, [])).toEqual(['Topics is required.']);
  });
});

describe('list', () => {
  it('counts items at the boundaries', () => {
    const tags = field('list', 'tags', {
      items: { kind: 'strings' },
      min: 1,
      max: 2,
      allowAdd: true,
      collapsed: false,
    });
    expect(messages(tags, ['a'])).toEqual([]);
    expect(messages(tags, ['a', 'b'])).toEqual([]);
    expect(messages(tags, ['a', 'b', 'c'])).toEqual(['Tags can have at most 2 items.']);
    expect(messages({ ...tags, required: false }, [])).toEqual([]);
    expect(messages({ ...tags, min: 2 } as SchemaField, ['a'])).toEqual(['Tags needs at least 2 items.']);
  });
  it('reports nested problems with their path', () => {
    const links = field('list', 'links', {
      items: {
        kind: 'fields',
        fields: [field('string', 'url', { label: 'URL' }), field('string', 'text', { required: false })],
      },
      allowAdd: true,
      collapsed: false,
    });
    const issues = check(links, [
      { url: 'https://a.example' },
      { url: '/relative' },
      { url: 'c.example.org' },
      { text: 'x' },
    ]);
    expect(issues).toEqual([
      {
        path: ['links', 2, 'url'],
        severity: 'warning',
        message: 'URL should be a full address starting with https://.',
      },
      { path: ['links', 3, 'url'], severity: 'error', message: 'URL is required.' },
    ]);
  });
  it('validates each item of a single-field list and of a types list', () => {
    const scores = field('list', 'scores', {
      items: { kind: 'field', field: field('number', 'score', { valueType: 'int', max: 10 }) },
      allowAdd: true,
      collapsed: false,
    });
    expect(check(scores, [3, 11])).toEqual([
      { path: ['scores', 1], severity: 'error', message: 'Score must be at most 10.' },
    ]);
    const sections = field('list', 'sections', {
      items: {
        kind: 'types',
        typeKey: 'type',
        types: [{ name: 'quote', label: 'Quote', fields: [field('string', 'text')] }],
      },
      allowAdd: true,
      collapsed: false,
    });
    expect(check(sections, [{ type: 'quote', text: 'hi' }, { type: 'quote' }, { type: 'video' }])).toEqual([
      { path: ['sections', 1, 'text'], severity: 'error', message: 'Text is required.' },
      {
        path: ['sections', 2],
        severity: 'warning',
        message: 'Sections 3 has an unknown type “video”; it is kept as is.',
      },
    ]);
  });
});

describe('object', () => {
  const seo = field('object', 'seo', {
    label: 'SEO',
    fields: [field('string', 'title'), field('string', 'canonical', { required: false })],
    collapsed: false,
  });
  it('recurses into present objects', () => {
    expect(check(seo, { title: '' })).toEqual([
      { path: ['seo', 'title'], severity: 'error', message: 'Title is required.' },
    ]);
    expect(check(seo, { title: 't', canonical: 'example.org' }).map((issue) => issue.path)).toEqual([
      ['seo', 'canonical'],
    ]);
  });
  it('does not report inside an absent optional object', () => {
    expect(check({ ...seo, required: false }, undefined)).toEqual([]);
    expect(messages(seo, undefined)).toEqual(['SEO is required.']);
  });
});

describe('URL fields', () => {
  it('recognises address-like names only', () => {
    expect(
      ['url', 'canonicalURL', 'seo_url', 'website', 'href', 'link', 'externalLink', 'docs_link', 'permalink'].every(
        looksLikeUrlField,
      ),
    ).toBe(true);
    expect(['linkedin', 'title', 'curl', 'hurl', 'linkTitle', 'url_label'].some(looksLikeUrlField)).toBe(false);
  });
  it('warns about addresses that cannot work, never about paths a site means to write', () => {
    const url = field('string', 'url', { label: 'URL' });
    for (const value of [
      'https://example.org/x',
      'http://example.org',
      '/blog/x',
      '/about/',
      './intro',
      'docs/install',
      '{{< ref "x" >}}',
      'mailto:crew@example.org',
    ]) {
      expect(check(url, value), value).toEqual([]);
    }
    for (const value of [
      'example.org',
      'www.example.org/blog',
      'https://',
      'ftp://example.org',
      'https://exa mple.org',
      'the harbour page',
    ]) {
      expect(check(url, value), value).toEqual([
        { path: ['url'], severity: 'warning', message: 'URL should be a full address starting with https://.' },
      ]);
    }
  });
});

describe('dates', () => {
  it('accepts ISO values when there is no format', () => {
    const date = field('datetime', 'date', { pickerUtc: false });
    expect(messages(date, '2026-02-23T10:00:00.000Z')).toEqual([]);
    expect(messages(date, '2026-02-23')).toEqual([]);
    expect(messages(date, '2026-02-30')).toEqual(['Date should be a date like 2026-02-23T10:00:00.000Z.']);
  });
  it('checks values against the field format', () => {
    const date = field('datetime', 'date', { format: 'MMM D, YYYY h:mm a', pickerUtc: false });
    expect(messages(date, 'Feb 23, 2026 10:05 am')).toEqual([]);
    expect(messages(date, '2026-02-23')).toEqual(['Date should be a date like Feb 23, 2026 10:00 am.']);
    const day = field('date', 'day', { format: 'YYYY-MM-DD' });
    expect(messages(day, '2026-02-28')).toEqual([]);
    expect(messages(day, '2026-02-29')).toHaveLength(1);
  });
});

describe('colour, map, relation, custom, code', () => {
  it('checks hex colours, with alpha only when enabled', () => {
    const color = field('color', 'accent', { allowInput: true, enableAlpha: false });
    expect(messages(color, '#abc')).toEqual([]);
    expect(messages(color, '#A1B2C3')).toEqual([]);
    expect(messages(color, '#a1b2c3ff')).toEqual(['Accent must be a colour like #1a2b3c.']);
    expect(messages({ ...color, enableAlpha: true } as SchemaField, '#a1b2c3ff')).toEqual([]);
    expect(messages(color, 'red')).toHaveLength(1);
  });
  it('checks GeoJSON of the right geometry', () => {
    const place = field('map', 'place', { geometry: 'Point' });
    expect(messages(place, '{"type":"Point","coordinates":[2.35,48.85]}')).toEqual([]);
    expect(messages(place, '{"type":"LineString","coordinates":[[0,0],[1,1]]}')).toEqual([
      'Place must be GeoJSON for a Point.',
    ]);
    expect(messages(place, 'not json')).toHaveLength(1);
    expect(isGeometry('{"type":"LineString","coordinates":[[0,0]]}', 'LineString')).toBe(false);
    expect(isGeometry('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}', 'Polygon')).toBe(true);
  });
  it('warns about relation values not among the known ones, only when they are known', () => {
    const author = field('relation', 'author', {
      collection: collectionId('authors'),
      valueField: 'slug',
      searchFields: ['name'],
      displayFields: ['name'],
      multiple: false,
    });
    const relationValues = () => new Set<string | number>(['ada']);
    expect(check(author, 'ada', { relationValues })).toEqual([]);
    expect(check(author, 'bob', { relationValues })).toEqual([
      {
        path: ['author'],
        severity: 'warning',
        message: '“bob” was not found in authors; pick one of its entries for Author.',
      },
    ]);
    expect(check(author, 'bob')).toEqual([]);
    const authors = { ...author, multiple: true, max: 1 } as SchemaField;
    expect(check(authors, ['ada', 'bob'], { relationValues }).map((issue) => issue.severity)).toEqual([
      'warning',
      'error',
    ]);
  });
  it('validates a custom widget with its inferred editor, and never a code value', () => {
    const custom = field('custom', 'files', {
      label: 'Files',
      customWidget: 'ncw-file-relation',
      editor: field('number', 'x', { valueType: 'int', required: false }),
    });
    expect(messages(custom, 1.5)).toEqual(['Files must be a whole number.']);
    expect(messages({ ...custom, editor: null } as SchemaField, { any: 'thing' })).toEqual([]);
    expect(messages(field('code', 'snippet'), '{{{ not code')).toEqual([]);
  });
});

describe('summarizeIssues', () => {
  it('counts errors and warnings', () => {
    const data: FrontMatterData = { title: '', url: 'example.org' };
    const issues = validateEntry([field('string', 'title'), field('string', 'url')], data);
    expect(summarizeIssues(issues)).toEqual({ errors: 1, warnings: 1 });
    expect(summarizeIssues([])).toEqual({ errors: 0, warnings: 0 });
  });
});
