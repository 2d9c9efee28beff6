import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../../main/check';
import { createContentService } from '../../../main/content-service';
import { readPost } from '../../../main/workspace/posts';
import { readFixtureFiles } from '../../support/content-repo';
import { tempSites, writeFiles } from './workspace/temp-dir';
import { collectionId } from '../../../shared/content/collection-ids';

const site = tempSites('masthead-i18n-');

/** A fresh copy of the bilingual fixture site (posts: multiple_folders, notes: multiple_files, pages: single_file). */
function kitchen(): string {
  const root = site({});
  writeFiles(root, readFixtureFiles('sites/decap-i18n'));
  return root;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

describe('listing a translated site', () => {
  it('gives each file its locale and translation key, translations together with the default locale first', async () => {
    const service = createContentService(kitchen());
    const rows = (await service.listPosts()).map((post) => [
      post.path,
      post.title,
      post.locale ?? post.locales,
      post.translationKey,
    ]);
    service.close();
    expect(rows).toEqual([
      ['content/posts/en/night-market.md', 'Notes from the Night Market', 'en', 'night-market'],
      ['content/posts/en/smoked-trout.md', 'Smoking Trout on a Balcony', 'en', 'smoked-trout'],
      ['content/posts/de/smoked-trout.md', 'Forelle räuchern auf dem Balkon', 'de', 'smoked-trout'],
      // A single file is one entry named by its default locale's title, holding the locales it has written.
      ['content/pages/about.md', 'About the Kitchen', ['en', 'de'], undefined],
      ['content/notes/rye-starter.en.md', 'Feeding a Rye Starter', 'en', 'rye-starter'],
      ['content/notes/rye-starter.de.md', 'Roggensauerteig füttern', 'de', 'rye-starter'],
    ]);
  });

  it('keeps a German translation next to its English post even when its date sorts it elsewhere', async () => {
    const root = kitchen();
    writeFiles(root, {
      'content/posts/de/night-market.md': '---\ntitle: Nachtmarkt\ndate: 2025-01-01T00:00:00.000Z\n---\n',
    });
    const service = createContentService(root);
    const paths = (await service.listPosts()).map((post) => post.path).slice(0, 3);
    service.close();
    expect(paths).toEqual([
      'content/posts/en/night-market.md',
      'content/posts/de/night-market.md',
      'content/posts/en/smoked-trout.md',
    ]);
  });

  it('offers one relation choice per translated entry, named by its key', async () => {
    const service = createContentService(kitchen());
    const options = await service.relationOptions({
      collection: collectionId('posts'),
      valueField: '{{slug}}',
      searchFields: ['title'],
      displayFields: ['title'],
      query: '',
    });
    service.close();
    expect(options).toEqual([
      { value: 'night-market', label: 'Notes from the Night Market' },
      { value: 'smoked-trout', label: 'Smoking Trout on a Balcony' },
    ]);
  });
});

describe('adding a translation', () => {
  it('multiple_folders: writes the locale folder’s file with duplicated values, empty translated fields, no default-only fields', async () => {
    const root = kitchen();
    const service = createContentService(root);
    const doc = await service.createTranslation({ path: 'content/posts/en/night-market.md', locale: 'de' });
    service.close();
    expect(read(root, 'content/posts/de/night-market.md')).toBe(
      ['---', 'title: ""', 'date: 2026-03-05T19:30:00.000Z', 'tags:', '  - markets', '---', ''].join('\n'),
    );
    expect(doc).toMatchObject({
      kind: 'post',
      path: 'content/posts/de/night-market.md',
      collection: 'posts',
      body: '',
      frontMatter: { title: '', tags: ['markets'] },
    });
    // The new file is listed with its locale beside its English post.
    const again = createContentService(root);
    expect((await again.listPosts()).slice(0, 2).map((post) => [post.path, post.locale])).toEqual([
      ['content/posts/en/night-market.md', 'en'],
      ['content/posts/de/night-market.md', 'de'],
    ]);
    again.close();
  });

  it('multiple_files: writes `<slug>.<locale>.<ext>` from a translation that is not the default', async () => {
    const root = kitchen();
    writeFiles(root, {
      'static/admin/config.yml': read(root, 'static/admin/config.yml').replace(
        'locales: [en, de]\n    fields:\n      - { name: title, label: Title, widget: string, i18n: true }\n      - { name: season',
        'locales: [en, de, fr]\n    fields:\n      - { name: title, label: Title, widget: string, i18n: true }\n      - { name: season',
      ),
    });
    const service = createContentService(root);
    await service.createTranslation({ path: 'content/notes/rye-starter.de.md', locale: 'fr' });
    service.close();
    expect(read(root, 'content/notes/rye-starter.fr.md')).toBe(
      ['---', 'title: ""', 'season: winter', '---', ''].join('\n'),
    );
  });

  it('never overwrites an existing translation, and refuses locales and posts that cannot be translated', async () => {
    const root = kitchen();
    const before = read(root, 'content/posts/de/smoked-trout.md');
    const service = createContentService(root);
    await expect(
      service.createTranslation({ path: 'content/posts/en/smoked-trout.md', locale: 'de' }),
    ).rejects.toMatchObject({
      code: 'bad-request',
      message: 'The German translation already exists at “content/posts/de/smoked-trout.md”. Open it from the library.',
    });
    await expect(
      service.createTranslation({ path: 'content/posts/en/smoked-trout.md', locale: 'es' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('“es” is not one of this collection’s locales') });
    await expect(service.createTranslation({ path: 'content/pages/about.md', locale: 'de' })).rejects.toMatchObject({
      code: 'bad-request',
    });
    service.close();
    expect(read(root, 'content/posts/de/smoked-trout.md')).toBe(before);
    expect(existsSync(join(root, 'content/posts/es'))).toBe(false);
  });

  it('refuses to translate a post whose front matter does not read, rather than leave its shared values out', async () => {
    const root = kitchen();
    writeFiles(root, { 'content/posts/en/night-market.md': '---\ntitle: [unclosed\n---\nBody.\n' });
    const service = createContentService(root);
    await expect(
      service.createTranslation({ path: 'content/posts/en/night-market.md', locale: 'de' }),
    ).rejects.toMatchObject({
      code: 'invalid-front-matter',
      message: expect.stringContaining('cannot be translated until its front matter reads'),
    });
    service.close();
    expect(existsSync(join(root, 'content/posts/de/night-market.md'))).toBe(false);
  });
});

describe('new posts of a translated collection', () => {
  it('are written in the default locale, and a name any translation uses counts as taken', async () => {
    const root = kitchen();
    writeFiles(root, { 'content/posts/de/cloudberries.md': '---\ntitle: Moltebeeren\n---\n' });
    const service = createContentService(root);
    const trout = await service.createPost({ collection: collectionId('posts'), title: 'Smoked Trout' });
    const berries = await service.createPost({ collection: collectionId('posts'), title: 'Cloudberries' });
    const note = await service.createPost({ collection: collectionId('notes'), title: 'Salting Herring' });
    service.close();
    expect([trout.path, berries.path, note.path]).toEqual([
      'content/posts/en/smoked-trout-1.md',
      'content/posts/en/cloudberries-1.md',
      'content/notes/salting-herring.en.md',
    ]);
  });
});

describe('single_file entries', () => {
  it('open as a page of fields (no body editor) and lose nothing on a save round trip', async () => {
    const root = kitchen();
    const service = createContentService(root);
    const doc = await service.present(await readPost(root, 'content/pages/about.md'));
    service.close();
    expect(doc).toMatchObject({ kind: 'data', format: 'yaml', body: '' });
    expect(doc.frontMatter).toEqual({
      en: {
        title: 'About the Kitchen',
        order: 1,
        body: 'We cook on a small stove by the fjord and write down what works.',
      },
      de: {
        title: 'Über die Küche',
        order: 1,
        body: 'Wir kochen auf einem kleinen Herd am Fjord und schreiben auf, was gelingt.',
      },
    });
  });
});

describe('masthead check on a translated site', () => {
  it('warns about every missing translation on the post’s default-locale file, and asks nothing default-only of translations', async () => {
    const root = kitchen();
    writeFiles(root, { 'content/pages/contact.md': '---\nen:\n  title: Contact\n  body: Write to us.\n---\n' });
    const service = createContentService(root);
    const report = await checkSite(await service.current());
    service.close();
    expect(
      report.files.map((file) => [file.path, file.issues.map((issue) => `${issue.severity} ${issue.message}`)]),
    ).toEqual([
      ['content/pages/contact.md', ['warning “contact” has no German (de) translation.']],
      [
        'content/posts/en/night-market.md',
        [
          'warning “night-market” has no German (de) translation (expected content/posts/de/night-market.md).',
          'warning “night-market” has no French (fr) translation (expected content/posts/fr/night-market.md).',
        ],
      ],
      [
        'content/posts/en/smoked-trout.md',
        ['warning “smoked-trout” has no French (fr) translation (expected content/posts/fr/smoked-trout.md).'],
      ],
    ]);
  });
});
