// A save killed mid-write (a crash, a force-quit) must leave nothing `git status` lists — a
// writer's `git add -A` would commit it — and whatever it left in the git folder, or beside the
// post from older versions, is removed when the repository is opened next.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_TEMP_FOLDER, tempFolderFor, writeFileAtomic } from '../../../../main/workspace/atomic-write';
import { LEFTOVER_MIN_AGE_MS, sweepWriteLeftovers } from '../../../../main/workspace/write-leftovers';
import { createRepoWithRemote, runGitSync, type RepoWithRemote } from '../../../support/git-fixtures';
import { seededRandom } from '../../../support/random';
import { makeTempDir } from './temp-dir';

const KILLS = 20;
const POST = 'content/posts/long-walk.md';
// Large enough (4 MB) that a kill often lands while the temp file is half written.
const LONG_POST = `---\ntitle: The long walk\n---\n${'We walked the coast path from the harbour to the lighthouse. '.repeat(66_000)}\n`;

describe('a save killed mid-write in a repository', () => {
  let work: string;
  let saver: string;
  let repo: RepoWithRemote;

  beforeAll(() => {
    work = makeTempDir('masthead-save-kill-');
    saver = join(work, 'looping-saver.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./looping-saver.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: saver,
      logLevel: 'silent',
    });
    repo = createRepoWithRemote({ files: { [POST]: LONG_POST, '.gitignore': 'public/\n' } });
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it(`leaves the post whole and nothing git status lists (${KILLS} kills), and the next open removes the temp files`, async () => {
    const file = join(repo.workTree, POST);
    const random = seededRandom(14);
    const tempFolder = join(repo.workTree, '.git', GIT_TEMP_FOLDER);
    let leftBehind = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawn(process.execPath, [saver, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      await readyLine(child);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 40)));
      child.kill('SIGKILL');
      await exited(child);
      expect(readFileSync(file, 'utf8') === LONG_POST, `after kill ${kill}: the post is whole`).toBe(true);
      // --ignored too: a temp file the site's .gitignore hides is still litter in the work tree.
      expect(repo.git('status', '--porcelain', '--untracked-files=all', '--ignored'), `after kill ${kill}`).toBe('');
      leftBehind = readdirSync(tempFolder).length;
    }
    // Some kills land mid-write and leave a partial temp file in the git folder; make them old enough to be crash litter.
    const names = readdirSync(tempFolder);
    const old = new Date(Date.now() - LEFTOVER_MIN_AGE_MS - 1000);
    for (const name of names) utimesSync(join(tempFolder, name), old, old);
    const removed = await sweepWriteLeftovers(repo.workTree);
    expect(removed.sort()).toEqual(names.map((name) => `.git/${GIT_TEMP_FOLDER}/${name}`).sort());
    expect(readdirSync(tempFolder)).toEqual([]);
    console.log(
      `killed saves: ${KILLS}; partial temp files in .git/${GIT_TEMP_FOLDER}: ${leftBehind}; listed by git status: 0; left after the sweep: 0`,
    );
  }, 60_000);

  it('removes old-style temp files beside posts (even ignored ones) but never a fresh temp', async () => {
    const posts = join(repo.workTree, 'content', 'posts');
    const old = new Date(Date.now() - LEFTOVER_MIN_AGE_MS - 1000);
    const litter = ['.long-walk.md.masthead-tmp-a1b2c3d4e5f6', '.masthead-new-0a0b0c0d0e0f'];
    for (const name of litter) {
      writeFileSync(join(posts, name), 'half a post');
      utimesSync(join(posts, name), old, old);
    }
    mkdirSync(join(repo.workTree, 'public'), { recursive: true });
    writeFileSync(join(repo.workTree, 'public', '.index.html.masthead-tmp-ffffffffffff'), '<p>');
    utimesSync(join(repo.workTree, 'public', '.index.html.masthead-tmp-ffffffffffff'), old, old);
    // A save running in another window right now: too young to be litter.
    writeFileSync(join(posts, '.other.md.masthead-tmp-000000000000'), 'in flight');
    const removed = await sweepWriteLeftovers(repo.workTree, ['', 'content/posts', 'public']);
    expect(removed).toEqual([
      'content/posts/.long-walk.md.masthead-tmp-a1b2c3d4e5f6',
      'content/posts/.masthead-new-0a0b0c0d0e0f',
      'public/.index.html.masthead-tmp-ffffffffffff',
    ]);
    expect(readdirSync(posts).sort()).toEqual(['.other.md.masthead-tmp-000000000000', 'long-walk.md']);
    rmSync(join(posts, '.other.md.masthead-tmp-000000000000'));
  });

  it('keeps temp files in the git folder of a linked worktree too (where .git is a file)', async () => {
    const other = join(repo.root, 'second-tree');
    repo.git('worktree', 'add', '-q', other, '-b', 'second');
    expect(await tempFolderFor(join(other, 'content', 'posts'))).toBe(
      join(repo.workTree, '.git', 'worktrees', 'second-tree', GIT_TEMP_FOLDER),
    );
    await writeFileAtomic(join(other, POST), LONG_POST.replace('The long walk', 'The second walk'));
    expect(runGitSync(other, ['status', '--porcelain', '--untracked-files=all', '--ignored'])).toBe(
      ' M content/posts/long-walk.md\n',
    );
  });

  it('writes temp files beside the target outside a repository (the app data folder)', async () => {
    const dir = makeTempDir('masthead-plain-');
    try {
      await writeFileAtomic(join(dir, 'settings.json'), '{}\n');
      expect(readdirSync(dir)).toEqual(['settings.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function readyLine(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the saver exited early (${code})`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
