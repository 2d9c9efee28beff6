import { describe, expect, it } from 'vitest';
import type { ContentModel, FileCollection, FolderCollection } from '../../../../shared/content/schema/types';
import { collectionOf, entryFields, entryIssues, entryName, fileEntryOf } from '../../../../renderer/app/entry-schema';
import { collectionId } from '../../../../shared/content/collection-ids';

const authors = {
  kind: 'folder',
  name: 'authors',
  label: 'Authors',
  labelSingular: 'Author',
  folder: 'data/authors',
  extension: 'yml',
  format: 'yaml',
  slug: '{{slug}}',
  identifierField: 'name',
  sortableFields: [],
  create: true,
  bodyField: null,
  inferred: false,
  fields: [{ widget: 'string', name: 'name', label: 'Name', required: true }],
} as unknown as FolderCollection;
const settings = {
  kind: 'file',
  name: 'settings',
  label: 'Settings',
  labelSingular: 'Settings',
  files: [
    {
      name: 'site',
      label: 'Site settings',
      file: 'data/site.yml',
      fields: [{ widget: 'string', name: 'tagline', label: 'Tagline', required: false }],
    },
  ],
} as unknown as FileCollection;
const model = {
  source: 'decap',
  configPath: 'static/admin/config.yml',
  commitMessages: {},
  collections: [settings, authors],
  problems: [],
} as unknown as ContentModel;

describe('entry schema', () => {
  it('finds folder collections by id and file entries by path, and nothing without a model', () => {
    expect(collectionOf(model, collectionId('authors'))).toBe(authors);
    // A file collection is not a folder of entries.
    expect(collectionOf(model, collectionId('settings'))).toBeNull();
    expect(collectionOf(null, collectionId('authors'))).toBeNull();
    expect(fileEntryOf(model, 'data/site.yml')?.label).toBe('Site settings');
    expect(fileEntryOf(model, 'data/other.yml')).toBeNull();
    expect(fileEntryOf(null, 'data/site.yml')).toBeNull();
  });

  it('gives a file entry its own fields, and a post its collection’s fields plus any key only it has', () => {
    expect(
      entryFields(model, collectionId('settings'), { tagline: 'Notes from the marsh' }, 'data/site.yml').map(
        (field) => field.name,
      ),
    ).toEqual(['tagline']);
    expect(
      entryFields(model, collectionId('authors'), { name: 'Ada', bio: 'Counts birds.' }, 'data/authors/ada.yml').map(
        (field) => field.name,
      ),
    ).toEqual(['name', 'bio']);
    // Before the model arrives, every field is inferred from the entry.
    expect(entryFields(null, collectionId('authors'), { name: 'Ada' }).map((field) => field.name)).toEqual(['name']);
  });

  it('names a data entry by its file entry, its identifier field, or its file name', () => {
    expect(entryName(model, { path: 'data/site.yml', collection: collectionId('settings') }, {})).toBe('Site settings');
    expect(
      entryName(model, { path: 'data/authors/ada.yml', collection: collectionId('authors') }, { name: 'Ada Lovelace' }),
    ).toBe('Ada Lovelace');
    expect(
      entryName(model, { path: 'data/authors/2026-01-02-grace-hopper.yml', collection: collectionId('authors') }, {}),
    ).toBe('Grace hopper');
    expect(
      entryName(null, { path: 'content/posts/x.md', collection: collectionId('posts') }, { title: 'Marsh notes' }),
    ).toBe('Marsh notes');
  });

  it('reports a missing required field', () => {
    const fields = entryFields(model, collectionId('authors'), { name: '' }, 'data/authors/ada.yml');
    expect(entryIssues(fields, { name: '' }).map((issue) => [issue.path, issue.severity])).toEqual([
      [['name'], 'error'],
    ]);
    expect(entryIssues(fields, { name: 'Ada' })).toEqual([]);
  });
});
