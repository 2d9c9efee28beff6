// The bundled CLI as users run it: `node out/main/cli.js …`. The bundle is built here (main only,
// into a temp folder inside the project so its dependencies resolve), so the test never depends on
// a stale or missing out/ folder.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from './fixtures';

const projectRoot = resolve('.');
// `.masthead-tmp-*` is git-ignored.
const buildDir = join(projectRoot, `.masthead-tmp-cli-${randomBytes(4).toString('hex')}`);
const cli = join(buildDir, 'main', 'cli.js');
let fixture: CliFixture;

beforeAll(() => {
  fixture = createCliFixture();
  const build = spawnSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', buildDir],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, MASTHEAD_BUILD_TARGETS: 'main' },
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);

afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  fixture.cleanup();
});

function runCliProcess(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [cli, ...args], {
    cwd: fixture.root,
    env: { ...process.env, MASTHEAD_CONFIG_DIR: fixture.configDir, MASTHEAD_RENDERER_DIR: fixture.rendererDir },
  });
}

/** Collects a process's output and exit code. */
function finished(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit) => child.on('close', (code) => resolveExit({ code, stdout, stderr })));
}

describe('node out/main/cli.js', () => {
  it('web --repo DIR --port 0 prints the ready line, serves, and exits 0 on SIGTERM', async () => {
    const child = runCliProcess(['web', '--repo', fixture.repo, '--port', '0']);
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));

    await expect.poll(() => lines.length, { timeout: 20_000 }).toBe(1);
    const match = /^Masthead is ready at (http:\/\/127\.0\.0\.1:\d+\/)#token=[\w-]{43}$/.exec(lines[0]!);
    expect(match, `${lines[0]} / ${stderr}`).not.toBeNull();
    const page = await fetch(match![1]!);
    expect(page.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toHaveLength(1);
    expect(stderr).toBe('');
  });

  it('exits 1 with one line on stderr for a folder that is not a repository', async () => {
    const result = await finished(runCliProcess(['web', '--repo', fixture.plainFolder, '--port', '0']));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Masthead could not open .*plain: /);
  });

  it('prints usage for --help', async () => {
    const result = await finished(runCliProcess(['--help']));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: masthead <command>/);
  });
});
