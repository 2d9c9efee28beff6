import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findWorkTreeRoot } from '../../../../main/git/repository';
import { AppFailure } from '../../../../shared/errors';
import { createPlainFolder, createRepoWithRemote, isolateGitHome } from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function notARepository(dir: string): Promise<AppFailure> {
  const error = await findWorkTreeRoot(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  expect((error as AppFailure).code).toBe('not-a-repository');
  return error as AppFailure;
}

describe('findWorkTreeRoot', () => {
  it('returns the work-tree root for the root itself and for any folder inside it', async () => {
    const repo = createRepoWithRemote({ files: { 'content/posts/hello.md': 'hi\n' } });
    cleanups.push(repo.cleanup);

    expect(await findWorkTreeRoot(repo.workTree)).toBe(repo.workTree);
    expect(await findWorkTreeRoot(path.join(repo.workTree, 'content', 'posts'))).toBe(repo.workTree);
    expect(await findWorkTreeRoot(`${repo.workTree}${path.sep}`)).toBe(repo.workTree);
  });

  it('fails with not-a-repository, saying what to do, for a folder outside any repository', async () => {
    const plain = createPlainFolder();
    cleanups.push(plain.cleanup);

    const error = await notARepository(plain.dir);
    expect(error.message).toContain(plain.dir);
    expect(error.message).toMatch(/not inside a Git repository.*Choose/);
  });

  it('fails with not-a-repository for a folder that does not exist', async () => {
    const plain = createPlainFolder();
    cleanups.push(plain.cleanup);

    const error = await notARepository(path.join(plain.dir, 'missing'));
    expect(error.message).toMatch(/does not exist/);
  });

  it('fails with not-a-repository for a bare repository or the .git folder, which have no work tree', async () => {
    const repo = createRepoWithRemote();
    cleanups.push(repo.cleanup);
    mkdirSync(path.join(repo.workTree, '.git', 'scratch'), { recursive: true });

    await notARepository(repo.bareRemote);
    await notARepository(path.join(repo.workTree, '.git', 'scratch'));
  });
});
