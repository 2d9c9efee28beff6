/**
 * Publishing after the remote moved ahead by one unrelated commit: the back end's publish (save,
 * commit the post, fetch, replay on top, push) vs the git CLI doing the same work on an identical
 * repository (`commit && fetch && rebase && push`), and vs `fetch && rebase && push` alone. Before
 * each run a co-author pushes one commit to each remote, outside the timing. Runs alternate so
 * machine noise hits both sides alike. Goal: ≤ 1.5×.
 *
 * Two remotes: a bare repository on disk (file://: no network at all, so every millisecond of local
 * work shows), and git's smart HTTP on 127.0.0.1 answering each request after SYNC_LATENCY_MS
 * (default 20 ms), as a forge some distance away does, with a username and token as forges ask.
 * Two situations: a branch the co-author keeps pushing to (Masthead learns it and fetches while it
 * commits), and the first publish after their push on fresh repositories (the push is refused first). */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../main/backend';
import { createFileSettings } from '../main/settings';
import { createRepoWithRemote, runGitSync, type RepoWithRemote } from '../test/support/git-fixtures';
import { median, ms } from './stats';

const POST = 'content/posts/2026-03-14-harbour-lights.md';
const RUNS = Number(process.env.RUNS ?? 15);
const HTTP_RUNS = Number(process.env.RUNS ?? 7);
const LATENCY_MS = Number(process.env.SYNC_LATENCY_MS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 2);
const FIRST_RUNS = Number(process.env.RUNS ?? 9);

const FILES = {
  [POST]: '---\ntitle: Harbour Lights\ndate: 2026-03-14\n---\nThe first lamp comes on at the end of the east pier.\n',
  'content/posts/2026-02-01-net-mending.md': '---\ntitle: Mending Nets\n---\nKnot by knot.\n',
  'config.toml': 'title = "Quay Notes"\n',
};

/** Runs the sync benchmark and prints its figures. */
export async function benchSync(): Promise<void> {
  console.log('### remote: a bare repository on disk (file://), a branch others keep pushing to');
  await benchSyncOver(null, RUNS);
  console.log(`\n### remote: smart HTTP on 127.0.0.1, ${LATENCY_MS} ms per request, username and token`);
  await benchSyncOver(LATENCY_MS, HTTP_RUNS);
  console.log(
    '\n### remote: file://, the first publish after others pushed (nothing fetched yet: the push is refused first)',
  );
  await benchFirstCatchUp(null, FIRST_RUNS);
  console.log(`\n### remote: smart HTTP, ${LATENCY_MS} ms per request, the first publish after others pushed`);
  await benchFirstCatchUp(LATENCY_MS, HTTP_RUNS);
}

/** Serves both benchmark repositories' remotes over HTTP (a server process each) and points every clone at them. */
async function serveOverHttp(repos: RepoWithRemote[], others: Array<{ workTree: string }>, latencyMs: number) {
  const servers: ChildProcess[] = [];
  for (const [index, repo] of repos.entries()) {
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'serve-http-remote.ts'), repo.root, String(latencyMs)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    servers.push(server);
    const [origin] = (await once(server.stdout!, 'data')) as [Buffer];
    runGitSync(repo.bareRemote, ['config', 'http.receivepack', 'true']);
    const url = `${origin.toString('utf8').trim().replace('http://', 'http://writer:bench-token@')}/remote.git`;
    for (const workTree of [repo.workTree, others[index]!.workTree]) {
      runGitSync(workTree, ['remote', 'set-url', 'origin', url]);
      runGitSync(workTree, ['fetch', '--quiet', 'origin']);
    }
  }
  return async () => {
    for (const server of servers) server.kill();
  };
}

/** Both sides of the benchmark: the back end and the git CLI, each on its own repository with a co-author's clone. */
async function startPair(latencyMs: number | null) {
  const ours = createRepoWithRemote({ files: FILES });
  const cli = createRepoWithRemote({ files: FILES });
  const ourOther = ours.cloneElsewhere();
  const cliOther = cli.cloneElsewhere();
  const closeServers = latencyMs === null ? null : await serveOverHttp([ours, cli], [ourOther, cliOther], latencyMs);
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  const backend = createBackend({
    shell: 'web',
    version: 'bench',
    settings: createFileSettings(configDir),
    emit: () => {},
  });
  await backend.openRepository(ours.workTree);
  const othersPush = (other: { workTree: string; git(...args: string[]): string }, run: number) => {
    other.git('pull', '--quiet', '--ff-only');
    writeFileSync(path.join(other.workTree, 'config.toml'), `title = "Quay Notes"\n# run ${run}\n`);
    other.git('commit', '--quiet', '-am', `Settings, run ${run}`);
    other.git('push', '--quiet');
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: cli.workTree, stdio: 'ignore' });

  /** One run: the co-author pushes to both remotes (unless `alone`), then each side publishes after them (timed). */
  const run = async (index: number, alone = false) => {
    if (!alone) othersPush(ourOther, index);
    if (!alone) othersPush(cliOther, index);
    const title = `Harbour Lights, take ${index}`;
    // The post is open in the editor before the writer presses Publish: reading it is not timed.
    const post = await backend['post:read']({ path: POST });
    let start = performance.now();
    const result = await backend['post:publish']({
      path: POST,
      baseVersion: post.version,
      frontMatter: { ...post.frontMatter, title },
      body: post.body,
    });
    const backendMs = performance.now() - start;
    if ((!alone && !result.caughtUp) || result.pushed === false)
      throw new Error(`the publish did not catch up: ${JSON.stringify(result)}`);
    // The status refresh the UI asks for after a publish, outside the timing: the CLI side then
    // runs on a machine as quiet as the back end had.
    await backend['repo:status'](null);
    start = performance.now();
    const file = path.join(cli.workTree, POST);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
    git('commit', '--quiet', '--only', '-m', `Publish: ${title}`, '--', POST);
    const synced = performance.now();
    git('fetch', '--quiet');
    git('rebase', '--quiet');
    git('push', '--quiet');
    const end = performance.now();
    return { backendMs, cliMs: end - start, cliSyncMs: end - synced };
  };
  const linear = (repo: RepoWithRemote) => repo.remoteGit('rev-list', '--merges', 'main').trim() === '';
  const history = () =>
    `remote history: ${ours.remoteGit('rev-list', '--count', 'main').trim()} commits through the back end (linear: ${linear(ours)}), ${cli.remoteGit('rev-list', '--count', 'main').trim()} through the CLI (linear: ${linear(cli)})`;
  const stop = async () => {
    await closeServers?.();
    ours.cleanup();
    cli.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  };
  return { run, history, stop };
}

/** Samples of both sides. */
class Samples {
  backend: number[] = [];
  cli: number[] = [];
  cliSync: number[] = [];
  add(sample: { backendMs: number; cliMs: number; cliSyncMs: number }): void {
    this.backend.push(sample.backendMs);
    this.cli.push(sample.cliMs);
    this.cliSync.push(sample.cliSyncMs);
  }
  print(runs: number): void {
    const line = (label: string, samples: number[]) =>
      `${label} median ${ms(median(samples))} (min ${ms(Math.min(...samples))} – max ${ms(Math.max(...samples))})`;
    console.log(line('publish through the back end:', this.backend));
    console.log(line('git CLI commit && fetch && rebase && push:', this.cli));
    console.log(line('git CLI fetch && rebase && push:', this.cliSync));
    console.log(
      `ratio ${(median(this.backend) / median(this.cli)).toFixed(2)}× vs commit+fetch+rebase+push, ` +
        `${(median(this.backend) / median(this.cliSync)).toFixed(2)}× vs fetch+rebase+push, over ${runs} runs each (goal ≤ 1.5×)`,
    );
  }
}

/**
 * Publishing again and again while a co-author pushes before each publish: from the second
 * publish on, Masthead knows others push to the branch and fetches while it commits.
 */
async function benchSyncOver(latencyMs: number | null, runs: number): Promise<void> {
  const pair = await startPair(latencyMs);
  try {
    const samples = new Samples();
    for (let index = 0; index < WARMUP + runs; index++) {
      const sample = await pair.run(index);
      if (index >= WARMUP) samples.add(sample);
    }
    console.log(pair.history());
    samples.print(runs);
  } finally {
    await pair.stop();
  }
}

/**
 * The first publish after others pushed, on a fresh pair of repositories each run: Masthead has no
 * reason to fetch first, so its push is refused, then it fetches, replays and pushes again.
 */
async function benchFirstCatchUp(latencyMs: number | null, runs: number): Promise<void> {
  const samples = new Samples();
  for (let index = 0; index < WARMUP + runs; index++) {
    const pair = await startPair(latencyMs);
    try {
      // The writer published once already this session, with nobody else pushing: the app is warm
      // and has no reason to think others push to the branch.
      await pair.run(-1, true);
      const sample = await pair.run(index);
      if (index >= WARMUP) samples.add(sample);
    } finally {
      await pair.stop();
    }
  }
  samples.print(runs);
}
