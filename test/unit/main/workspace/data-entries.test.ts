import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentService, summarize } from '../../../../main/content-service';
import { loadContentIndex } from '../../../../main/workspace/content-index';
import type { ContentIndex } from '../../../../main/workspace/content-index';
import { librarySummaries, locateEntry } from '../../../../main/workspace/data-entries';
import { readPost, savePost } from '../../../../main/workspace/posts';
import { AppFailure } from '../../../../shared/errors';
import { makeTempDir, writeFiles } from './temp-dir';
import { collectionId } from '../../../../shared/content/collection-ids';

// Our own small Decap site: posts, a YAML data folder collection, and a file collection.
const CONFIG = `backend:
  name: git-gateway
collections:
  - name: blog
    label: Blog
    folder: content/blog
    fields:
      - { name: title, label: Title, widget: string }
      - { name: body, label: Body, widget: markdown }
  - name: crew
    label: Crew
    folder: content/crew
    format: yaml
    extension: yml
    identifier_field: name
    create: true
    fields:
      - { name: name, label: Name, widget: string }
      - { name: role, label: Role, widget: string }
  - name: settings
    label: Settings
    files:
      - { name: tags, label: Tag list, file: data/tags.json, fields: [{ name: tags, label: Tags, widget: list }] }
      - { name: site, label: Site, file: data/site.toml, fields: [{ name: title, label: Title, widget: string }] }
      - { name: gone, label: Missing file, file: data/gone.yml, fields: [] }
`;

const SKIPPER = '# the one who steers\nname: Ada Brandt\nrole: skipper # since 2019\n';
const TAGS = '{\r\n  "tags": ["ferries", "tides"],\r\n  "updated": "2026-01-02"\r\n}\r\n';
const SITE = 'title = "Quay Notes"\n# shown under the title\ntagline = "Small news"\n';

describe('data entries', () => {
  let root: string;
  let index: ContentIndex;
  beforeEach(async () => {
    root = makeTempDir('masthead-data-');
    writeFiles(root, {
      'static/admin/config.yml': CONFIG,
      'content/blog/hello.md': '---\ntitle: Hello\n---\nBody.\n',
      'content/crew/ada.yml': SKIPPER,
      'content/crew/notes.md': '---\ntitle: Stray\n---\n',
      'data/tags.json': TAGS,
      'data/site.toml': SITE,
      'package.json': '{ "name": "site" }\n',
    });
    index = await loadContentIndex(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const read = (path: string) => readPost(root, path, locateEntry(index.model, path));
  const save = (path: string, baseVersion: string, frontMatter: Record<string, unknown>) =>
    savePost(
      root,
      { path, baseVersion, frontMatter: frontMatter as never, body: 'ignored' },
      locateEntry(index.model, path)?.dataFormat ?? null,
    );

  it('locates data entries only where the content model puts them', () => {
    expect(locateEntry(index.model, 'content/crew/ada.yml')).toEqual({ collection: 'crew', dataFormat: 'yaml' });
    expect(locateEntry(index.model, 'data/tags.json')).toEqual({ collection: 'settings', dataFormat: 'json' });
    expect(locateEntry(index.model, 'data/site.toml')).toEqual({ collection: 'settings', dataFormat: 'toml' });
    // A Markdown file in a data folder, a post, and a JSON file no collection names are not data entries.
    expect(locateEntry(index.model, 'content/crew/notes.md')).toBeNull();
    expect(locateEntry(index.model, 'content/blog/hello.md')).toBeNull();
    expect(locateEntry(index.model, 'package.json')).toBeNull();
    expect(() => locateEntry(index.model, '../outside.yml')).toThrow(AppFailure);
  });

  it('lists file collections and their existing files in the library', () => {
    expect(librarySummaries(index)).toEqual([
      { id: 'blog', folder: 'content/blog', label: 'Blog', postCount: 1 },
      { id: 'crew', folder: 'content/crew', label: 'Crew', postCount: 1 },
      { id: 'settings', folder: null, label: 'Settings', postCount: 2 },
    ]);
    const rows = summarize(index);
    expect(rows).toContainEqual({
      path: 'data/tags.json',
      collection: 'settings',
      title: 'Tag list',
      date: null,
      draft: false,
    });
    expect(rows).toContainEqual({
      path: 'content/crew/ada.yml',
      collection: 'crew',
      title: 'Ada Brandt',
      date: null,
      draft: false,
    });
    expect(rows.some((row) => row.path === 'data/gone.yml')).toBe(false);
  });

  it('opens a data entry as data: all fields, no body', async () => {
    const doc = await read('content/crew/ada.yml');
    expect(doc).toMatchObject({
      kind: 'data',
      path: 'content/crew/ada.yml',
      collection: 'crew',
      format: 'yaml',
      body: '',
      frontMatter: { name: 'Ada Brandt', role: 'skipper' },
    });
    expect(await read('data/tags.json')).toMatchObject({
      kind: 'data',
      collection: 'settings',
      format: 'json',
      frontMatter: { tags: ['ferries', 'tides'] },
    });
    expect(await read('content/blog/hello.md')).toMatchObject({ kind: 'post', body: 'Body.\n' });
  });

  it('saves one changed value as one changed line, keeping comments and CRLF', async () => {
    const ada = await read('content/crew/ada.yml');
    const result = await save(ada.path, ada.version, { ...ada.frontMatter, role: 'first mate' });
    expect(result.written).toBe(true);
    expect(readFileSync(join(root, 'content/crew/ada.yml'), 'utf8')).toBe(
      SKIPPER.replace('role: skipper', 'role: first mate'),
    );

    const tags = await read('data/tags.json');
    await save(tags.path, tags.version, { ...tags.frontMatter, updated: '2026-02-03' });
    expect(readFileSync(join(root, 'data/tags.json'), 'utf8')).toBe(TAGS.replace('2026-01-02', '2026-02-03'));

    const site = await read('data/site.toml');
    await save(site.path, site.version, { ...site.frontMatter, tagline: 'Harbour news' });
    expect(readFileSync(join(root, 'data/site.toml'), 'utf8')).toBe(SITE.replace('Small news', 'Harbour news'));
  });

  it('writes nothing when nothing changed, and refuses a file changed on disk', async () => {
    const ada = await read('content/crew/ada.yml');
    expect((await save(ada.path, ada.version, ada.frontMatter)).written).toBe(false);
    writeFileSync(join(root, 'content/crew/ada.yml'), SKIPPER.replace('Ada', 'Ida'));
    await expect(save(ada.path, ada.version, { ...ada.frontMatter, role: 'cook' })).rejects.toMatchObject({
      code: 'changed-on-disk',
    });
  });

  it('creates a new entry of a data collection as a data file, opened as data', async () => {
    const service = createContentService(root);
    try {
      const doc = await service.createPost({ collection: collectionId('crew'), title: 'Bo Pier' });
      expect(doc).toMatchObject({
        kind: 'data',
        path: 'content/crew/bo-pier.yml',
        format: 'yaml',
        body: '',
        frontMatter: { name: 'Bo Pier' },
      });
      expect(readFileSync(join(root, doc.path), 'utf8')).toMatch(/^name: Bo Pier\n/);
    } finally {
      service.close();
    }
  });

  it('keeps data files behind the content model and inside the repository', async () => {
    // Not an entry: treated as a post, so its extension is refused.
    await expect(read('package.json')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(save('package.json', 'x', { name: 'evil' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe('{ "name": "site" }\n');
    // An entry path that leads out through a symbolic link is refused like `../`.
    const outside = makeTempDir('masthead-outside-');
    try {
      writeFileSync(join(outside, 'secret.yml'), 'name: secret\n');
      symlinkSync(join(outside, 'secret.yml'), join(root, 'content/crew/link.yml'));
      const location = { collection: collectionId('crew'), dataFormat: 'yaml' as const };
      await expect(readPost(root, 'content/crew/link.yml', location)).rejects.toMatchObject({
        code: 'outside-repository',
      });
      await expect(
        savePost(root, { path: 'content/crew/link.yml', baseVersion: 'x', frontMatter: {}, body: '' }, 'yaml'),
      ).rejects.toMatchObject({
        code: 'outside-repository',
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    // Even a data format cannot open a non-data extension or Git's own folder.
    await expect(
      savePost(root, { path: 'content/blog/hello.md', baseVersion: 'x', frontMatter: {}, body: '' }, 'yaml'),
    ).rejects.toMatchObject({ code: 'bad-request' });
    await expect(
      readPost(root, '.git/config.yml', { collection: collectionId('x'), dataFormat: 'yaml' }),
    ).rejects.toMatchObject({
      code: 'outside-repository',
    });
  });
});
