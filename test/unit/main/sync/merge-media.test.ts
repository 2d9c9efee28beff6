// A publish that carries new images and then clashes with others' edits: the images travel with the
// post when the clash is resolved, and stay on disk (untracked, as before) when it is cancelled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PendingMerge, PostDocument, PublishResult } from '../../../../shared/api';
import { redPng } from '../../../support/png';
import {
  backendFor,
  BOTH,
  call,
  failure,
  FILE,
  POST,
  POST_TEXT,
  postBody,
  runScenarios,
  withParagraph,
  type Scenario,
} from './sync-fixtures';

const SECOND = 'By seven the whole quay is lit, and the gulls go quiet.';
const IMAGE = 'content/posts/images/quay-lights.png';
const PNG = redPng(8, 6);

async function publishWithImage(w: Parameters<Scenario[2]>[0]) {
  w.othersPush({ [POST]: withParagraph(POST_TEXT, SECOND, 'By eight the quay is lit.') }, 'Their evening');
  w.repo.write({ [IMAGE]: PNG });
  const backend = await backendFor(w);
  const doc = await call<PostDocument>(backend, 'post:read', { path: POST });
  const body = `${postBody(SECOND, 'By nine the quay is lit.')}\n![Quay lights](images/quay-lights.png)\n`;
  const error = await failure(
    call(backend, 'post:publish', { path: POST, baseVersion: doc.version, frontMatter: doc.frontMatter, body }),
  );
  expect(error.code).toBe('git-merge-conflict');
  return backend;
}

const scenarios: Scenario[] = [
  [
    'a clash resolved: the post and its image are published together',
    BOTH,
    async (w) => {
      const backend = await publishWithImage(w);
      const pending = await call<PendingMerge>(backend, 'post:merge', { path: POST });
      const published = await call<PublishResult>(backend, 'post:resolve-merge', {
        path: POST,
        choices: { [pending.conflicts[0]!.id]: 'mine' },
      });
      expect(published.pushed).toBe(true);
      const head = w.repo.remoteGit('rev-parse', 'main').trim();
      expect(
        w.repo.remoteGit('diff-tree', '--no-commit-id', '--name-only', '-r', head).trim().split('\n').sort(),
      ).toEqual([IMAGE, POST].sort());
    },
  ],
  [
    'a clash cancelled: the image stays on disk, byte for byte, untracked as before the publish',
    FILE,
    async (w) => {
      const backend = await publishWithImage(w);
      expect(await call(backend, 'post:cancel-merge', { path: POST })).toBeNull();
      expect(readFileSync(join(w.repo.workTree, ...IMAGE.split('/'))).equals(PNG)).toBe(true);
      expect(w.repo.git('ls-files', '--others', '--', IMAGE).trim()).toBe(IMAGE);
      const reopened = await call<PostDocument>(backend, 'post:read', { path: POST });
      expect(reopened.recovered!.body).toContain('![Quay lights](images/quay-lights.png)');
    },
  ],
];

runScenarios('publishing images through a clash', scenarios);
