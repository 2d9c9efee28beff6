import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PostVersion } from '../../../../shared/api';
import { createBackend, type Backend } from '../../../../main/backend';
import { createFileSettings } from '../../../../main/settings';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../../support/git-fixtures';
import { makeTempDir } from '../workspace/temp-dir';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

const POST = 'content/posts/lighthouse.md';
const FIRST = '---\ntitle: Lighthouse Walk\ntags: [coast]\n---\n\nWe walked to the lighthouse at dawn.\n';
const SECOND = '---\ntitle: Lighthouse Walk\ntags: [coast, walks]\n---\n\nWe walked to the old lighthouse at dawn.\n';

let repo: RepoWithRemote | null = null;
let dataDir = '';
afterEach(() => {
  repo?.cleanup();
  repo = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function openBackend(files: Record<string, string>): Promise<Backend> {
  repo = createRepoWithRemote({ files });
  dataDir = makeTempDir();
  const backend = createBackend({
    shell: 'web',
    version: '0',
    settings: createFileSettings(join(dataDir, 'settings')),
    emit: () => undefined,
    dataDir,
  });
  await backend.openRepository(repo.workTree);
  return backend;
}

const describeVersion = (version: PostVersion): string =>
  version.kind === 'commit' ? `commit ${version.message}` : `save ${version.role}`;

describe('post history through the back end', () => {
  it('lists local saves above the commits and reads each version parsed, without touching the file', async () => {
    const backend = await openBackend({ [POST]: FIRST });
    repo!.write({ [POST]: SECOND });
    repo!.git('commit', '--quiet', '-am', 'Tag it as a walk');

    const doc = await backend['post:read']({ path: POST });
    const first = await backend['post:save']({
      path: POST,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, title: 'Lighthouse at Dawn' },
      body: doc.body,
    });
    await backend['post:save']({
      path: POST,
      baseVersion: first.version,
      frontMatter: { ...doc.frontMatter, title: 'Lighthouse at Dawn' },
      body: `${doc.body}\nThe keeper waved.\n`,
    });

    const history = await backend['post:history']({ path: POST });
    expect(history.map(describeVersion)).toEqual([
      'save written',
      'save written',
      'save replaced',
      'commit Tag it as a walk',
      'commit Initial commit',
    ]);

    const onDisk = readFileSync(join(repo!.workTree, POST), 'utf8');
    const oldest = await backend['post:version']({ path: POST, id: history[4]!.id });
    expect(oldest.frontMatter).toEqual({ title: 'Lighthouse Walk', tags: ['coast'] });
    expect(oldest.body).toBe('\nWe walked to the lighthouse at dawn.\n');
    const beforeSaving = await backend['post:version']({ path: POST, id: history[2]!.id });
    expect(beforeSaving.frontMatter.title).toBe('Lighthouse Walk');
    const latest = await backend['post:version']({ path: POST, id: history[0]!.id });
    expect(latest.body).toContain('The keeper waved.');
    expect(readFileSync(join(repo!.workTree, POST), 'utf8')).toBe(onDisk);

    const committed = await backend['post:committed']({ path: POST });
    expect(committed?.frontMatter).toEqual({ title: 'Lighthouse Walk', tags: ['coast', 'walks'] });
  });

  it('shows only local saves for a post that was never committed, and no committed version', async () => {
    const backend = await openBackend({ 'README.md': '# Site\n' });
    repo!.write({ [POST]: FIRST });
    const doc = await backend['post:read']({ path: POST });
    await backend['post:save']({
      path: POST,
      baseVersion: doc.version,
      frontMatter: doc.frontMatter,
      body: `${doc.body}More.\n`,
    });
    const history = await backend['post:history']({ path: POST });
    expect(history.map(describeVersion)).toEqual(['save written', 'save replaced']);
    expect(await backend['post:committed']({ path: POST })).toBeNull();
  });

  it('refuses an id that is no version of the post', async () => {
    const backend = await openBackend({ [POST]: FIRST });
    await expect(backend['post:version']({ path: POST, id: 'commit:HEAD~1:x' })).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(backend['post:version']({ path: POST, id: 'save:99' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
