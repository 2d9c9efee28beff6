import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../../main/cli/context';
import { runCli } from '../../../../main/cli/run';
import { version } from '../../../../package.json';
import { createCliFixture, type CliFixture } from './fixtures';

let fixture: CliFixture;

beforeAll(() => {
  fixture = createCliFixture();
});

afterAll(() => fixture.cleanup());

/** A context that records output; `stop()` plays the part of Ctrl+C. */
function context(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const shutdown = new AbortController();
  const ctx: CliContext = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { MASTHEAD_CONFIG_DIR: fixture.configDir, MASTHEAD_RENDERER_DIR: fixture.rendererDir, ...env },
    cwd: fixture.root,
    appRoot: resolve('.'),
    shutdown: shutdown.signal,
  };
  return { ctx, out, err, stop: () => shutdown.abort() };
}

describe('masthead', () => {
  it('prints usage for --help, listing the commands', async () => {
    const { ctx, out } = context();
    expect(await runCli(['--help'], ctx)).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: masthead <command> \[options\]/);
    expect(out.join('\n')).toMatch(/^ {2}web +Serve Masthead/m);
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const { ctx, out, err } = context();
    expect(await runCli([], ctx)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('Usage: masthead');
  });

  it('prints the version', async () => {
    const { ctx, out } = context();
    expect(await runCli(['--version'], ctx)).toBe(0);
    expect(out).toEqual([version]);
  });

  it('refuses an unknown command in one line', async () => {
    const { ctx, err } = context();
    expect(await runCli(['serve'], ctx)).toBe(2);
    expect(err).toEqual(['masthead: unknown command "serve". Run "masthead --help" for the list of commands.']);
  });
});

describe('masthead web', () => {
  it('prints its own help', async () => {
    for (const args of [
      ['web', '--help'],
      ['help', 'web'],
    ]) {
      const { ctx, out } = context();
      expect(await runCli(args, ctx)).toBe(0);
      expect(out.join('\n')).toMatch(/^Usage: masthead web \[--repo DIR\] \[--port N\]/);
    }
  });

  it('refuses unknown options and bad ports in one line, exit 2', async () => {
    for (const args of [
      ['web', '--bogus'],
      ['web', '--port', 'eighty'],
      ['web', '--port', '70000'],
      ['web', '--repo'],
    ]) {
      const { ctx, err } = context();
      expect(await runCli(args, ctx), args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toHaveLength(1);
      expect(err[0]).toMatch(/^masthead web: /);
    }
  });

  it('exits 1 with one clear line when --repo is not a repository', async () => {
    for (const repo of ['does-not-exist', fixture.plainFolder]) {
      const { ctx, out, err } = context();
      expect(await runCli(['web', '--repo', repo, '--port', '0'], ctx)).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(
        new RegExp(
          `^Masthead could not open ${resolve(fixture.root, repo).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S`,
        ),
      );
    }
  });

  it('exits 1 when the interface has not been built', async () => {
    const { ctx, err } = context({ MASTHEAD_RENDERER_DIR: fixture.plainFolder });
    expect(await runCli(['web', '--port', '0'], ctx)).toBe(1);
    expect(err[0]).toMatch(/not built.*npm run build/);
  });

  it('serves the repository given with --repo, prints one ready line, and stops cleanly', async () => {
    const { ctx, out, err, stop } = context();
    const running = runCli(['web', '--repo', 'blog', '--port', '0'], ctx);
    await expect.poll(() => out.length, { timeout: 10_000 }).toBe(1);
    const match = /^Masthead is ready at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([\w-]+)$/.exec(out[0]!);
    expect(match, out[0]).not.toBeNull();
    const [, base, , token] = match!;

    const page = await fetch(base!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('fixture page');

    const info = await fetch(`${base}api/request/app:info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Masthead-Token': token! },
      body: JSON.stringify({ arg: null }),
    });
    const outcome = (await info.json()) as {
      ok: boolean;
      value: { shell: string; canPickFolder: boolean; openRepository: { path: string } | null };
    };
    expect(outcome.ok).toBe(true);
    expect(outcome.value.shell).toBe('web');
    expect(outcome.value.canPickFolder).toBe(false);
    expect(outcome.value.openRepository?.path).toBe(fixture.repo);

    stop();
    expect(await running).toBe(0);
    expect(err).toEqual([]);
    await expect(fetch(base!)).rejects.toThrow();
  });
});
