import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmitEvent } from '../../../shared/api';
import { publishPost } from '../../../main/publish';
import { readPost } from '../../../main/workspace/posts';
import { addedMedia, referencedSources } from '../../../main/workspace/post-media';
import type { RepoWithRemote } from '../../support/git-fixtures';
import { createRepoWithRemote } from '../../support/git-fixtures';
import { redPng } from '../../support/png';

const POST_PATH = 'content/posts/harbour-walk/index.md';
const POST = '---\ntitle: Harbour Walk\ncover: /images/old-cover.png\n---\nAlong the quay.\n';
const emit: EmitEvent = () => undefined;

describe('publishing a post with the images it added', () => {
  let repo: RepoWithRemote;
  beforeEach(() => {
    repo = createRepoWithRemote({
      files: {
        [POST_PATH]: POST,
        'static/images/old-cover.png': redPng(4, 4),
        '.gitignore': 'static/images/ignored-*.png\n',
      },
    });
  });
  afterEach(() => repo.cleanup());

  const changedIn = (commit: string) =>
    repo.git('diff-tree', '--no-commit-id', '--name-only', '-r', commit).trim().split('\n').sort();

  it('commits the post and its new images in one commit, and nothing else untracked', async () => {
    repo.write({
      'content/posts/harbour-walk/quay.png': redPng(6, 4),
      'static/images/new-cover.png': redPng(8, 4),
      'static/images/ignored-draft.png': redPng(2, 2),
      'static/images/unrelated.png': redPng(3, 3),
      'content/posts/harbour-walk/notes.txt': 'scratch',
    });
    const doc = await readPost(repo.workTree, POST_PATH);
    const body = `${doc.body}\n![The quay at dusk](quay.png)\n\n![Old](/images/old-cover.png)\n\n![Ignored](/images/ignored-draft.png)\n\n![Remote](https://example.org/a.png)\n`;
    const result = await publishPost(
      repo.workTree,
      {
        path: POST_PATH,
        baseVersion: doc.version,
        frontMatter: { ...doc.frontMatter, cover: '/images/new-cover.png' },
        body,
      },
      emit,
    );

    expect(result.committed).toBe(true);
    expect(changedIn(result.commit)).toEqual([
      POST_PATH,
      'content/posts/harbour-walk/quay.png',
      'static/images/new-cover.png',
    ]);
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: Harbour Walk');
    // Files the post does not name, or that the site ignores, stay untracked.
    const untracked = repo.git('ls-files', '--others').trim().split('\n').sort();
    expect(untracked).toEqual([
      'content/posts/harbour-walk/notes.txt',
      'static/images/ignored-draft.png',
      'static/images/unrelated.png',
    ]);
  });

  it('commits only the post when its images are already published', async () => {
    const doc = await readPost(repo.workTree, POST_PATH);
    const result = await publishPost(
      repo.workTree,
      {
        path: POST_PATH,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: `${doc.body}\n![Old](/images/old-cover.png)\n`,
      },
      emit,
    );
    expect(changedIn(result.commit)).toEqual([POST_PATH]);
  });

  it('finds untracked images named in the body and the front matter', async () => {
    repo.write({ 'static/images/a b.png': redPng(2, 2), 'content/posts/harbour-walk/c.png': redPng(2, 2) });
    const media = await addedMedia(
      repo.workTree,
      POST_PATH,
      { gallery: [{ src: '/images/a%20b.png' }] },
      '<img src="c.png" alt="">\n',
    );
    expect(media).toEqual(['content/posts/harbour-walk/c.png', 'static/images/a b.png']);
  });
});

describe('referencedSources', () => {
  it('lists Markdown, reference, HTML and front-matter images, not links or other files', () => {
    const body =
      '![a](one.png "t") ![b](<two words.jpg>) [doc](three.pdf)\n\n[logo]: /img/logo.svg\n\n<img alt="x" src=\'four.webp\'>\n';
    expect(referencedSources({ cover: 'five.gif', title: 'A post about tides', notes: 'six.txt' }, body)).toEqual([
      'one.png',
      'two words.jpg',
      '/img/logo.svg',
      'four.webp',
      'five.gif',
    ]);
  });

  it('lists shortcode and MDX image sources', () => {
    const body =
      'import chart from \'./chart.png\';\n\n{{< figure src="/images/tide.jpg" title="Tide" >}}\n\n<Image src={chart} alt="" />\n';
    expect(referencedSources({}, body)).toEqual(['/images/tide.jpg', './chart.png']);
  });
});
