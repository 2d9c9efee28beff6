import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../main/content-service';
import { createContentService } from '../../../../main/content-service';
import { entryDepth, matchesFilter } from '../../../../main/workspace/collection-members';
import { loadContentIndex } from '../../../../main/workspace/content-index';
import type { FolderCollection } from '../../../../shared/content/schema/types';
import { readFixtureFiles } from '../../../support/content-repo';
import { postsCollection } from '../../../support/collections';
import { tempSites, writeFiles } from './temp-dir';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const site = tempSites('masthead-members-');

/** A fresh copy of the Decap docs fixture: filtered collections over one folder, bundles, nested pages. */
function docsSite(): string {
  const root = site({});
  writeFiles(root, readFixtureFiles('sites/decap-docs'));
  return root;
}

const folder = (extra: Partial<FolderCollection>): FolderCollection =>
  postsCollection({ name: collectionId('c'), label: 'C', labelSingular: 'C', folder: repoFolder('content'), ...extra });

describe('collections that share a folder (Decap filter)', () => {
  it('lists each file under exactly the collections whose filter it passes', async () => {
    const index = await loadContentIndex(docsSite());
    expect(index.model.problems).toEqual([]);
    expect(index.collections.map((collection) => [collection.id, collection.files])).toEqual([
      ['getting-started', ['content/docs/first-map.md', 'content/docs/install.md']],
      ['guides', ['content/docs/calibrate.md', 'content/docs/export.md', 'content/docs/night-survey.md']],
      ['reference', ['content/docs/cli.md', 'content/docs/config-file.md']],
      [
        'blog',
        ['content/blog/first-light/index.md', 'content/blog/release-notes.md', 'content/blog/tide-tables/index.md'],
      ],
      [
        'pages',
        [
          'content/pages/_index.md',
          'content/pages/about/_index.md',
          'content/pages/about/team/_index.md',
          'content/pages/visit/_index.md',
        ],
      ],
    ]);
    // Every file once: the seven docs are not repeated per collection.
    const paths = index.entries.map((entry) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(index.entries.find((entry) => entry.path === 'content/docs/cli.md')).toMatchObject({
      collection: 'reference',
      collections: ['reference'],
    });
  });

  it('gives the library one row per file, in its collection, and opens each post in it', async () => {
    const root = docsSite();
    const service = createContentService(root);
    try {
      const rows = summarize(await service.refresh());
      expect(
        rows
          .filter((row) => row.collection === 'guides')
          .map((row) => row.title)
          .sort(),
      ).toEqual(['Calibrating the sounder', 'Exporting charts', 'Surveying at night']);
      expect(rows).toHaveLength(14);
      const created = await service.createPost({ collection: collectionId('reference'), title: 'Sounder codes' });
      // A new entry of a filtered collection carries the filter's value, so it stays in that collection.
      expect(created).toMatchObject({
        path: 'content/docs/sounder-codes.md',
        collection: 'reference',
        frontMatter: { title: 'Sounder codes', group: 'reference' },
      });
      const after = summarize(await service.refresh());
      expect(after.find((row) => row.path === 'content/docs/sounder-codes.md')?.collection).toBe('reference');
    } finally {
      service.close();
    }
  });

  it('lists a file in every collection it matches, opening it in the first', async () => {
    const root = site({
      'admin/config.yml': `collections:
  - { name: all, label: All docs, folder: docs, fields: [{ name: title, widget: string }] }
  - { name: tips, label: Tips, folder: docs, filter: { field: tags, value: tip }, fields: [{ name: title, widget: string }] }
`,
      'docs/a.md': '---\ntitle: A\ntags: [tip, boats]\n---\n',
      'docs/b.md': '---\ntitle: B\ntags: [boats]\n---\n',
    });
    const index = await loadContentIndex(root);
    expect(index.collections.map((collection) => [collection.id, collection.postCount])).toEqual([
      ['all', 2],
      ['tips', 1],
    ]);
    const rows = summarize(index);
    expect(rows.find((row) => row.path === 'docs/a.md')).toMatchObject({ collection: 'all', alsoIn: ['tips'] });
    expect(rows.find((row) => row.path === 'docs/b.md')?.alsoIn).toBeUndefined();
  });

  it('keeps a file whose front matter does not read in the first collection listing it, never hiding it', async () => {
    const root = site({
      'admin/config.yml': `collections:
  - { name: one, label: One, folder: docs, filter: { field: group, value: one }, fields: [{ name: title, widget: string }] }
  - { name: two, label: Two, folder: docs, filter: { field: group, value: two }, fields: [{ name: title, widget: string }] }
`,
      'docs/ok.md': '---\ntitle: Ok\ngroup: two\n---\n',
      'docs/broken.md': '---\ntitle: [unclosed\n---\n',
    });
    const index = await loadContentIndex(root);
    expect(index.collections.map((collection) => [collection.id, collection.files])).toEqual([
      ['one', ['docs/broken.md']],
      ['two', ['docs/ok.md']],
    ]);
    expect(index.entries.find((entry) => entry.path === 'docs/broken.md')?.error).not.toBeNull();
  });
});

describe('matchesFilter', () => {
  it('matches equal values, list members, dotted fields and patterns as Decap does', () => {
    expect(matchesFilter({ group: 'guides' }, { field: 'group', value: 'guides' })).toBe(true);
    expect(matchesFilter({ group: 'guide' }, { field: 'group', value: 'guides' })).toBe(false);
    expect(matchesFilter({}, { field: 'group', value: 'guides' })).toBe(false);
    expect(matchesFilter({ tags: ['a', 'b'] }, { field: 'tags', value: 'b' })).toBe(true);
    expect(matchesFilter({ draft: false }, { field: 'draft', value: false })).toBe(true);
    expect(matchesFilter({ draft: 'false' }, { field: 'draft', value: false })).toBe(false);
    expect(matchesFilter({ seo: { kind: 'tip' } }, { field: 'seo.kind', value: 'tip' })).toBe(true);
    expect(matchesFilter({ lang: 'en-GB' }, { field: 'lang', pattern: '^en' })).toBe(true);
    expect(matchesFilter({ lang: 'de' }, { field: 'lang', pattern: '^en' })).toBe(false);
    expect(matchesFilter({ lang: 'en' }, { field: 'lang', pattern: '(' })).toBe(false);
    expect(matchesFilter({ anything: 1 }, undefined)).toBe(true);
  });
});

describe('entryDepth', () => {
  it('follows Decap: path segments, nested depth, one more level for locale folders; other sources walk deep', () => {
    expect(entryDepth('decap', folder({}))).toBe(1);
    expect(entryDepth('decap', folder({ path: '{{slug}}/index' }))).toBe(2);
    expect(entryDepth('decap', folder({ path: '{{year}}/{{month}}/{{slug}}' }))).toBe(3);
    expect(entryDepth('decap', folder({ nested: { depth: 100 } }))).toBe(12);
    expect(
      entryDepth(
        'decap',
        folder({ i18n: { structure: 'multiple_folders', locales: ['en', 'de'], defaultLocale: 'en' } }),
      ),
    ).toBe(2);
    expect(entryDepth('frontmatter-cms', folder({}))).toBeGreaterThan(3);
  });

  it('lists only the levels Decap would: a bundle collection sees bundles, a flat one does not', async () => {
    const root = site({
      'admin/config.yml': `collections:
  - { name: flat, label: Flat, folder: flat, fields: [{ name: title, widget: string }] }
  - { name: bundles, label: Bundles, folder: bundles, path: '{{slug}}/index', fields: [{ name: title, widget: string }] }
`,
      'flat/a.md': '---\ntitle: A\n---\n',
      'flat/2024/b.md': '---\ntitle: B\n---\n',
      'bundles/c/index.md': '---\ntitle: C\n---\n',
      'bundles/c/deeper/d.md': '---\ntitle: D\n---\n',
      'bundles/README.md': '# About this folder\n',
    });
    const index = await loadContentIndex(root);
    expect(index.collections.map((collection) => [collection.id, collection.files])).toEqual([
      ['flat', ['flat/a.md']],
      ['bundles', ['bundles/c/index.md']],
    ]);
  });
});
