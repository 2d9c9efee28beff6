import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../../main/cli/context';
import { runCli } from '../../../../main/cli/run';
import { tempSites } from '../workspace/temp-dir';

// `masthead check` on every fixture site, each in the shape of a real kind of site: a healthy site
// gives no errors (a site's CI passes), and counts every entry it holds, file-collection pages too.

const FIXTURES = fileURLToPath(new URL('../../../fixtures/sites/', import.meta.url));
const APP_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function check(site: string, ...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const context: CliContext = {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
    cwd: FIXTURES,
    appRoot: APP_ROOT,
    shutdown: new AbortController().signal,
  };
  const code = await runCli(['check', site, ...args], context);
  return { code, out };
}

// Site → the summary line of `check --no-seo`.
const EXPECTED: Record<string, string> = {
  'decap-docs': '14 entries, 0 errors, 0 warnings',
  decap: '15 entries, 0 errors, 0 warnings',
  'decap-i18n': '6 entries, 0 errors, 3 warnings', // the translations the fixture leaves missing, on purpose
  'frontmatter-cms': '6 entries, 0 errors, 0 warnings',
  'hugo-docs': '19 entries, 0 errors, 0 warnings',
  jekyll: '9 entries, 0 errors, 0 warnings',
  docusaurus: '7 entries, 0 errors, 0 warnings',
  eleventy: '5 entries, 0 errors, 0 warnings',
  plain: '6 entries, 0 errors, 0 warnings',
  astro: '3 entries, 0 errors, 0 warnings',
  'astro-content': '7 entries, 0 errors, 0 warnings',
};

describe('masthead check --no-seo on real-shaped sites', () => {
  for (const [site, summary] of Object.entries(EXPECTED)) {
    it(`${site}: ${summary}`, async () => {
      const { code, out } = await check(site, '--no-seo');
      expect(out.at(-1), out.join('\n')).toBe(summary);
      expect(code).toBe(0);
    });
  }
});

describe('masthead check (with the SEO checks) on real-shaped sites', () => {
  // Healthy sites: no errors, whatever advice the SEO checks give (a short description, a small card image).
  for (const site of [...Object.keys(EXPECTED), 'seo-hugo', 'seo-jekyll']) {
    it(`${site}: 0 errors`, async () => {
      const { code, out } = await check(site);
      expect(out.at(-1), out.join('\n')).toMatch(/^\d+ entries, 0 errors, \d+ warnings?$/);
      expect(code).toBe(0);
    });
  }
});

describe('masthead check never passes having checked nothing', () => {
  const site = tempSites('masthead-check-empty-');

  it('fails on a configured collection that matches no files (an MDX blog configured as .md)', async () => {
    const root = site({
      'static/admin/config.yml':
        'collections:\n  - { name: blog, label: Blog, folder: src/content/blog, fields: [{ name: title, widget: string }] }\n',
      'src/content/blog/first.mdx': '---\ntitle: First\n---\nHello <Aside>there</Aside>\n',
    });
    const { code, out } = await check(root, '--no-seo');
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(
      'Collection “Blog” matches no files: nothing ending in .md in “src/content/blog”.',
    );
  });

  it('counts an MDX blog once its config says so', async () => {
    const root = site({
      'static/admin/config.yml':
        'collections:\n  - { name: blog, label: Blog, folder: src/content/blog, extension: mdx, format: frontmatter, fields: [{ name: title, widget: string }] }\n',
      'src/content/blog/first.mdx': '---\ntitle: First\n---\nHello <Aside>there</Aside>\n',
    });
    const { code, out } = await check(root, '--no-seo');
    expect(out.at(-1)).toBe('1 entry, 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('fails on a site where nothing is found at all', async () => {
    const root = site({ 'README.md': '# Nothing here yet\n' });
    const { code, out } = await check(root, '--no-seo');
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('No entries were found');
  });
});
