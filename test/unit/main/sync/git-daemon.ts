/**
 * `git daemon` on 127.0.0.1 for sync tests: serves every bare repository under a folder over
 * `git://` with pushes allowed, on a free port, and stops when asked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { closedPort } from '../../../support/git-fixtures';

/** A running daemon. */
export interface GitDaemon {
  /** `git://127.0.0.1:<port>/<repository>` for a repository folder under the base path. */
  urlOf(repository: string): string;
  stop(): Promise<void>;
}

/** Starts `git daemon` serving the bare repositories under `basePath`. */
export async function startGitDaemon(basePath: string): Promise<GitDaemon> {
  const port = await closedPort();
  const daemon: ChildProcess = spawn(
    'git',
    [
      'daemon',
      '--export-all',
      '--enable=receive-pack',
      '--reuseaddr',
      `--base-path=${basePath}`,
      `--port=${port}`,
      '--listen=127.0.0.1',
      basePath,
    ],
    { stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: basePath, GIT_CONFIG_NOSYSTEM: '1' } },
  );
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline || daemon.exitCode !== null) {
      daemon.kill();
      throw new Error(`git daemon did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    urlOf: (repository) => `git://127.0.0.1:${port}/${repository}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (daemon.exitCode !== null) return resolve();
        daemon.once('exit', () => resolve());
        daemon.kill();
      }),
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
