// The unsaved-edits journal through the back end's requests, on real Git repositories: edits
// journalled, the file changed on disk afterwards, and the post opened again.
import { readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry, PostDocument, RecoverablePost } from '../../../shared/api';
import { createBackend, type Backend } from '../../../main/backend';
import { dispatch } from '../../../main/request-checks';
import { journalRoot } from '../../../main/journal/journal-paths';
import { createFileSettings } from '../../../main/settings';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';

const PATH = 'content/posts/allotment.md';
const POST = [
  '---',
  'title: Notes from the Allotment',
  'date: 2025-03-02',
  '---',
  'The broad beans went in on Saturday.',
  '',
  'Frost came back on Tuesday night; the fleece held.',
  '',
  'Next: the onion sets.',
  '',
].join('\n');
const OTHER_PATH = 'content/posts/radishes.md';
const OTHER = '---\ntitle: Radishes in Three Weeks\ndate: 2025-04-10\n---\nSow thinly.\n';

describe('backend journal requests', () => {
  let configDir: string;
  let dataDir: string;
  let backend: Backend;
  let repo: RepoWithRemote;

  beforeEach(async () => {
    configDir = makeTempDir();
    dataDir = makeTempDir('masthead-data-');
    backend = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
      dataDir,
    });
    repo = createRepoWithRemote({ files: { [PATH]: POST, [OTHER_PATH]: OTHER } });
    await backend.openRepository(repo.workTree);
  });
  afterEach(() => {
    repo.cleanup();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ok = async <T>(name: string, arg: unknown): Promise<T> => {
    const outcome = await dispatch(backend, name, arg);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as T;
  };
  const read = (path = PATH) => ok<PostDocument>('post:read', { path });
  const journalEdits = async (
    doc: PostDocument,
    body: string,
    editedAt = '2025-03-02T10:00:00.000Z',
    frontMatter = doc.frontMatter,
  ): Promise<JournalEntry> => {
    const edits: JournalEntry = { path: doc.path, baseVersion: doc.version, frontMatter, body, editedAt };
    expect(await ok('journal:write', edits)).toBeNull();
    return edits;
  };

  it('gives the edits back exactly when the file is unchanged', async () => {
    const doc = await read();
    expect(doc.recovered).toBeUndefined();
    const body = doc.body.replace('on Saturday.', 'on Saturday, in a double row.');
    await journalEdits(doc, body, '2025-03-02T10:00:00.000Z', { ...doc.frontMatter, tags: ['garden'] });

    // A new back end on the same data folder: the app was killed and started again.
    const restarted = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
      dataDir,
    });
    await restarted.openRepository(repo.workTree);
    const reopened = await restarted['post:read']({ path: PATH });
    expect(reopened.body).toBe(doc.body);
    expect(reopened.recovered).toEqual({
      frontMatter: { title: 'Notes from the Allotment', date: '2025-03-02', tags: ['garden'] },
      body,
      editedAt: '2025-03-02T10:00:00.000Z',
      state: 'exact',
    });
  });

  it('merges the edits into a file a pull changed in another paragraph', async () => {
    const doc = await read();
    await journalEdits(doc, doc.body.replace('on Saturday.', 'on Saturday, in a double row.'));
    // A co-author's change arrives with a pull after the edits were journalled.
    const other = repo.cloneElsewhere();
    other.git('config', 'commit.gpgsign', 'false');
    const theirs = POST.replace('Next: the onion sets.', 'Next: the onion sets, and a word with the slugs.');
    await import('node:fs').then((fs) => fs.writeFileSync(`${other.workTree}/${PATH}`, theirs));
    other.git('commit', '--quiet', '-am', 'Slugs');
    other.git('push', '--quiet');
    repo.git('pull', '--quiet', '--ff-only');

    const reopened = await read();
    expect(reopened.body).toContain('a word with the slugs');
    expect(reopened.recovered).toMatchObject({
      state: 'merged',
      frontMatter: { title: 'Notes from the Allotment', date: '2025-03-02' },
    });
    expect(reopened.recovered?.body).toBe(
      'The broad beans went in on Saturday, in a double row.\n\nFrost came back on Tuesday night; the fleece held.\n\nNext: the onion sets, and a word with the slugs.\n',
    );
    // Saving the merged edits onto the new version succeeds and then the journal is gone.
    const recovered = reopened.recovered!;
    await ok('post:save', {
      path: PATH,
      baseVersion: reopened.version,
      frontMatter: recovered.frontMatter,
      body: recovered.body,
    });
    expect((await read()).recovered).toBeUndefined();
    expect(await ok('journal:recoverable', null)).toEqual([]);
  });

  it('offers the edits as they were when the same paragraph changed on disk', async () => {
    const doc = await read();
    const body = doc.body.replace('on Saturday.', 'on Saturday, in a double row.');
    await journalEdits(doc, body);
    repo.write({ [PATH]: POST.replace('on Saturday.', 'on Sunday.') });

    const reopened = await read();
    expect(reopened.body).toContain('on Sunday.');
    expect(reopened.recovered).toMatchObject({ state: 'conflict', body, frontMatter: doc.frontMatter });
    expect(reopened.recovered?.conflicts).toEqual([expect.stringMatching(/^Paragraph 1 \(“The broad beans/)]);
    // Still offered next time: nothing is dropped until the writer decides.
    expect((await read()).recovered?.state).toBe('conflict');
  });

  it('deletes a journal the file already holds instead of offering it', async () => {
    const doc = await read();
    await journalEdits(doc, doc.body);
    expect((await read()).recovered).toBeUndefined();
    expect(await ok('journal:recoverable', null)).toEqual([]);
  });

  it('forgets the journal after a save or publish of exactly its edits, and keeps newer edits', async () => {
    const doc = await read();
    const edits = await journalEdits(doc, doc.body.replace('Next:', 'Then:'));
    const saved = await ok<{ version: string }>('post:save', {
      path: PATH,
      baseVersion: doc.version,
      frontMatter: edits.frontMatter,
      body: edits.body,
    });
    expect((await read()).recovered).toBeUndefined();

    // Edits newer than what is published stay journalled.
    const newer = await journalEdits(
      { ...doc, version: saved.version },
      edits.body.replace('Then:', 'After that:'),
      '2025-03-02T10:05:00.000Z',
    );
    await ok('post:publish', {
      path: PATH,
      baseVersion: saved.version,
      frontMatter: edits.frontMatter,
      body: edits.body,
    });
    expect((await read()).recovered).toMatchObject({ body: newer.body });
    const published = await read();
    await ok('post:publish', {
      path: PATH,
      baseVersion: published.version,
      frontMatter: newer.frontMatter,
      body: newer.body,
    });
    expect((await read()).recovered).toBeUndefined();
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: Notes from the Allotment');
  });

  it('forgets the journal on discard', async () => {
    const doc = await read();
    await journalEdits(doc, 'Scrap this.\n');
    expect(await ok('journal:discard', { path: PATH })).toBeNull();
    expect((await read()).recovered).toBeUndefined();
  });

  it('lists recoverable posts of the open repository only, newest first', async () => {
    const doc = await read();
    const radishes = await read(OTHER_PATH);
    await journalEdits(doc, 'Beans.\n', '2025-03-02T10:00:00.000Z');
    await journalEdits(radishes, 'Sow thinly, water often.\n', '2025-03-02T11:00:00.000Z');
    expect(await ok<RecoverablePost[]>('journal:recoverable', null)).toEqual([
      { path: OTHER_PATH, title: 'Radishes in Three Weeks', editedAt: '2025-03-02T11:00:00.000Z' },
      { path: PATH, title: 'Notes from the Allotment', editedAt: '2025-03-02T10:00:00.000Z' },
    ]);

    // Another repository with a post at the same path sees none of them.
    const second = createRepoWithRemote({ files: { [PATH]: POST } });
    try {
      await ok('repo:open', { path: second.workTree });
      expect(await ok('journal:recoverable', null)).toEqual([]);
      expect((await read()).recovered).toBeUndefined();
    } finally {
      second.cleanup();
    }
    await ok('repo:open', { path: repo.workTree });
    expect(await ok<RecoverablePost[]>('journal:recoverable', null)).toHaveLength(2);
  });

  it('lists the journal of a post whose file was deleted: it may be the only copy', async () => {
    const doc = await read(OTHER_PATH);
    // Edited just now: a deleted post's journal is kept for 30 days after its last edit.
    const editedAt = new Date().toISOString();
    await journalEdits(doc, 'Sow thinly, water often.\n', editedAt);
    repo.git('rm', '--quiet', OTHER_PATH);
    await ok('repo:open', { path: repo.workTree });
    expect(await ok('journal:recoverable', null)).toEqual([
      { path: OTHER_PATH, title: 'Radishes in Three Weeks', editedAt },
    ]);
  });

  it('never shows anything the journal writes in git status', async () => {
    const doc = await read();
    for (let i = 0; i < 5; i++) await journalEdits(doc, `${doc.body}Edit ${i}.\n`, `2025-03-02T10:0${i}:00.000Z`);
    await ok('journal:recoverable', null);
    await read();
    expect(repo.git('status', '--porcelain', '--ignored', '--untracked-files=all')).toBe('');
    expect(readdirSync(journalRoot(dataDir))).toHaveLength(1);
  });

  it('checks its arguments like every request', async () => {
    const doc = await read();
    const good = {
      path: PATH,
      baseVersion: doc.version,
      frontMatter: {},
      body: '',
      editedAt: '2025-03-02T10:00:00.000Z',
    };
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 200; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const cases: [string, unknown][] = [
      ['journal:write', null],
      ['journal:write', { ...good, editedAt: undefined }],
      ['journal:write', { ...good, editedAt: 'last Tuesday' }],
      ['journal:write', { ...good, body: 42 }],
      ['journal:write', { ...good, baseVersion: '' }],
      ['journal:write', { ...good, frontMatter: [] }],
      ['journal:write', { ...good, frontMatter: { n: Number.NaN } }],
      ['journal:write', { ...good, frontMatter: top }],
      ['journal:write', { ...good, path: 'x'.repeat(5000) }],
      ['journal:discard', { path: 7 }],
      ['journal:discard', 'content/posts/allotment.md'],
      ['journal:recoverable', { all: true }],
    ];
    for (const [name, arg] of cases) {
      expect(await dispatch(backend, name, arg), `${name} ${JSON.stringify(arg)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(await dispatch(backend, 'journal:write', { ...good, path: '../outside.md' })).toMatchObject({
      ok: false,
      error: { code: 'outside-repository' },
    });
  });

  it('answers no-repository before one is open', async () => {
    const fresh = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
      dataDir,
    });
    for (const [name, arg] of [
      [
        'journal:write',
        { path: PATH, baseVersion: 'v', frontMatter: {}, body: '', editedAt: '2025-03-02T10:00:00.000Z' },
      ],
      ['journal:discard', { path: PATH }],
      ['journal:recoverable', null],
    ] as const) {
      expect(await dispatch(fresh, name, arg)).toMatchObject({ ok: false, error: { code: 'no-repository' } });
    }
  });

  it('settles once the journal writes in flight are on disk', async () => {
    const doc = await read();
    const writing = backend['journal:write']({
      path: PATH,
      baseVersion: doc.version,
      frontMatter: doc.frontMatter,
      body: 'Last words.\n',
      editedAt: '2025-03-02T10:00:00.000Z',
    });
    await backend.settle();
    const restarted = createBackend({
      shell: 'web',
      version: '0',
      settings: createFileSettings(configDir),
      emit: () => undefined,
      dataDir,
    });
    await restarted.openRepository(repo.workTree);
    expect((await restarted['post:read']({ path: PATH })).recovered?.body).toBe('Last words.\n');
    await writing;
  });
});
