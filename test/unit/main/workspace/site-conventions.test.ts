import { describe, expect, it } from 'vitest';
import { readSiteConventions } from '../../../../main/workspace/site-conventions';
import { globToRegExp, siteExclusion } from '../../../../main/workspace/site-ignore';
import { tempSites } from './temp-dir';

describe('site conventions', () => {
  const site = tempSites('masthead-conventions-');

  it("reads Hugo's contentDir, language content folders and ignoreFiles from any config file name", async () => {
    const root = site({
      'hugo.json': JSON.stringify({
        contentdir: 'src/content',
        ignoreFiles: ['\\.bak$', '(unclosed'],
        languages: { en: { contentDir: 'src/content' }, fr: { ContentDir: 'src/fr' } },
      }),
      'src/content/a.md': 'x',
      'src/fr/a.md': 'x',
    });
    const { hugo } = await readSiteConventions(root);
    expect(hugo?.contentDirs).toEqual(['src/content', 'src/fr']);
    // An invalid pattern is dropped, not fatal.
    expect(hugo?.ignoreFiles.map(String)).toEqual(['/\\.bak$/']);
  });

  it('does not take another tool’s config.yaml for Hugo’s, nor a broken config for anything', async () => {
    expect((await readSiteConventions(site({ 'config.yaml': 'port: 8080\n', content: '' }))).hugo).toBeNull();
    expect((await readSiteConventions(site({ 'hugo.toml': 'title = \n' }))).hugo).toBeNull();
    expect((await readSiteConventions(site({ '_config.yml': 'collections: [oops\n' }))).jekyll).toBeNull();
  });

  it("reads Jekyll's collections (map or list), collections_dir and exclude", async () => {
    const root = site({
      '_config.yml':
        'collections_dir: ./stuff/\ncollections:\n  posts: {}\n  recipes: { output: true }\nexclude: [vendor/, "*.sketch"]\n',
    });
    expect((await readSiteConventions(root)).jekyll).toEqual({
      collectionsDir: 'stuff',
      collections: ['recipes'],
      exclude: ['vendor/', '*.sketch'],
    });
  });

  it("finds Eleventy's input folder and Docusaurus by their configs", async () => {
    const root = site({
      '.eleventy.js': 'module.exports = () => ({ dir: { input: "site", output: "dist" } });\n',
      'site/index.md': 'x',
      'docusaurus.config.ts': 'export default {};\n',
    });
    expect(await readSiteConventions(root)).toMatchObject({
      eleventyInput: 'site',
      docusaurus: true,
      hugo: null,
      jekyll: null,
    });
  });
});

describe('site exclusions', () => {
  it("turns Jekyll's exclude entries into path tests", () => {
    expect(globToRegExp('vendor/')?.test('vendor')).toBe(true);
    expect(globToRegExp('*.sketch.md')?.test('a.sketch.md')).toBe(true);
    expect(globToRegExp('*.sketch.md')?.test('notes/a.sketch.md')).toBe(false);
    expect(globToRegExp('drafts/**')?.test('drafts/a/b.md')).toBe(true);
    expect(globToRegExp('./')).toBeNull();
    const excluded = siteExclusion({
      hugo: null,
      jekyll: { collectionsDir: '', collections: [], exclude: ['notes/', 'docs/old'] },
      docusaurus: false,
      eleventyInput: null,
    });
    expect(['notes', 'notes/a.md', 'docs/old/x.md', 'docs/new.md', 'notesy.md'].map(excluded)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("matches Hugo's ignoreFiles against the path below the repo and below the content folder", () => {
    const excluded = siteExclusion({
      hugo: { contentDirs: ['content'], ignoreFiles: [/^drafts\//, /\.wip\.md$/] },
      jekyll: null,
      docusaurus: false,
      eleventyInput: null,
    });
    expect(['content/drafts/a.md', 'content/docs/cli.wip.md', 'content/docs/cli.md'].map(excluded)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
