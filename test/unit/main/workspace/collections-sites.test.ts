import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCollections } from '../../../../main/workspace/collections';
import { tempSites } from './temp-dir';

const SITES = join(import.meta.dirname, '../../../fixtures/sites');
const scan = async (root: string) =>
  (await scanCollections(root)).map(({ folder, label, files }) => ({ folder, label, files }));
const page = (title: string) => `---\ntitle: ${title}\n---\nText.\n`;

describe('collections of real site shapes (fixtures)', () => {
  it('Hugo docs: one collection per top-level section, nested sections, _index pages and bundles included, plumbing left out', async () => {
    expect(await scan(join(SITES, 'hugo-docs'))).toEqual([
      {
        folder: 'content/blog',
        label: 'Blog',
        files: [
          'content/blog/_index.md',
          'content/blog/release-0-9/index.md',
          'content/blog/release-1-0.md',
          'content/blog/winter-timetables.md',
        ],
      },
      {
        folder: 'content/docs',
        label: 'Docs',
        files: [
          'content/docs/_index.md',
          'content/docs/configuration/_index.md',
          'content/docs/configuration/content/_index.md',
          'content/docs/configuration/content/front-matter.md',
          // A bundle is one page; its legend.md is a resource of the bundle, not a page.
          'content/docs/configuration/content/page-bundles/index.md',
          'content/docs/configuration/content/taxonomies.md',
          'content/docs/configuration/site-settings.md',
          'content/docs/getting-started/_index.md',
          'content/docs/getting-started/first-timetable.md',
          'content/docs/getting-started/install.md',
          'content/docs/reference/_index.md',
          // cli.wip.md is left out by the config's ignoreFiles.
          'content/docs/reference/cli.md',
          // A page bundle named like a snippet folder is still a page.
          'content/docs/reference/shortcodes/index.md',
        ],
      },
      { folder: 'content', label: 'Pages', files: ['content/_index.md', 'content/about/index.md'] },
    ]);
  });

  it('Jekyll: posts with their drafts, a configured collection, pages; excluded folders and globs left out', async () => {
    expect(await scan(join(SITES, 'jekyll'))).toEqual([
      {
        folder: '_posts',
        label: 'Posts',
        files: [
          '_posts/2024-11-03-ten-minute-upma.md',
          '_posts/2024-12-10-winter-market-chutney.md',
          '_posts/2025-01-29-monsoon-rasam.md',
          '_drafts/spice-tin-inventory.md',
        ],
      },
      { folder: '_docs', label: 'Docs', files: ['_docs/getting-started.md', '_docs/ordering-spices.md'] },
      { folder: 'pages', label: 'Pages', files: ['index.md', 'pages/about.md', 'pages/contact.md'] },
    ]);
  });

  it('Docusaurus: docs (without _partials), blog with dated bundles, and Markdown pages; translations and versions left out', async () => {
    expect(await scan(join(SITES, 'docusaurus'))).toEqual([
      {
        folder: 'blog',
        label: 'Blog',
        files: ['blog/2024-06-19-first-light/index.md', 'blog/2024-09-02-buoy-season.md'],
      },
      {
        folder: 'docs',
        label: 'Docs',
        files: [
          'docs/guides/advanced/retention.md',
          'docs/guides/import-logs.md',
          'docs/guides/share-a-chart.md',
          'docs/intro.md',
        ],
      },
      { folder: 'src/pages', label: 'Pages', files: ['src/pages/about.md'] },
    ]);
  });

  it("Eleventy: the input folder's sections and its top-level pages; _includes and _data left out", async () => {
    expect(await scan(join(SITES, 'eleventy'))).toEqual([
      {
        folder: 'src/posts',
        label: 'Posts',
        files: ['src/posts/2023/cold-frames.md', 'src/posts/first-frost.md', 'src/posts/seed-swap.md'],
      },
      { folder: 'src', label: 'Pages', files: ['src/about.md', 'src/index.md'] },
    ]);
  });

  it('Astro: the blog content collection', async () => {
    expect(await scan(join(SITES, 'astro'))).toEqual([
      {
        folder: 'src/content/blog',
        label: 'Blog',
        files: [
          'src/content/blog/dawn-chorus.md',
          'src/content/blog/harbour-bells.md',
          'src/content/blog/rain-on-tin.md',
        ],
      },
    ]);
  });
});

describe('collections by site convention', () => {
  const site = tempSites('masthead-sites-');

  it('gives a Hugo site of 60 nested folders a handful of collections', async () => {
    const files: Record<string, string> = { 'hugo.toml': 'title = "x"\n' };
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 5; b++) {
        for (let c = 0; c < 3; c++)
          files[`content/docs/area-${a}/topic-${b}/part-${c}/page.md`] = page(`P${a}${b}${c}`);
      }
    }
    files['content/blog/one.md'] = page('One');
    const scanned = await scanCollections(site(files));
    expect(scanned.map(({ folder, postCount }) => ({ folder, postCount }))).toEqual([
      { folder: 'content/blog', postCount: 1 },
      { folder: 'content/docs', postCount: 60 },
    ]);
  });

  it("follows Hugo's per-language content folders, each with its own sections", async () => {
    const root = site({
      'config/_default/hugo.yaml': 'title: x\n',
      'config/_default/languages.yaml':
        'en:\n  contentDir: content/en\n  weight: 1\nde:\n  contentDir: content/de\n  weight: 2\n',
      'content/en/docs/_index.md': page('Docs'),
      'content/en/docs/setup.md': page('Setup'),
      'content/de/docs/setup.md': page('Einrichtung'),
      'content/en/_index.md': page('Home'),
    });
    expect(await scan(root)).toEqual([
      {
        folder: 'content/en/docs',
        label: 'Docs (content/en/docs)',
        files: ['content/en/docs/_index.md', 'content/en/docs/setup.md'],
      },
      { folder: 'content/de/docs', label: 'Docs (content/de/docs)', files: ['content/de/docs/setup.md'] },
      { folder: 'content/en', label: 'Pages', files: ['content/en/_index.md'] },
    ]);
  });

  it('keeps a flat content/ folder as one collection named after it', async () => {
    const root = site({ 'content/hello.md': page('Hello'), 'content/world.md': page('World') });
    expect(await scan(root)).toEqual([
      { folder: 'content', label: 'Content', files: ['content/hello.md', 'content/world.md'] },
    ]);
  });

  it('reads a Hugo contentDir other than content/', async () => {
    const root = site({
      'config.toml': 'baseURL = "https://x.example/"\ncontentDir = "site/pages"\n',
      'site/pages/guides/a.md': page('A'),
      'site/pages/guides/deep/b.md': page('B'),
      'content/stray.md': page('Stray'),
    });
    expect(await scan(root)).toEqual([
      {
        folder: 'site/pages/guides',
        label: 'Guides',
        files: ['site/pages/guides/a.md', 'site/pages/guides/deep/b.md'],
      },
    ]);
  });

  it('keeps Jekyll collections under collections_dir, and root pages without a pages/ folder', async () => {
    const root = site({
      '_config.yml': 'collections_dir: my_collections\ncollections:\n  - recipes\n',
      'my_collections/_posts/2024-01-02-a.md': page('A'),
      'my_collections/_recipes/dal.md': page('Dal'),
      'about.md': page('About'),
      'notes.md': 'No front matter: not a Jekyll page.\n',
      '_plugins/notes.md': page('Plugin notes'),
    });
    expect(await scan(root)).toEqual([
      { folder: 'my_collections/_posts', label: 'Posts', files: ['my_collections/_posts/2024-01-02-a.md'] },
      { folder: 'my_collections/_recipes', label: 'Recipes', files: ['my_collections/_recipes/dal.md'] },
      { folder: '', label: 'Pages', files: ['about.md'] },
    ]);
  });

  it('gathers nested discovered folders under their top-level folder, below containers like src/', async () => {
    const root = site({
      'writing/2023/a.md': page('A'),
      'writing/2023/b.md': page('B'),
      'writing/2024/c.md': page('C'),
      'writing/2024/d.md': page('D'),
      'app/blog/posts/e.md': page('E'),
      'app/blog/posts/f.md': page('F'),
      'snippets/x.md': page('X'),
      'snippets/y.md': page('Y'),
      'archetypes/default.md': page('Default'),
      'archetypes/post.md': page('Post'),
    });
    expect((await scanCollections(root)).map(({ folder, postCount }) => ({ folder, postCount }))).toEqual([
      { folder: 'writing', postCount: 4 },
      { folder: 'app/blog', postCount: 2 },
    ]);
  });
});
