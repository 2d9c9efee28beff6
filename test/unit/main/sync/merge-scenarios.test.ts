// Publishing over someone else's change to the same places of a post, through the back end's
// requests on real repositories and a real remote: the clash, the merge dialog's data, resolving
// with either side or typed text, publishing again meanwhile, and cancelling into the journal.
import { expect } from 'vitest';
import type { PendingMerge, PostDocument, PublishResult, SyncStatus } from '../../../../shared/api';
import { fingerprint } from '../../../../main/workspace/posts';
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
  syncService,
  withParagraph,
  type Scenario,
} from './sync-fixtures';

const SECOND = 'By seven the whole quay is lit, and the gulls go quiet.';
const THIRD = 'Fishing boats come in under the lights, one by one.';

const scenarios: Scenario[] = [
  [
    'rejected, others changed the same paragraph: git-merge-conflict, nothing lost, branch not advanced; resolving with mine publishes',
    BOTH,
    async (w) => {
      w.othersPush(
        {
          [POST]: withParagraph(POST_TEXT, SECOND, 'By eight the quay is lit.').replace(
            'date: 2026-03-14',
            'date: 2026-03-15',
          ),
        },
        'Their evening',
      );
      const backend = await backendFor(w);
      const doc = await call<PostDocument>(backend, 'post:read', { path: POST });
      const publishing = call(backend, 'post:publish', {
        path: POST,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: postBody(SECOND, 'By nine the quay is lit.'),
      });
      const error = await failure(publishing);
      expect(error.code).toBe('git-merge-conflict');
      expect(w.read(POST)).toContain('By nine the quay is lit.');
      expect(w.repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: Harbour Lights');
      expect(w.remoteFile(POST)).toContain('By eight the quay is lit.');
      w.expectNoOperationLeft();

      const pending = await call<PendingMerge>(backend, 'post:merge', { path: POST });
      expect(pending.conflicts).toHaveLength(1);
      expect(pending.conflicts[0]).toMatchObject({
        kind: 'block',
        mine: expect.stringContaining('By nine') as string,
        theirs: expect.stringContaining('By eight') as string,
      });
      expect(pending.conflicts[0]!.label).toMatch(/Paragraph/);
      expect(pending.merged).toEqual(['Field “date” changed by others']);

      const published = await call<PublishResult>(backend, 'post:resolve-merge', {
        path: POST,
        choices: { [pending.conflicts[0]!.id]: 'mine' },
      });
      expect(published).toMatchObject({ pushed: true, committed: true });
      const text = w.read(POST);
      expect(text).toContain('By nine the quay is lit.');
      // Their change elsewhere (the date) is kept; the clashing paragraph is the writer's.
      expect(text).toContain('date: 2026-03-15');
      expect(text).not.toContain('By eight');
      expect(published.save.version).toBe(fingerprint(Buffer.from(text)));
      expect(w.remoteFile(POST)).toBe(text);
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights', 'Their evening', 'Initial commit']);
      expect(await call(backend, 'post:merge', { path: POST })).toBeNull();
    },
  ],
  [
    'published again while a clash waits: the merge offers the latest version, and resolving keeps every later edit',
    FILE,
    async (w) => {
      w.othersPush({ [POST]: withParagraph(POST_TEXT, SECOND, 'By eight the quay is lit.') }, 'Their evening');
      expect((await failure(w.publish(POST, { body: postBody(SECOND, 'By nine the quay is lit.') }))).code).toBe(
        'git-merge-conflict',
      );
      const again = { title: 'Harbour Lights, Later', body: postBody(SECOND, 'By ten the quay is lit.') };
      expect((await failure(w.publish(POST, again))).code).toBe('git-merge-conflict');
      const sync = syncService(w);
      const pending = (await sync.pendingMerge(POST))!;
      expect(pending.conflicts).toHaveLength(1);
      expect(pending.conflicts[0]!.mine).toContain('By ten');
      await sync.resolveMerge(POST, { [pending.conflicts[0]!.id]: 'theirs' });
      const text = w.remoteFile(POST);
      expect(text).toContain('By eight the quay is lit.');
      expect(text).toContain('title: Harbour Lights, Later');
      expect(w.read(POST)).toBe(text);
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights', 'Their evening', 'Initial commit']);
      expect(await sync.pendingMerge(POST)).toBeNull();
    },
  ],
  [
    'a clash resolved with text the writer typed: that text is what is published',
    FILE,
    async (w) => {
      w.othersPush({ [POST]: withParagraph(POST_TEXT, THIRD, 'Trawlers come in under the lights.') }, 'Trawlers');
      const backend = await backendFor(w);
      const doc = await call<PostDocument>(backend, 'post:read', { path: POST });
      await failure(
        call(backend, 'post:publish', {
          path: POST,
          baseVersion: doc.version,
          frontMatter: doc.frontMatter,
          body: postBody(THIRD, 'Dinghies come in last.'),
        }),
      );
      const pending = await call<PendingMerge>(backend, 'post:merge', { path: POST });
      const id = pending.conflicts[0]!.id;
      await call(backend, 'post:resolve-merge', {
        path: POST,
        choices: { [id]: { text: 'Trawlers come in first, dinghies last.' } },
      });
      expect(w.remoteFile(POST)).toContain('Trawlers come in first, dinghies last.');
      expect(w.remoteFile(POST)).not.toContain('Dinghies come in last.');
      expect(w.read(POST)).toBe(w.remoteFile(POST));
    },
  ],
  [
    'a clash cancelled: the branch is back on the upstream, the file holds theirs, the writer’s version is journalled as unsaved edits',
    FILE,
    async (w) => {
      w.othersPush({ [POST]: withParagraph(POST_TEXT, SECOND, 'By eight the quay is lit.') }, 'Their evening');
      const backend = await backendFor(w);
      const doc = await call<PostDocument>(backend, 'post:read', { path: POST });
      await failure(
        call(backend, 'post:publish', {
          path: POST,
          baseVersion: doc.version,
          frontMatter: doc.frontMatter,
          body: postBody(SECOND, 'By nine the quay is lit.'),
        }),
      );
      expect(await call(backend, 'post:cancel-merge', { path: POST })).toBeNull();

      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(w.repo.remoteGit('rev-parse', 'main').trim());
      expect(w.read(POST)).toBe(w.remoteFile(POST));
      expect(w.read(POST)).toContain('By eight the quay is lit.');
      expect(w.remoteSubjects()).toEqual(['Their evening', 'Initial commit']);
      const reopened = await call<PostDocument>(backend, 'post:read', { path: POST });
      expect(reopened.recovered).toMatchObject({ state: 'exact' });
      expect(reopened.recovered!.body).toContain('By nine the quay is lit.');
      const status = await call<SyncStatus>(backend, 'repo:status', null);
      expect(status).toMatchObject({ ahead: 0, behind: 0 });
      w.expectNoOperationLeft();
    },
  ],
];

runScenarios('merge scenarios', scenarios);
