import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../../main/cli/context';
import { runCli } from '../../../../main/cli/run';
import { tempSites } from '../workspace/temp-dir';

const site = tempSites('masthead-check-');

// The checkout itself: its resources/fonts let the title be measured in pixels, as the app does.
const APP_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function check(args: string[], cwd: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    cwd,
    appRoot: APP_ROOT,
    shutdown: new AbortController().signal,
  };
  const code = await runCli(['check', ...args], context);
  return { code, out, err };
}

const CONFIG = `collections:
  - name: blog
    label: Blog
    folder: content/blog
    fields:
      - { name: title, label: Title, widget: string }
      - { name: rating, label: Rating, widget: number, value_type: int, min: 1, max: 5 }
      - { name: author, label: Author, widget: relation, collection: authors, value_field: name, search_fields: [name], display_fields: [name] }
      - { name: body, label: Body, widget: markdown }
  - name: authors
    label: Authors
    folder: content/authors
    fields:
      - { name: name, label: Name, widget: string }
`;

describe('masthead check', () => {
  it('prints each file’s problems and the summary line, and exits 1 on errors', async () => {
    const root = site({
      'static/admin/config.yml': CONFIG,
      'content/blog/good.md': '---\ntitle: Good\nrating: 4\nauthor: Ada\n---\nx\n',
      'content/blog/bad.md': '---\nrating: 9\nauthor: Nobody\n---\nx\n',
      'content/authors/ada.md': '---\nname: Ada\n---\n',
    });
    const { code, out } = await check(['--no-seo'], root);
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('Content model: Decap CMS config static/admin/config.yml');
    expect(text).toMatch(/content\/blog\/bad\.md\n {2}error {3}title: Title is required\./);
    expect(text).toMatch(/rating: Rating must be at most 5\./);
    expect(out.at(-1)).toMatch(/^3 entries, 2 errors, 1 warning$/);
    expect(text).not.toContain('good.md');
  });

  it('exits 0 for a clean site and reports JSON with --json', async () => {
    const root = site({
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const { code, out } = await check([root, '--json', '--no-seo'], '/');
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as {
      source: string;
      entries: number;
      errors: number;
      warnings: number;
      files: unknown[];
    };
    expect(report).toMatchObject({ source: 'inferred', entries: 2, errors: 0, warnings: 0, files: [] });
  });

  it('reports config problems with their line and still checks the posts', async () => {
    const root = site({
      'static/admin/config.yml':
        'collections:\n  - name: blog\n    folder: content/gone\n    fields: [{ name: title }]\n',
      'content/posts/a.md': '---\ntitle: A\n---\nx\n',
      'content/posts/b.md': '---\ntitle: B\n---\ny\n',
    });
    const { code, out } = await check(['--no-seo'], root);
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(
      /static\/admin\/config\.yml\n {2}error {3}line 3: Collection .*“content\/gone” does not exist/,
    );
    expect(out.at(-1)).toBe('2 entries, 1 error, 0 warnings');
  });

  it('runs the SEO checks the app shows: a missing description where most posts have one and a short one are warnings', async () => {
    const description =
      'A walk along the harbour wall at dusk, counting the lamps as the keepers light them one by one, with notes on the tides.';
    const root = site({
      'content/posts/a.md': `---\ntitle: Harbour lamps at dusk\ndescription: ${description}\n---\nThe lamps come on.\n`,
      'content/posts/b.md': '---\ntitle: Tides\n---\nThe tide turns.\n\n#### Too deep\n',
      'content/posts/c.md': '---\ntitle: Fog\ndescription: Short.\n---\nGrey.\n',
    });
    const { code, out } = await check([], root);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(
      /content\/posts\/b\.md\n {2}warning SEO description: No description, though this site's posts carry one \(2 of 3 posts in this collection have one\)/,
    );
    expect(text).toMatch(/content\/posts\/b\.md[\s\S]*warning SEO heading levels: Headings skip a level/i);
    expect(text).toMatch(/content\/posts\/c\.md\n {2}warning SEO description length: 6 characters/);
    expect(text).not.toMatch(/content\/posts\/a\.md\n {2}error/);
  });

  it('measures titles in pixels with the bundled font, like the app’s Google preview', async () => {
    const title = 'Harbour Lights: What We Heard at the Community Night on the Quay';
    const root = site({
      'content/posts/a.md': `---\ntitle: "${title}"\n---\nThe lamps.\n`,
      'content/posts/b.md': '---\ntitle: B\n---\nx\n',
    });
    const text = (await check([], root)).out.join('\n');
    const width = /warning SEO title width: (\d+) px wide/.exec(text);
    expect(width).not.toBeNull();
    // Liberation Sans at 20 px, as Google draws titles: wider than the 600 px it shows.
    expect(Number(width?.[1])).toBeGreaterThan(600);
    expect(Number(width?.[1])).toBeLessThan(700);
  });

  it('refuses a folder that does not exist with a usage exit code', async () => {
    const { code, err } = await check(['/no/such/folder'], '/');
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('there is no folder');
  });
});
