import { describe, expect, it } from 'vitest';
import { filterInsertItems, INSERT_ITEMS } from '../../../../../renderer/editor/insert/insert-items';

const labels = (query: string): string[] => filterInsertItems(INSERT_ITEMS, query).map((item) => item.label);

describe('the insert menu items', () => {
  it('offers every block the brief names, in menu order', () => {
    expect(labels('')).toEqual([
      'Heading 1',
      'Heading 2',
      'Heading 3',
      'Heading 4',
      'Bulleted list',
      'Numbered list',
      'Task list',
      'Quote',
      'Code block',
      'Table',
      'Image',
      'Horizontal rule',
      'Raw HTML / shortcode block',
    ]);
  });

  it('have unique ids, for the command palette', () => {
    expect(new Set(INSERT_ITEMS.map((item) => item.id)).size).toBe(INSERT_ITEMS.length);
  });

  it('filters by the start of the label first, then a word of it, then a keyword', () => {
    expect(labels('ta')).toEqual(['Task list', 'Table']);
    expect(labels('tab')).toEqual(['Table']);
    expect(labels('ule')).toEqual(['Horizontal rule']);
    expect(labels('list')).toEqual(['Bulleted list', 'Numbered list', 'Task list']);
    expect(labels('h2')).toEqual(['Heading 2']);
    expect(labels('divider')).toEqual(['Horizontal rule']);
    expect(labels('shortcode')).toEqual(['Raw HTML / shortcode block']);
    expect(labels('todo')).toEqual(['Task list']);
  });

  it('ignores case and extra spaces, and finds nothing for nonsense', () => {
    expect(labels('  HEADING   3 ')).toEqual(['Heading 3']);
    expect(labels('usr/bin')).toEqual([]);
  });
});
