import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDocument } from '../../../../shared/api';
import {
  displayFileName,
  listPosts,
  readPost,
  savePost,
  sortPosts,
  warmUpPostRead,
} from '../../../../main/workspace/posts';
import { makeTempDir, writeFiles } from './temp-dir';
import { collectionId } from '../../../../shared/content/collection-ids';

// Our own fixture: a Decap-style post with nested SEO fields, a list, a comment and an unknown key.
const LANTERN = [
  '---',
  'title: Lanterns on the Harbour',
  'author: Ines Okafor',
  'date: 2025-03-14T09:30:00.000Z',
  '# kept by hand, not in the CMS schema',
  'mood: calm',
  'tags:',
  '  - night',
  '  - boats',
  'seo:',
  '  title: Lanterns on the Harbour',
  '  description: A short walk along the quay after dark.',
  '---',
  'The harbour was quiet.',
  '',
  '## Later',
  '',
  'Someone lit the *first* lantern.',
  '',
].join('\n');

const dated = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nBody of ${title}.\n`;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('posts on disk', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const file = (path: string) => join(root, ...path.split('/'));
  const open = (path: string): Promise<PostDocument> => readPost(root, path);

  describe('warmUpPostRead', () => {
    it('reads a post and changes nothing; a missing, broken or absent post is no failure', async () => {
      writeFiles(root, { 'data/authors.yml': 'ines: Ines Okafor\n', 'content/posts/lanterns.md': LANTERN });
      const before = statSync(file('content/posts/lanterns.md')).mtimeMs;
      await warmUpPostRead(root, [{ path: 'data/authors.yml' }, { path: 'content/posts/lanterns.md' }]);
      expect(readFileSync(file('content/posts/lanterns.md'), 'utf8')).toBe(LANTERN);
      expect(statSync(file('content/posts/lanterns.md')).mtimeMs).toBe(before);
      await expect(warmUpPostRead(root, [{ path: 'content/posts/gone.md' }])).resolves.toBeUndefined();
      writeFiles(root, { 'content/posts/broken.md': '---\ntitle: [unclosed\n---\nbody\n' });
      await expect(warmUpPostRead(root, [{ path: 'content/posts/broken.md' }])).resolves.toBeUndefined();
      await expect(warmUpPostRead(root, [])).resolves.toBeUndefined();
    });
  });

  describe('listPosts', () => {
    it('lists every post newest first, undated last by title, keeping broken ones visible', async () => {
      writeFiles(root, {
        'content/posts/lanterns.md': LANTERN,
        'content/posts/older.md': dated('An Older Note', '2023-11-02'),
        'content/posts/newest/index.md': dated('Newest Bundle', '2025-06-01', 'draft: true\n'),
        'content/posts/zeta.md': '---\ntitle: Zeta Without Date\n---\nz\n',
        'content/posts/alpha.md': '---\ntitle: Alpha Without Date\n---\na\n',
        'content/posts/broken.md': '---\ntitle: [unclosed\n---\nbody\n',
        'content/posts/untitled-thing.md': '---\ndate: 2024-01-01\n---\nno title\n',
      });
      const posts = await listPosts(root);
      expect(posts.map((post) => post.path)).toEqual([
        'content/posts/newest/index.md',
        'content/posts/lanterns.md',
        'content/posts/untitled-thing.md',
        'content/posts/older.md',
        'content/posts/alpha.md',
        'content/posts/broken.md',
        'content/posts/zeta.md',
      ]);
      const byPath = Object.fromEntries(posts.map((post) => [post.path, post]));
      expect(byPath['content/posts/newest/index.md']).toMatchObject({
        title: 'Newest Bundle',
        draft: true,
        collection: 'content/posts',
      });
      expect(byPath['content/posts/lanterns.md']).toMatchObject({ title: 'Lanterns on the Harbour', draft: false });
      expect(byPath['content/posts/lanterns.md']!.date).toMatch(/^2025-03-14/);
      expect(byPath['content/posts/broken.md']).toMatchObject({ title: 'Broken', date: null, draft: false });
      expect(byPath['content/posts/untitled-thing.md']!.title).toMatch(/untitled/i);
    });

    it('sorts summaries by date, then title, then path', () => {
      const base = { collection: collectionId('c'), draft: false };
      const sorted = sortPosts([
        { ...base, path: 'c/b.md', title: 'Same', date: null },
        { ...base, path: 'c/a.md', title: 'Same', date: null },
        { ...base, path: 'c/x.md', title: 'X', date: 'not a date' },
        { ...base, path: 'c/old.md', title: 'Old', date: '2020-01-01' },
        { ...base, path: 'c/new.md', title: 'New', date: '2021-01-01T00:00:00Z' },
      ]);
      expect(sorted.map((post) => post.path)).toEqual(['c/new.md', 'c/old.md', 'c/a.md', 'c/b.md', 'c/x.md']);
    });

    it('dates undated posts by their file name and flags _drafts, so the row shows both', () => {
      const base = { collection: collectionId('_posts'), draft: false, date: null };
      const sorted = sortPosts([
        { ...base, path: '_drafts/idea.md', title: 'Idea' },
        { ...base, path: '_posts/2024-11-03-upma.md', title: 'Upma' },
        { ...base, path: '_posts/2025-01-29-rasam.md', title: 'Rasam', date: '2025-01-29 18:15:32 +0530' },
        { ...base, path: 'blog/2024-12-01-bundle/index.md', title: 'Bundle' },
      ]);
      expect(sorted.map(({ path, date, draft }) => ({ path, date, draft }))).toEqual([
        { path: '_posts/2025-01-29-rasam.md', date: '2025-01-29 18:15:32 +0530', draft: false },
        { path: 'blog/2024-12-01-bundle/index.md', date: '2024-12-01', draft: false },
        { path: '_posts/2024-11-03-upma.md', date: '2024-11-03', draft: false },
        { path: '_drafts/idea.md', date: null, draft: true },
      ]);
    });

    it('lists a Jekyll site newest first, by front-matter or file-name date, with its draft flagged', async () => {
      const posts = await listPosts(join(import.meta.dirname, '../../../fixtures/sites/jekyll'));
      expect(
        posts.filter((post) => post.collection === '_posts').map(({ path, date, draft }) => ({ path, date, draft })),
      ).toEqual([
        { path: '_posts/2025-01-29-monsoon-rasam.md', date: '2025-01-29 18:15:32 +0530', draft: false },
        { path: '_posts/2024-12-10-winter-market-chutney.md', date: '2024-12-10 08:05:00 +0530', draft: false },
        { path: '_posts/2024-11-03-ten-minute-upma.md', date: '2024-11-03', draft: false },
        { path: '_drafts/spice-tin-inventory.md', date: null, draft: true },
      ]);
    });

    it('names page bundles and section pages after their folder', () => {
      expect(displayFileName('content/posts/my-trip/index.md')).toBe('my-trip');
      expect(displayFileName('content/docs/getting-started/_index.md')).toBe('getting-started');
      expect(displayFileName('content/posts/note.md')).toBe('note.md');
    });
  });

  describe('readPost', () => {
    it('returns front matter, body and the fingerprint of the exact bytes', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const doc = await open('content/posts/lanterns.md');
      expect(doc).toMatchObject({ path: 'content/posts/lanterns.md', collection: '', format: 'yaml' });
      expect(doc.frontMatter).toMatchObject({
        title: 'Lanterns on the Harbour',
        mood: 'calm',
        tags: ['night', 'boats'],
      });
      expect(doc.body).toBe('The harbour was quiet.\n\n## Later\n\nSomeone lit the *first* lantern.\n');
      expect(doc.version).toBe(sha(readFileSync(file('content/posts/lanterns.md'))));
    });

    it('reports a missing post as not-found and non-UTF-8 text as an io error', async () => {
      await expect(open('content/posts/missing.md')).rejects.toMatchObject({ code: 'not-found' });
      writeFiles(root, {
        'content/posts/latin1.md': new Uint8Array([
          0x2d, 0x2d, 0x2d, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a,
        ]),
      });
      await expect(open('content/posts/latin1.md')).rejects.toMatchObject({ code: 'io' });
    });

    it('refuses paths outside the repository', async () => {
      await expect(open('../elsewhere.md')).rejects.toMatchObject({ code: 'outside-repository' });
    });
  });

  describe('savePost', () => {
    it('writes nothing when nothing changed', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const before = statSync(file(path));
      const doc = await open(path);
      const result = await savePost(root, {
        path,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: doc.body,
      });
      expect(result).toMatchObject({ version: doc.version, written: false });
      expect(Date.parse(result.savedAt)).not.toBeNaN();
      expect(readFileSync(file(path), 'utf8')).toBe(LANTERN);
      const after = statSync(file(path));
      expect(after.ino).toBe(before.ino);
      expect(after.mtimeMs).toBe(before.mtimeMs);
    });

    it('changes only the title line when only the title changed', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const doc = await open(path);
      const result = await savePost(root, {
        path,
        baseVersion: doc.version,
        frontMatter: { ...doc.frontMatter, title: 'Lanterns at Midnight' },
        body: doc.body,
      });
      const after = readFileSync(file(path));
      expect(result).toMatchObject({ written: true, version: sha(after) });
      const oldLines = LANTERN.split('\n');
      const newLines = after.toString('utf8').split('\n');
      expect(newLines).toHaveLength(oldLines.length);
      const changed = newLines.flatMap((line, index) => (line === oldLines[index] ? [] : [index]));
      expect(changed).toEqual([1]);
      expect(newLines[1]).toMatch(/^title: .*Lanterns at Midnight/);
      expect((await open(path)).frontMatter.title).toBe('Lanterns at Midnight');
    });

    it('keeps Windows line endings and the BOM', async () => {
      const path = 'content/posts/windows.md';
      const text = '\uFEFF---\r\ntitle: Old\r\ntags: [a]\r\n---\r\nLine one\r\nLine two\r\n';
      writeFiles(root, { [path]: text });
      const doc = await open(path);
      expect(doc.body).toBe('Line one\nLine two\n');
      await savePost(root, {
        path,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: 'Line one\nLine 2\n',
      });
      expect(readFileSync(file(path), 'utf8')).toBe(
        '\uFEFF---\r\ntitle: Old\r\ntags: [a]\r\n---\r\nLine one\r\nLine 2\r\n',
      );
    });

    it('refuses to overwrite a file that changed on disk, and keeps the other version', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const doc = await open(path);
      const theirs = LANTERN.replace('The harbour was quiet.', 'The harbour was loud.');
      writeFileSync(file(path), theirs);
      const save = savePost(root, {
        path,
        baseVersion: doc.version,
        frontMatter: { ...doc.frontMatter, title: 'Mine' },
        body: doc.body,
      });
      await expect(save).rejects.toMatchObject({ code: 'changed-on-disk' });
      await expect(save).rejects.toThrow(/changed on disk since you opened it.*nothing was overwritten/i);
      expect(readFileSync(file(path), 'utf8')).toBe(theirs);
    });

    it('accepts a changed file that already holds exactly these edits', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const doc = await open(path);
      const edited = { ...doc.frontMatter, mood: 'restless' };
      const same = LANTERN.replace('mood: calm', 'mood: restless');
      writeFileSync(file(path), same);
      const result = await savePost(root, { path, baseVersion: doc.version, frontMatter: edited, body: doc.body });
      expect(result).toMatchObject({ written: false, version: sha(Buffer.from(same)) });
      expect(readFileSync(file(path), 'utf8')).toBe(same);
    });

    it('lets exactly one of two racing saves from the same version win', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const doc = await open(path);
      const results = await Promise.allSettled(
        ['First', 'Second'].map((title) =>
          savePost(root, {
            path,
            baseVersion: doc.version,
            frontMatter: { ...doc.frontMatter, title },
            body: doc.body,
          }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'changed-on-disk' });
      expect((await open(path)).frontMatter.title).toBe('First');
    });

    it('says so when the post was deleted, without recreating it', async () => {
      writeFiles(root, { 'content/posts/lanterns.md': LANTERN });
      const path = 'content/posts/lanterns.md';
      const doc = await open(path);
      unlinkSync(file(path));
      await expect(
        savePost(root, { path, baseVersion: doc.version, frontMatter: doc.frontMatter, body: 'new' }),
      ).rejects.toMatchObject({
        code: 'not-found',
      });
    });
  });
});
