import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, readConfigModel } from '../../../../main/workspace/site-config';
import type { SchemaField } from '../../../../shared/content/schema/types';
import { tempSites } from './temp-dir';

const SITES = join(__dirname, '../../../fixtures/sites');
const site = tempSites('masthead-site-config-');

describe('findConfig and readConfigModel on an Astro site', () => {
  it('reads the fixture blog from src/content/config.ts: collections, folders and field kinds', async () => {
    const found = await findConfig(join(SITES, 'astro-content'));
    expect(found).toMatchObject({ path: 'src/content/config.ts', kind: 'astro' });
    const model = readConfigModel(found?.text ?? '', found?.path ?? '');
    expect(model).toMatchObject({ source: 'astro', configPath: 'src/content/config.ts', problems: [] });
    expect(
      model.collections.map((c) => (c.kind === 'folder' ? [c.name, c.folder, c.format, c.extensions] : [c.name])),
    ).toEqual([
      ['blog', 'src/content/blog', 'frontmatter', ['md', 'mdx', 'markdown']],
      ['authors', 'src/content/authors', 'json', ['json', 'yaml', 'yml']],
    ]);
    const [blog, authors] = model.collections;
    const kinds = (fields: SchemaField[]): string[] =>
      fields.map((f) => `${f.name}:${f.widget}${f.required ? '' : '?'}`);
    expect(blog?.kind === 'folder' && kinds(blog.fields)).toEqual([
      'title:string',
      'description:string',
      'pubDate:datetime',
      'updatedDate:datetime?',
      'heroImage:image?',
      'author:relation',
      'tags:list?',
      'draft:boolean?',
    ]);
    expect(blog?.kind === 'folder' && blog.fields.find((f) => f.name === 'author')).toMatchObject({
      collection: 'authors',
      displayFields: ['name'],
    });
    expect(blog?.kind === 'folder' && blog.fields.find((f) => f.name === 'draft')).toMatchObject({ default: false });
    expect(authors?.kind === 'folder' && kinds(authors.fields)).toEqual([
      'name:string',
      'bio:string?',
      'website:string?',
    ]);
  });

  it('prefers Astro 5 src/content.config.ts, and a CMS config over either', async () => {
    const astro = {
      'src/content/config.ts': 'export const collections = {};\n',
      'src/content.config.mjs': 'export const collections = {};\n',
    };
    expect(await findConfig(site(astro))).toMatchObject({ path: 'src/content.config.mjs', kind: 'astro' });
    expect(await findConfig(site({ ...astro, 'frontmatter.json': '{}' }))).toMatchObject({
      path: 'frontmatter.json',
      kind: 'frontmatter-cms',
    });
  });
});
