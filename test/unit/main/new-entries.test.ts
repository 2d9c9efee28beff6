import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentService } from '../../../main/content-service';
import { makeTempDir, writeFiles } from './workspace/temp-dir';
import { collectionId } from '../../../shared/content/collection-ids';

// Each test gets a folder holding the site (`site/`) and a folder beside it (`outside/`) that a
// symbolic link in the site points at: nothing may ever be written there.
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function siteWithOutside(config: string): { root: string; outside: string } {
  const dir = makeTempDir('masthead-symlink-');
  made.push(dir);
  const root = join(dir, 'site');
  const outside = join(dir, 'outside');
  mkdirSync(outside, { recursive: true });
  writeFiles(root, { 'static/admin/config.yml': config, 'content/pages/about.md': '---\ntitle: About\n---\nHi.\n' });
  writeFiles(outside, { 'secret.md': '---\ntitle: Not part of the site\n---\nPrivate notes.\n' });
  return { root, outside };
}

const FLAT = `collections:
  - name: posts
    label: Posts
    folder: content/posts
    create: true
    slug: "{{slug}}"
    fields:
      - { name: title, widget: string }
      - { name: body, widget: markdown }
`;

const BY_YEAR = `collections:
  - name: posts
    label: Posts
    folder: content/posts
    path: "{{year}}/{{slug}}"
    create: true
    slug: "{{slug}}"
    fields:
      - { name: title, widget: string }
      - { name: body, widget: markdown }
`;

describe('createPost through a symbolic link', () => {
  it('refuses before writing when the collection folder is a link out of the repository', async () => {
    const { root, outside } = siteWithOutside(FLAT);
    symlinkSync('../../outside', join(root, 'content/posts'));
    const service = createContentService(root);
    await expect(
      service.createPost({ collection: collectionId('posts'), title: 'Harbour lights' }),
    ).rejects.toMatchObject({
      code: 'outside-repository',
    });
    expect(readdirSync(outside).sort()).toEqual(['secret.md']);
  });

  it('refuses before writing when the {{year}} sub-folder is a link out of the repository', async () => {
    const { root, outside } = siteWithOutside(BY_YEAR);
    mkdirSync(join(root, 'content/posts'), { recursive: true });
    symlinkSync('../../../outside', join(root, 'content/posts', String(new Date().getFullYear())));
    // The UTC year is what the slug uses; link both when the local and UTC years differ (New Year's Eve).
    const utc = String(new Date().getUTCFullYear());
    if (!existsSync(join(root, 'content/posts', utc)))
      symlinkSync('../../../outside', join(root, 'content/posts', utc));
    const service = createContentService(root);
    await expect(
      service.createPost({ collection: collectionId('posts'), title: 'Harbour lights' }),
    ).rejects.toMatchObject({
      code: 'outside-repository',
    });
    expect(readdirSync(outside).sort()).toEqual(['secret.md']);
  });

  it('does not list files read through a link that leads out of the repository', async () => {
    const { root } = siteWithOutside(FLAT);
    symlinkSync('../../outside', join(root, 'content/posts'));
    const posts = await createContentService(root).listPosts();
    expect(posts.map((post) => post.path)).not.toContain('content/posts/secret.md');
    expect(posts.some((post) => post.title === 'Not part of the site')).toBe(false);
  });

  it('still creates the post when the folder is real', async () => {
    const { root } = siteWithOutside(BY_YEAR);
    mkdirSync(join(root, 'content/posts'));
    const doc = await createContentService(root).createPost({
      collection: collectionId('posts'),
      title: 'Harbour lights',
    });
    expect(existsSync(join(root, doc.path))).toBe(true);
  });
});
