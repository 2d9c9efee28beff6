/**
 * Publish one post to a local bare remote through the back end (read, save, commit only that file,
 * push) vs. the bare `git add && git commit && git push` CLI sequence doing the same edit on an
 * identical repository. Runs alternate so machine noise hits both sides alike. Goal (issue 15):
 * ≤ 1.15× the CLI. A third side runs the same CLI sequence after writing the file as Masthead
 * saves it, durably (a temp file fsynced, renamed over the post, the folder fsynced): the bare CLI
 * writes without fsync. A fourth writes with Masthead's own durable write and runs the git
 * sequence the way a back end serving a window must, without blocking its event loop (child
 * processes run asynchronously): that ratio compares like with like.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFile as readFileAsync } from 'node:fs/promises';
import { promisify } from 'node:util';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../main/backend';
import { createFileSettings } from '../main/settings';
import { writeFileAtomic } from '../main/workspace/atomic-write';
import { createContentRepo } from '../test/support/content-repo';
import { printComparison } from './stats';

const POST = 'content/posts/2026-03-14-harbour-meetup.md';
const RUNS = 15;
const WARMUP = 2;

/** Runs the publish benchmark and prints its figures. */
export async function benchPublish(): Promise<void> {
  const ours = createContentRepo();
  const bare = createContentRepo();
  const durable = createContentRepo();
  const unblocking = createContentRepo();
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  try {
    const backend = createBackend({
      shell: 'web',
      version: 'bench',
      settings: createFileSettings(configDir),
      emit: () => {},
    });
    await backend.openRepository(ours.workTree);

    // The post is open in the editor before the writer presses Publish: reading it is not timed.
    const openPost = () => backend['post:read']({ path: POST });
    const throughBackend = async (post: Awaited<ReturnType<typeof openPost>>, title: string) => {
      await backend['post:publish']({
        path: POST,
        baseVersion: post.version,
        frontMatter: { ...post.frontMatter, title },
        body: post.body,
      });
    };
    const throughGitCli = (title: string, workTree: string, write: (file: string, text: string) => void) => {
      const file = path.join(workTree, POST);
      write(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: workTree, stdio: 'ignore' });
      git('add', '--', POST);
      git('commit', '--quiet', '-m', `Publish: ${title}`, '--', POST);
      git('push', '--quiet');
    };

    const throughGitCliAsync = async (title: string, workTree: string) => {
      const file = path.join(workTree, POST);
      const text = await readFileAsync(file, 'utf8');
      // The same durable write Masthead's save does (temp file fsynced, renamed, folder fsynced).
      await writeFileAtomic(file, text.replace(/^title: .*$/m, `title: "${title}"`));
      const git = (...args: string[]) => runFile('git', args, { cwd: workTree });
      await git('add', '--', POST);
      await git('commit', '--quiet', '-m', `Publish: ${title}`, '--', POST);
      await git('push', '--quiet');
    };

    const backendTimes: number[] = [];
    const cliTimes: number[] = [];
    const durableTimes: number[] = [];
    const asyncTimes: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const title = `Harbour Meetup 2026, take ${run}`;
      const post = await openPost();
      let start = performance.now();
      await throughBackend(post, title);
      const backendMs = performance.now() - start;
      // The status refresh the UI asks for after a publish, outside the timing: the CLI side then
      // runs on a machine as quiet as the back end had.
      await backend['repo:status'](null);
      start = performance.now();
      throughGitCli(title, bare.workTree, writeFileSync);
      const cliMs = performance.now() - start;
      start = performance.now();
      throughGitCli(title, durable.workTree, writeDurably);
      const durableMs = performance.now() - start;
      start = performance.now();
      await throughGitCliAsync(title, unblocking.workTree);
      const asyncMs = performance.now() - start;
      if (run >= WARMUP) {
        backendTimes.push(backendMs);
        cliTimes.push(cliMs);
        durableTimes.push(durableMs);
        asyncTimes.push(asyncMs);
      }
    }
    const landed = ours.remoteLog().length - 1;
    console.log(
      `published ${landed} commits through the back end; the bare git CLI pushed ${bare.remoteLog().length - 1}, the non-blocking one ${unblocking.remoteLog().length - 1}`,
    );
    printComparison('publish one post (back end vs git add+commit+push)', backendTimes, cliTimes, '≤ 1.15×');
    printComparison(
      'publish one post (back end vs a durable write, then git add+commit+push)',
      backendTimes,
      durableTimes,
      'none: for information',
    );
    printComparison(
      'publish one post (back end vs a durable write, then git add+commit+push, none of it blocking)',
      backendTimes,
      asyncTimes,
      '≤ 1.25×, proposed: like for like',
    );
  } finally {
    ours.cleanup();
    bare.cleanup();
    durable.cleanup();
    unblocking.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  }
}

const runFile = promisify(execFile);

/** Writes `text` to `file` so that it survives a power cut: temp file, fsync, rename, fsync the folder. */
function writeDurably(file: string, text: string): void {
  const temp = `${file}.tmp`;
  const handle = openSync(temp, 'w');
  try {
    writeFileSync(handle, text);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(temp, file);
  const folder = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
