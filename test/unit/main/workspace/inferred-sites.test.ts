import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCollections } from '../../../../main/workspace/collections';
import { parsePostFile } from '../../../../shared/content/post-file';
import { inferModel } from '../../../../shared/content/schema/infer';
import type { FolderCollection, SchemaField } from '../../../../shared/content/schema/types';

const SITES = join(import.meta.dirname, '../../../fixtures/sites');

/** The model inferred for a fixture site, the way the content index infers it: scan, read, infer. */
async function inferSite(name: string): Promise<FolderCollection[]> {
  const root = join(SITES, name);
  const scanned = await scanCollections(root);
  const model = inferModel(
    scanned.map((collection) => ({
      folder: collection.folder,
      label: collection.label,
      entries: collection.files.map((path) => {
        const { format, data } = parsePostFile(readFileSync(join(root, path), 'utf8'));
        return { path, format, frontMatter: data };
      }),
    })),
  );
  return model.collections.filter((collection): collection is FolderCollection => collection.kind === 'folder');
}

/** Each field as `name: widget[ format]`, the shape a writer sees in the form. */
const kinds = (collection: FolderCollection | undefined): string[] =>
  (collection?.fields ?? []).map(
    (field: SchemaField) =>
      `${field.name}: ${field.widget}${'format' in field && field.format ? ` ${field.format}` : ''}`,
  );

describe('fields inferred for real site shapes', () => {
  it('Jekyll: posts get a date picker that writes `YYYY-MM-DD HH:mm:ss ZZ`; docs and pages keep their own fields', async () => {
    const [posts, docs, pages] = await inferSite('jekyll');
    expect(posts).toMatchObject({ folder: '_posts', label: 'Posts', slug: '{{year}}-{{month}}-{{day}}-{{slug}}' });
    expect(kinds(posts)).toEqual([
      'layout: select',
      'title: string',
      'date: datetime YYYY-MM-DD HH:mm:ss ZZ',
      'categories: select',
      'tags: list',
      'author: select',
      'image: string',
    ]);
    expect(docs).toMatchObject({ folder: '_docs', label: 'Docs' });
    // The docs collection's fields are its own: none of the posts' layout, categories or dates.
    expect(kinds(docs)).toEqual(['title: string', 'order: number', 'section: string']);
    expect(pages).toMatchObject({ folder: 'pages', label: 'Pages' });
    expect(kinds(pages)).toEqual(['layout: select', 'title: string', 'permalink: string']);
  });

  it("Astro: `pubDate: 'Jun 19 2024'` is a date picker writing `MMM DD YYYY`", async () => {
    const [blog] = await inferSite('astro');
    expect(kinds(blog)).toEqual([
      'title: string',
      'description: text',
      'pubDate: date MMM DD YYYY',
      'updatedDate: date MMM DD YYYY',
      'heroImage: string',
    ]);
    expect(blog?.sortableFields).toEqual(['pubDate', 'updatedDate', 'title']);
  });

  it('Hugo docs: TOML docs pages and YAML blog posts each get their own fields', async () => {
    const collections = await inferSite('hugo-docs');
    expect(collections.map((collection) => [collection.folder, collection.label])).toEqual([
      ['content/blog', 'Blog'],
      ['content/docs', 'Docs'],
      ['content', 'Pages'],
    ]);
    expect(kinds(collections[0])).toEqual([
      'title: string',
      'date: datetime YYYY-MM-DDTHH:mm:ssZ',
      'author: select',
      'tags: select',
      'description: text',
    ]);
    expect(kinds(collections[1])).toEqual([
      'title: string',
      'linkTitle: string',
      'weight: number',
      'description: text',
    ]);
  });

  it('Eleventy: posts dated `2024-06-19` get a plain date picker', async () => {
    const [posts] = await inferSite('eleventy');
    expect(kinds(posts)).toEqual(['title: string', 'date: date', 'tags: list']);
  });
});
