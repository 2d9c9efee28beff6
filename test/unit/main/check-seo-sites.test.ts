/**
 * `masthead check` on healthy sites in the shape of real ones (a Hugo docs site, a Jekyll blog): no
 * SEO error and no SEO advice a site owner would dispute; and on copies with three real mistakes,
 * exactly those three errors.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../main/check';
import type { CliContext } from '../../../main/cli/context';
import { runCli } from '../../../main/cli/run';
import { makeTempDir } from './workspace/temp-dir';

const APP_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SITES = fileURLToPath(new URL('../../fixtures/sites/', import.meta.url));

async function check(root: string, ...args: string[]): Promise<{ code: number; report: CheckReport }> {
  const out: string[] = [];
  const context: CliContext = {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
    cwd: root,
    appRoot: APP_ROOT,
    shutdown: new AbortController().signal,
  };
  const code = await runCli(['check', '--json', ...args], context);
  return { code, report: JSON.parse(out.join('\n')) as CheckReport };
}

/** Every SEO finding as `path: severity field: message`. */
function seoIssues(report: CheckReport): string[] {
  return report.files.flatMap((file) =>
    file.issues
      .filter((issue) => issue.field?.startsWith('SEO '))
      .map((issue) => `${file.path}: ${issue.severity} ${issue.field}: ${issue.message}`),
  );
}

function errors(report: CheckReport): string[] {
  return report.files.flatMap((file) =>
    file.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${file.path}: ${issue.field ?? ''}: ${issue.message}`),
  );
}

const copies: string[] = [];
afterEach(() => {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of a fixture site outside any git checkout (so the file list comes from a walk), with `edits` applied. */
function copyOf(site: string, edits: Record<string, (text: string) => string> = {}): string {
  const root = makeTempDir('masthead-seo-site-');
  copies.push(root);
  cpSync(join(SITES, site), root, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(root, path);
    const before = readFileSync(file, 'utf8');
    const after = edit(before);
    expect(after, `the edit of ${path} changed nothing`).not.toBe(before);
    writeFileSync(file, after);
  }
  return root;
}

describe.each(['seo-hugo', 'seo-jekyll'])('a healthy site: %s', (site) => {
  it('has no content-model error', async () => {
    const { code, report } = await check(join(SITES, site), '--no-seo');
    expect(errors(report)).toEqual([]);
    expect(code).toBe(0);
  });

  it('has no SEO error and no SEO warning, from a git checkout or an exported copy', async () => {
    for (const root of [join(SITES, site), copyOf(site)]) {
      const { code, report } = await check(root);
      expect(errors(report)).toEqual([]);
      expect(seoIssues(report)).toEqual([]);
      expect(code).toBe(0);
    }
  });
});

describe('a site with real mistakes', () => {
  it('Hugo: a card image that does not exist, a link to a missing file and an empty title are the only errors', async () => {
    const root = copyOf('seo-hugo', {
      'content/blog/spring-tides.md': (text) => text.replace('/images/spring-tides.png', '/images/spring-tide.png'),
      'content/docs/reference/station-files.md': (text) =>
        text.replace('/files/sample-station.toml', '/files/sample-stations.toml'),
      'content/docs/configure.md': (text) => text.replace('title: Configure a harbour', 'title: ""'),
    });
    const { code, report } = await check(root);
    expect(code).toBe(1);
    expect(errors(report)).toEqual([
      'content/blog/spring-tides.md: SEO social image file: /images/spring-tide.png (from “images”) is not in the repository: the page and its cards would show a broken image.',
      'content/docs/configure.md: SEO title: The post has no title: search results and cards would show the URL instead. Add a title.',
      'content/docs/reference/station-files.md: SEO internal links: 1 link or image points at a file the repository does not have: /files/sample-stations.toml (line 1).',
    ]);
    expect(report.errors).toBe(3);
    // A mistake is no excuse for advice elsewhere.
    expect(seoIssues(report).filter((issue) => issue.includes(': warning '))).toEqual([]);
  });

  it('Jekyll: a missing post image, a {% link %} to a file that is not there and an empty title are the only errors', async () => {
    const root = copyOf('seo-jekyll', {
      '_posts/2024-04-06-broad-beans.md': (text) =>
        text
          .replace('/assets/img/broad-beans.png', '/assets/img/broad-bean.png')
          .replace('_posts/2024-03-02-first-dig.md', '_posts/2024-03-02-first-dig.markdown'),
      '_posts/2024-05-11-slugs.md': (text) => text.replace('title: The slug report', 'title:'),
    });
    const { code, report } = await check(root);
    expect(code).toBe(1);
    expect(errors(report)).toEqual([
      '_posts/2024-04-06-broad-beans.md: SEO social image file: /assets/img/broad-bean.png (from “image”) is not in the repository: the page and its cards would show a broken image.',
      '_posts/2024-04-06-broad-beans.md: SEO internal links: 1 link or image points at a file the repository does not have: _posts/2024-03-02-first-dig.markdown (line 3).',
      '_posts/2024-05-11-slugs.md: SEO title: The post has no title: search results and cards would show the URL instead. Add a title.',
    ]);
    expect(report.errors).toBe(3);
  });
});
