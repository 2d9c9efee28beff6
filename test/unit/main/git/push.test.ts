import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitFile } from '../../../../main/git/commit';
import { SSH_TIMEOUT_OPTIONS } from '../../../../main/git/core';
import { GitError } from '../../../../main/git/errors';
import { parseProgressLine, planPush, pushCurrentBranch } from '../../../../main/git/push';
import type { RepoWithRemote } from '../../../support/git-fixtures';
import { closedPort, createRepoWithRemote, isolateGitHome } from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
let server: Server | undefined;
afterEach(async () => {
  repo?.cleanup();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

const POST = 'content/posts/hello.md';

async function repoWithLocalCommit(): Promise<{ repo: RepoWithRemote; commit: string }> {
  const created = createRepoWithRemote({ files: { [POST]: 'v1\n' } });
  created.write({ [POST]: 'v2\n' });
  const { commit } = await commitFile(created.workTree, POST, 'Publish: Hello');
  return { repo: created, commit };
}

async function pushError(workTree: string): Promise<GitError> {
  const error = await pushCurrentBranch(workTree).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

/** A loopback HTTP server that answers 401 (Basic) to everything and records the requests' headers. */
async function unauthorizedServer(): Promise<{ url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  server = createServer((request, response) => {
    requests.push(request.headers);
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="masthead-test"', 'Content-Type': 'text/plain' });
    response.end('Unauthorized\n');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}/acme/blog.git`, requests };
}

describe('pushCurrentBranch', () => {
  it('pushes the current branch to its upstream: the commit lands in the bare remote', async () => {
    let commit: string;
    ({ repo, commit } = await repoWithLocalCommit());

    const result = await pushCurrentBranch(repo.workTree);

    expect(result).toEqual({ branch: 'main', upstream: 'origin/main' });
    expect(repo.remoteGit('log', '-1', '--format=%H %s', 'main')).toBe(`${commit} Publish: Hello\n`);
    expect(repo.remoteGit('show', `main:${POST}`)).toBe('v2\n');
    expect(repo.git('rev-list', '--count', 'origin/main..main')).toBe('0\n');
  });

  it('pushes to the upstream branch even when it has a different name from the local branch', async () => {
    ({ repo } = await repoWithLocalCommit());
    repo.git('push', '--quiet', 'origin', 'main:published');
    repo.git('branch', '--set-upstream-to=origin/published', 'main');
    repo.write({ [POST]: 'v3\n' });
    const { commit } = await commitFile(repo.workTree, POST, 'Publish: v3');

    const result = await pushCurrentBranch(repo.workTree);

    expect(result).toEqual({ branch: 'main', upstream: 'origin/published' });
    expect(repo.remoteGit('rev-parse', 'published').trim()).toBe(commit);
  });

  it('passes git progress lines to onProgress', async () => {
    ({ repo } = await repoWithLocalCommit());
    const lines: string[] = [];

    await pushCurrentBranch(repo.workTree, (line) => lines.push(line));

    expect(lines.some((line) => parseProgressLine(line)?.phase === 'Writing objects')).toBe(true);
    expect(lines.every((line) => line === line.trim() && !/[\r\n]/.test(line))).toBe(true);
  });

  it('fails with git-no-upstream when the branch tracks nothing, and pushes nothing', async () => {
    ({ repo } = await repoWithLocalCommit());
    repo.git('checkout', '--quiet', '-b', 'drafts');
    const remoteBranches = repo.remoteGit('branch', '--list');

    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-no-upstream');
    expect(repo.remoteGit('branch', '--list')).toBe(remoteBranches);
  });

  it('fails with git-detached-head when HEAD is not on a branch', async () => {
    ({ repo } = await repoWithLocalCommit());
    repo.git('checkout', '--quiet', '--detach', 'HEAD');

    expect((await pushError(repo.workTree)).code).toBe('git-detached-head');
  });

  it('fails with git-rejected when another clone advanced the remote, and keeps the local commit', async () => {
    let commit: string;
    ({ repo, commit } = await repoWithLocalCommit());
    const other = repo.cloneElsewhere();
    writeFileSync(path.join(other.workTree, 'elsewhere.md'), 'from another machine\n');
    other.git('add', 'elsewhere.md');
    other.git('commit', '--quiet', '-m', 'Edit elsewhere');
    other.git('push', '--quiet');
    const remoteHead = repo.remoteGit('rev-parse', 'main').trim();

    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-rejected');
    expect(error.detail).toContain('rejected');
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(commit);
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(remoteHead);
  });

  it('fails with git-offline when the remote cannot be reached, keeping the commit and hiding URL credentials', async () => {
    let commit: string;
    ({ repo, commit } = await repoWithLocalCommit());
    const port = await closedPort();
    repo.git('remote', 'set-url', 'origin', `http://writer:s3cret@127.0.0.1:${port}/x.git`);

    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-offline');
    expect(error.detail).toContain(`127.0.0.1`);
    expect(error.detail).not.toContain('s3cret');
    expect(error.message).not.toContain('s3cret');
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(commit);
  });

  it('fails with git-auth, without prompting, when the server demands credentials nobody supplies', async () => {
    ({ repo } = await repoWithLocalCommit());
    const { url, requests } = await unauthorizedServer();
    repo.git('remote', 'set-url', 'origin', url);
    // An empty helper list also shuts out helpers from the machine's system config (e.g. a GUI
    // credential manager), so the test only ever sees git's own "no prompt" path.
    repo.git('config', 'credential.helper', '');
    // A configured askpass program would be a prompt too (a GUI one): it must not even run.
    const askpass = path.join(repo.root, 'askpass.sh');
    const marker = path.join(repo.root, 'askpass-ran');
    writeFileSync(askpass, `#!/bin/sh\necho ran >> '${marker}'\necho writer\n`, { mode: 0o755 });
    repo.git('config', 'core.askPass', askpass);

    const started = Date.now();
    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-auth');
    expect(error.detail).toMatch(/terminal prompts disabled/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((headers) => headers.authorization === undefined)).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("keeps the repository's own credential helper: its credentials are sent, and their refusal is git-auth", async () => {
    ({ repo } = await repoWithLocalCommit());
    const { url, requests } = await unauthorizedServer();
    repo.git('remote', 'set-url', 'origin', url);
    repo.git('config', 'credential.helper', '');
    repo.git('config', '--add', 'credential.helper', '!f() { echo username=writer; echo password=wrong-token; }; f');

    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-auth');
    expect(error.detail).toMatch(/Authentication failed/);
    const sent = `Basic ${Buffer.from('writer:wrong-token').toString('base64')}`;
    expect(requests.some((headers) => headers.authorization === sent)).toBe(true);
  });

  describe('over ssh', () => {
    // A stand-in `ssh` on PATH that records how git invoked it and refuses like a server would.
    function fakeSsh(): { log: string; restorePath: () => void } {
      const bin = path.join(repo.root, 'bin');
      const log = path.join(repo.root, 'ssh-args.log');
      mkdirSync(bin);
      writeFileSync(
        path.join(bin, 'ssh'),
        `#!/bin/sh\necho "$*" >> '${log}'\necho 'git@127.0.0.1: Permission denied (publickey).' >&2\nexit 255\n`,
        { mode: 0o755 },
      );
      // The developer's own GIT_SSH_COMMAND / GIT_SSH would (rightly) take precedence: set them aside.
      const saved = {
        PATH: process.env.PATH,
        GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND,
        GIT_SSH: process.env.GIT_SSH,
      };
      delete process.env.GIT_SSH_COMMAND;
      delete process.env.GIT_SSH;
      process.env.PATH = `${bin}${path.delimiter}${saved.PATH ?? ''}`;
      const restorePath = (): void => {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      };
      return { log, restorePath };
    }

    it('runs ssh in batch mode so it can never ask for a passphrase or host key', async () => {
      ({ repo } = await repoWithLocalCommit());
      repo.git('remote', 'set-url', 'origin', 'ssh://git@127.0.0.1/acme/blog.git');
      const ssh = fakeSsh();
      try {
        const error = await pushError(repo.workTree);
        expect(error.code).toBe('git-auth');
        const args = readFileSync(ssh.log, 'utf8');
        expect(args).toMatch(/-o BatchMode=yes .*git@127\.0\.0\.1/);
        // A server that accepts and then says nothing is given up on, not waited for.
        expect(args).toContain('-o ConnectTimeout=8 -o ServerAliveInterval=4');
      } finally {
        ssh.restorePath();
      }
    });

    it("leaves the user's own core.sshCommand alone", async () => {
      ({ repo } = await repoWithLocalCommit());
      repo.git('remote', 'set-url', 'origin', 'ssh://git@127.0.0.1/acme/blog.git');
      repo.git('config', 'core.sshCommand', 'ssh -i /keys/blog_key');
      const ssh = fakeSsh();
      try {
        expect((await pushError(repo.workTree)).code).toBe('git-auth');
        const args = readFileSync(ssh.log, 'utf8');
        expect(args).toContain('-i /keys/blog_key');
        expect(args).not.toContain('BatchMode');
      } finally {
        ssh.restorePath();
      }
    });
  });

  it('fails with git-failed when the branch has no commits yet', async () => {
    repo = createRepoWithRemote();
    repo.git('checkout', '--quiet', '--orphan', 'fresh');

    const error = await pushError(repo.workTree);

    expect(error.code).toBe('git-failed');
    expect(error.detail).toContain('no commits yet');
  });
});

describe('planPush', () => {
  it('is remembered between publishes, and follows a branch switch, a new upstream and a changed ssh command', async () => {
    ({ repo } = await repoWithLocalCommit());
    const first = await planPush(repo.workTree);
    expect(first).toMatchObject({
      branch: 'main',
      target: { remote: 'origin', remoteRef: 'refs/heads/main', short: 'origin/main' },
    });
    expect(await planPush(repo.workTree)).toBe(first);

    // A catch-up rewrites HEAD with the same branch: still the same plan.
    repo.git('checkout', '--quiet', '-B', 'main', 'HEAD');
    expect(await planPush(repo.workTree)).toBe(first);

    repo.git('checkout', '--quiet', '-b', 'drafts');
    await expect(planPush(repo.workTree)).rejects.toMatchObject({ code: 'git-no-upstream' });
    repo.git('push', '--quiet', '--set-upstream', 'origin', 'drafts');
    expect(await planPush(repo.workTree)).toMatchObject({
      branch: 'drafts',
      target: { remoteRef: 'refs/heads/drafts', short: 'origin/drafts' },
    });

    repo.git('config', 'branch.drafts.merge', 'refs/heads/main');
    expect((await planPush(repo.workTree)).target.remoteRef).toBe('refs/heads/main');

    expect((await planPush(repo.workTree)).config).toEqual([
      `core.sshCommand=ssh -o BatchMode=yes ${SSH_TIMEOUT_OPTIONS}`,
    ]);
    // The writer's own command is kept in the plan as it is: no push or fetch looks it up again.
    repo.git('config', 'core.sshCommand', 'ssh -i ~/.ssh/blog_key');
    expect((await planPush(repo.workTree)).config).toEqual(['core.sshCommand=ssh -i ~/.ssh/blog_key']);
  });
});

describe('parseProgressLine', () => {
  it('reads the phase and percentage of git progress lines', () => {
    expect(parseProgressLine('Writing objects:  42% (21/50), 3.1 KiB | 3.1 MiB/s')).toEqual({
      phase: 'Writing objects',
      percent: 42,
    });
    expect(parseProgressLine('Counting objects: 100% (3/3), done.')).toEqual({
      phase: 'Counting objects',
      percent: 100,
    });
    expect(parseProgressLine('remote: Resolving deltas:   0% (0/1)')).toEqual({
      phase: 'Resolving deltas',
      percent: 0,
    });
  });

  it('returns null for lines that are not progress', () => {
    expect(parseProgressLine('To /tmp/remote.git')).toBeNull();
    expect(parseProgressLine('   1a2b3c4..5d6e7f8  main -> main')).toBeNull();
    expect(parseProgressLine('Enumerating objects: 5, done.')).toBeNull();
  });
});
