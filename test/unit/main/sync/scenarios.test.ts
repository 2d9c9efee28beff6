// The sync engine on real repositories with real remotes (a bare repository over file:// and
// `git daemon` on 127.0.0.1): publishing online, offline, after others pushed, syncing, and every
// fault checked before committing (clashes that need the writer: merge-scenarios.test.ts). Each scenario checks the bytes on disk, the commits on the
// remote, what is staged, and that no rebase or merge is left behind.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SyncOutcome, SyncStatus } from '../../../../shared/api';
import { createSyncService } from '../../../../main/sync/sync-service';
import { fingerprint } from '../../../../main/workspace/posts';
import {
  BOTH,
  failure,
  FILE,
  OTHER_POST,
  OTHER_TEXT,
  POST,
  POST_TEXT,
  postBody,
  runScenarios,
  syncService,
  withParagraph,
  type Scenario,
} from './sync-fixtures';

const FIRST = 'The first lamp comes on at the end of the east pier.';
const SECOND = 'By seven the whole quay is lit, and the gulls go quiet.';
const THIRD = 'Fishing boats come in under the lights, one by one.';

const scenarios: Scenario[] = [
  [
    'online, nobody else pushed: one commit of the post alone, pushed',
    BOTH,
    async (w) => {
      const result = await w.publish(POST, { body: postBody(SECOND, 'By six the quay is lit.') });
      expect(result).toMatchObject({ committed: true, pushed: true, upstream: 'origin/main' });
      expect(result.caughtUp).toBeUndefined();
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights', 'Initial commit']);
      expect(w.remoteFile(POST)).toBe(w.read(POST));
      expect(w.read(POST)).toContain('By six the quay is lit.');
    },
  ],
  [
    'offline: committed locally, pushed: false, counted as waiting, pushed once online without duplicates',
    BOTH,
    async (w) => {
      await w.goOffline();
      const result = await w.publish(POST, { title: 'Harbour Lights at Dusk' });
      expect(result).toMatchObject({ committed: true, pushed: false });
      expect(w.repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: Harbour Lights at Dusk');
      expect(w.remoteSubjects()).toEqual(['Initial commit']);
      const sync = syncService(w);
      const offline = await sync.fetch();
      expect(offline).toMatchObject({ ahead: 1, waitingToPush: 1, problem: { code: 'git-offline' } });

      w.goOnline();
      const status = await sync.sync();
      expect(status.status).toMatchObject({ ahead: 0, behind: 0, waitingToPush: 0, problem: null });
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights at Dusk', 'Initial commit']);
      expect(w.remoteFile(POST)).toBe(w.read(POST));
      // A second sync has nothing left to push: nothing is sent twice.
      await sync.sync();
      expect(w.remoteSubjects()).toHaveLength(2);
    },
  ],
  [
    'two publishes offline, then the remote moved too: both land in order on top of the other change',
    FILE,
    async (w) => {
      await w.goOffline();
      await w.publish(POST, { title: 'Harbour Lights I' });
      await w.publish(OTHER_POST, { body: 'A torn net is mended knot by knot, by hand.\n' });
      w.othersPush({ 'config.toml': 'title = "Quay Notes"\nlanguage = "en"\n' }, 'Set the language');
      w.goOnline();
      const outcome = await syncService(w).sync();
      expect(outcome.message).toMatch(/1 change from others pulled.*2 of yours pushed/);
      expect(w.remoteSubjects()).toEqual([
        'Publish: Mending Nets',
        'Publish: Harbour Lights I',
        'Set the language',
        'Initial commit',
      ]);
      expect(w.read('config.toml')).toBe('title = "Quay Notes"\nlanguage = "en"\n');
      expect(w.remoteFile(OTHER_POST)).toContain('by hand.');
    },
  ],
  [
    'the queue survives a restart: a fresh sync service pushes what an earlier run left waiting',
    FILE,
    async (w) => {
      await w.goOffline();
      await w.publish(POST, { title: 'Harbour Lights, Queued' });
      w.goOnline();
      // A new process: only the repository remembers the queue.
      const emitted: SyncStatus[] = [];
      const sync = createSyncService(w.repo.workTree, {
        emit: (name, payload) => name === 'sync:status' && emitted.push(payload as SyncStatus),
        intervalMs: 60_000,
        retryDelaysMs: [50],
      });
      const deadline = Date.now() + 10_000;
      while (emitted.at(-1)?.waitingToPush !== 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      sync.close();
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights, Queued', 'Initial commit']);
      expect(emitted.at(-1)).toMatchObject({ ahead: 0, waitingToPush: 0 });
    },
  ],
  [
    'a queued push is retried with backoff on its own, and at once when a fetch finds the remote again',
    FILE,
    async (w) => {
      const until = async (done: () => boolean) => {
        const deadline = Date.now() + 10_000;
        while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      };
      await w.goOffline();
      // Backoff: short waits; nobody calls anything once the network is back.
      const retrying = createSyncService(w.repo.workTree, {
        emit: () => undefined,
        intervalMs: 60_000,
        retryDelaysMs: [100],
      });
      const first = await w.publish(POST, { title: 'Harbour Lights, Retried' });
      retrying.published(first);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(w.remoteSubjects()).toEqual(['Initial commit']);
      w.goOnline();
      await until(() => w.remoteSubjects().length === 2);
      retrying.close();
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights, Retried', 'Initial commit']);

      // Regained connectivity: the backoff wait is long, but a successful fetch pushes at once.
      await w.goOffline();
      const waiting = createSyncService(w.repo.workTree, {
        emit: () => undefined,
        intervalMs: 60_000,
        retryDelaysMs: [60_000],
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await w.publish(OTHER_POST, { title: 'Mending Nets, Retried' });
      waiting.published(second);
      w.goOnline();
      expect(await waiting.fetch()).toMatchObject({ problem: null });
      await until(() => w.remoteSubjects().length === 3);
      waiting.close();
      expect(w.remoteSubjects()).toEqual([
        'Publish: Mending Nets, Retried',
        'Publish: Harbour Lights, Retried',
        'Initial commit',
      ]);
    },
  ],
  [
    'fetches on focus while publishing after others pushed: every request succeeds and the post lands once',
    BOTH,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Quay Notes"\nlanguage = "en"\n' }, 'Set the language');
      const sync = syncService(w);
      const [published, ...statuses] = await Promise.all([
        w.publish(POST, { title: 'Harbour Lights, Busy' }),
        sync.fetch(),
        sync.fetch(),
        sync.fetch(),
      ]);
      expect(published.pushed).toBe(true);
      for (const status of statuses) expect(status.problem ?? null).toBeNull();
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights, Busy', 'Set the language', 'Initial commit']);
      expect(await sync.fetch()).toMatchObject({ ahead: 0, behind: 0 });
    },
  ],
  [
    'others pushed and the last fetch saw it: the publish catches up first and asks the remote to take one push, not two',
    FILE,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Quay Notes"\nlanguage = "en"\n' }, 'Set the language');
      expect(await syncService(w).fetch()).toMatchObject({ behind: 1 });
      // Every push connects to the remote's receive-pack, a refused one too: count the connections.
      const log = join(w.repo.root, 'receive-pack.log');
      const wrapper = join(w.repo.root, 'receive-pack.sh');
      writeFileSync(wrapper, `#!/bin/sh\necho push >> '${log}'\nexec git-receive-pack "$@"\n`);
      chmodSync(wrapper, 0o755);
      w.repo.git('config', 'remote.origin.receivepack', wrapper);

      const result = await w.publish(POST, { title: 'Harbour Lights, Known Behind' });
      expect(result).toMatchObject({ pushed: true, caughtUp: '1 change from others was pulled first.' });
      expect(w.remoteSubjects()).toEqual([
        'Publish: Harbour Lights, Known Behind',
        'Set the language',
        'Initial commit',
      ]);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
      w.expectNoOperationLeft();
    },
  ],
  [
    'rejected, others changed another file: fetched, replayed on top, pushed, caughtUp says so',
    BOTH,
    async (w) => {
      w.othersPush({ [OTHER_POST]: OTHER_TEXT.replace('knot by knot', 'knot after knot') }, 'Reword nets');
      const changed: string[][] = [];
      const result = await w.publish(
        POST,
        { body: postBody(THIRD, 'Boats come in under the lights.') },
        (name, payload) => {
          if (name === 'files:changed') changed.push((payload as { paths: string[] }).paths);
        },
      );
      expect(changed).toEqual([[OTHER_POST]]);
      expect(result).toMatchObject({ pushed: true, caughtUp: '1 change from others was pulled first.' });
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights', 'Reword nets', 'Initial commit']);
      expect(result.commit).toBe(w.repo.remoteGit('rev-parse', 'main').trim());
      expect(w.read(OTHER_POST)).toContain('knot after knot');
      expect(w.remoteFile(POST)).toBe(w.read(POST));
    },
  ],
  [
    'rejected, others changed other parts of the same post: merged by parts, one linear commit, editor version is the merged file',
    BOTH,
    async (w) => {
      w.othersPush(
        { [POST]: withParagraph(POST_TEXT, FIRST, 'The first lamp comes on at the far end of the east pier.') },
        'Fix pier',
      );
      const result = await w.publish(POST, {
        title: 'Harbour Lights in March',
        body: postBody(THIRD, 'The boats come in one by one.'),
      });
      expect(result.pushed).toBe(true);
      expect(result.caughtUp).toMatch(
        /1 change from others was pulled first; your edits were merged with theirs in “harbour-lights.md”/,
      );
      const merged = w.read(POST);
      expect(merged).toContain('title: Harbour Lights in March');
      expect(merged).toContain('at the far end of the east pier');
      expect(merged).toContain('The boats come in one by one.');
      expect(result.save.version).toBe(fingerprint(Buffer.from(merged)));
      expect(w.remoteFile(POST)).toBe(merged);
      expect(w.remoteSubjects()).toEqual(['Publish: Harbour Lights in March', 'Fix pier', 'Initial commit']);
    },
  ],
  [
    'no upstream: refused before saving or committing, with the command to link it',
    FILE,
    async (w) => {
      w.repo.git('branch', '--unset-upstream');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(w.publish(POST, { title: 'Unlinked' }));
      expect(error.code).toBe('git-no-upstream');
      expect(error.message).toMatch(/git push -u origin/);
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(w.read(POST)).toBe(POST_TEXT);
    },
  ],
  [
    'detached HEAD: refused before committing',
    FILE,
    async (w) => {
      w.repo.git('checkout', '--quiet', '--detach');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(w.publish(POST, { title: 'Detached' }));
      expect(error.code).toBe('git-detached-head');
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(w.remoteSubjects()).toEqual(['Initial commit']);
    },
  ],
  [
    'index.lock left by a crashed git: git-locked, says no git process runs, nothing written or committed',
    FILE,
    async (w) => {
      writeFileSync(join(w.repo.workTree, '.git', 'index.lock'), '');
      const error = await failure(w.publish(POST, { title: 'Locked' }));
      expect(error.code).toBe('git-locked');
      expect(error.message).toMatch(/No git program is running/);
      expect(w.read(POST)).toBe(POST_TEXT);
      rmSync(join(w.repo.workTree, '.git', 'index.lock'));
      expect(w.repo.git('log', '--format=%s').trim()).toBe('Initial commit');
    },
  ],
  [
    'a failing pre-commit hook: git-hook with the hook’s words, nothing committed or pushed',
    FILE,
    async (w) => {
      const hook = join(w.repo.workTree, '.git', 'hooks', 'pre-commit');
      mkdirSync(join(w.repo.workTree, '.git', 'hooks'), { recursive: true });
      writeFileSync(hook, '#!/bin/sh\necho "Spell check failed: harbor is spelt harbour here" >&2\nexit 1\n');
      chmodSync(hook, 0o755);
      const error = await failure(w.publish(POST, { title: 'Hooked' }));
      expect(error.code).toBe('git-hook');
      expect(error.message).toMatch(/pre-commit hook said: Spell check failed/);
      expect(w.repo.git('log', '--format=%s').trim()).toBe('Initial commit');
      expect(w.remoteSubjects()).toEqual(['Initial commit']);
      expect(w.read(POST)).toContain('title: Hooked');
    },
  ],
  [
    'a failing pre-push hook: git-hook, the commit kept locally and queued',
    FILE,
    async (w) => {
      const hook = join(w.repo.workTree, '.git', 'hooks', 'pre-push');
      writeFileSync(hook, '#!/bin/sh\necho "Build the site before pushing" >&2\nexit 1\n');
      chmodSync(hook, 0o755);
      const error = await failure(w.publish(POST, { title: 'Pushed Later' }));
      expect(error.code).toBe('git-hook');
      expect(error.message).toMatch(/pre-push hook said: Build the site before pushing.*committed on this computer/);
      expect(w.repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: Pushed Later');
      expect(w.remoteSubjects()).toEqual(['Initial commit']);
      expect((await syncService(w).status()).waitingToPush).toBe(1);
    },
  ],
  [
    'a repository left mid-merge by another tool: git-in-progress, refused, the merge left as it was',
    FILE,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Their Quay"\n' }, 'Their title');
      w.repo.write({ 'config.toml': 'title = "My Quay"\n' });
      w.repo.git('commit', '--quiet', '-am', 'My title');
      w.repo.git('fetch', '--quiet');
      expect(() => w.repo.git('merge', '--quiet', 'origin/main')).toThrow();
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(w.publish(POST, { title: 'Mid-merge' }));
      expect(error.code).toBe('git-in-progress');
      expect(error.message).toMatch(/middle of a merge/);
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(existsSync(join(w.repo.workTree, '.git', 'MERGE_HEAD'))).toBe(true);
      expect(w.read(POST)).toBe(POST_TEXT);
      w.repo.git('merge', '--abort');
    },
  ],
  [
    'unrelated staged and unstaged files while catching up: never committed, still staged and still dirty',
    FILE,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Quay Notes"\nbaseURL = "https://quay.example/"\n' }, 'Base URL');
      w.repo.write({
        [OTHER_POST]: '---\ntitle: Mending Nets (draft)\n---\nA torn net.\n',
        'notes.txt': 'untracked idea\n',
      });
      w.repo.git('add', OTHER_POST);
      w.repo.write({ [OTHER_POST]: '---\ntitle: Mending Nets (draft 2)\n---\nA torn net.\n' });
      const result = await w.publish(POST, { title: 'Harbour Lights, Staged Elsewhere' });
      expect(result.pushed).toBe(true);
      expect(w.repo.remoteGit('diff-tree', '--no-commit-id', '--name-only', '-r', 'main').trim()).toBe(POST);
      expect(w.staged()).toEqual([OTHER_POST]);
      expect(w.repo.git('show', `:${OTHER_POST}`)).toContain('Mending Nets (draft)');
      expect(w.read(OTHER_POST)).toContain('draft 2');
      expect(w.read('notes.txt')).toBe('untracked idea\n');
      expect(w.read('config.toml')).toContain('baseURL');
    },
  ],
  [
    'the post itself staged with other text: refused before committing, the staged version stays staged',
    FILE,
    async (w) => {
      w.repo.write({ [POST]: POST_TEXT.replace('Harbour Lights', 'Harbour Lights (staged)') });
      w.repo.git('add', POST);
      const staged = w.repo.git('show', `:${POST}`);
      const doc = await (await import('../../../../main/workspace/posts')).readPost(w.repo.workTree, POST);
      const { publishPost } = await import('../../../../main/publish');
      const error = await failure(
        publishPost(
          w.repo.workTree,
          {
            path: POST,
            baseVersion: doc.version,
            frontMatter: { ...doc.frontMatter, title: 'Harbour Lights (typed)' },
            body: doc.body,
          },
          () => undefined,
        ),
      );
      expect(error.message).toMatch(/staged in git with other text/);
      expect(w.repo.git('show', `:${POST}`)).toBe(staged);
      expect(w.read(POST)).toContain('Harbour Lights (typed)');
      expect(w.repo.git('log', '--format=%s').trim()).toBe('Initial commit');
    },
  ],
  [
    'repo:fetch leaves the work tree alone; repo:sync fast-forwards and keeps an unrelated dirty file',
    BOTH,
    async (w) => {
      w.othersPush({ [OTHER_POST]: OTHER_TEXT.replace('Mending Nets', 'Mending Nets by Hand') }, 'Retitle nets');
      w.repo.write({ 'config.toml': 'title = "Quay Notes (local)"\n' });
      const sync = syncService(w);
      const fetched = await sync.fetch();
      expect(fetched).toMatchObject({ behind: 1, ahead: 0 });
      expect(fetched.lastFetchAt).toEqual(expect.any(String));
      // A later run of Masthead still knows when the repository was last fetched.
      expect((await syncService(w).status()).lastFetchAt).toEqual(expect.any(String));
      expect(w.read(OTHER_POST)).toBe(OTHER_TEXT);
      const outcome: SyncOutcome = await sync.sync();
      expect(outcome.message).toBe('1 change from others pulled.');
      expect(w.read(OTHER_POST)).toContain('Mending Nets by Hand');
      expect(w.read('config.toml')).toBe('title = "Quay Notes (local)"\n');
      expect(outcome.status).toMatchObject({ behind: 0, ahead: 0 });
    },
  ],
  [
    'repo:sync with a local change to a file others changed too: explained, nothing moved',
    FILE,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Their Quay"\n' }, 'Their title');
      w.repo.write({ 'config.toml': 'title = "My Quay"\n' });
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(syncService(w).sync());
      expect(error.message).toMatch(/“config.toml”.*not committed/);
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(w.read('config.toml')).toBe('title = "My Quay"\n');
    },
  ],
  [
    'repo:sync with a terminal commit to a template others changed elsewhere: git’s rebase merges the lines, history stays linear',
    FILE,
    async (w) => {
      const footer = (years: string, fonts: string) =>
        `<footer>\n  <p>Quay Notes, ${years}</p>\n  <hr>\n  <p>Set in ${fonts}</p>\n</footer>\n`;
      w.othersPush({ 'layouts/footer.html': footer('2026', 'Charter') }, 'Add footer');
      w.repo.git('pull', '--quiet', '--ff-only');
      w.othersPush({ 'layouts/footer.html': footer('2026–2027', 'Charter') }, 'Footer years');
      w.repo.write({ 'layouts/footer.html': footer('2026', 'Charter and Fira') });
      w.repo.git('commit', '--quiet', '-am', 'Footer fonts');
      const outcome = await syncService(w).sync();
      expect(outcome.message).toBe('1 change from others pulled. 1 of yours pushed.');
      const merged = footer('2026–2027', 'Charter and Fira');
      expect(w.read('layouts/footer.html')).toBe(merged);
      expect(w.remoteFile('layouts/footer.html')).toBe(merged);
      expect(w.remoteSubjects()).toEqual(['Footer fonts', 'Footer years', 'Add footer', 'Initial commit']);
    },
  ],
  [
    'repo:sync with a terminal commit changing a setting others changed too: git-merge-conflict naming the file, nothing moved',
    FILE,
    async (w) => {
      w.othersPush({ 'config.toml': 'title = "Their Quay"\n' }, 'Their title');
      w.repo.write({ 'config.toml': 'title = "My Quay"\n' });
      w.repo.git('commit', '--quiet', '-am', 'My title');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(syncService(w).sync());
      expect(error.code).toBe('git-merge-conflict');
      expect(error.message).toMatch(/config\.toml/);
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(w.read('config.toml')).toBe('title = "My Quay"\n');
      expect(w.remoteFile('config.toml')).toBe('title = "Their Quay"\n');
    },
  ],
  [
    'repo:sync with a terminal commit to the same line of a template: git rebase is tried, stops, is aborted, git-merge-conflict',
    FILE,
    async (w) => {
      w.othersPush({ 'layouts/footer.html': '<footer>Quay Notes</footer>\n' }, 'Add footer');
      w.repo.git('pull', '--quiet', '--ff-only');
      w.othersPush({ 'layouts/footer.html': '<footer>Quay Notes, since 2026</footer>\n' }, 'Footer year');
      w.repo.write({ 'layouts/footer.html': '<footer>Quay Notes by the harbour</footer>\n' });
      w.repo.git('commit', '--quiet', '-am', 'Footer place');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      const error = await failure(syncService(w).sync());
      expect(error.code).toBe('git-merge-conflict');
      expect(error.message).toMatch(/layouts\/footer\.html/);
      expect(w.repo.git('reflog', '-3', '--format=%gs').trim().split('\n')).toEqual([
        expect.stringMatching(/^rebase \(abort\)/) as string,
        expect.stringMatching(/^masthead: sync \(start\)/) as string,
        expect.any(String) as string,
      ]);
      expect(w.repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(w.read('layouts/footer.html')).toBe('<footer>Quay Notes by the harbour</footer>\n');
    },
  ],
];

runScenarios('sync scenarios', scenarios);
