import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  askPassProgram,
  defaultAskPassDir,
  openAskPassChannel,
  type AskPassChannel,
} from '../../../../main/credentials/askpass-channel';

const run = promisify(execFile);
let channel: AskPassChannel | undefined;
afterEach(async () => {
  await channel?.close();
  channel = undefined;
});

/** Runs the shipped trampoline as git would: the prompt as the only argument, the channel in the environment. */
async function askAsGit(
  env: Record<string, string>,
  prompt: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(env.GIT_ASKPASS!, [prompt], {
      env: { PATH: process.env.PATH, ...env },
      timeout: 10_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the askpass helper and its channel', () => {
  it('prints the back end’s answer to git’s prompt and nothing else', async () => {
    const prompts: string[] = [];
    channel = await openAskPassChannel(
      await askPassProgram(defaultAskPassDir()),
      async (prompt) => {
        prompts.push(prompt);
        return prompt.startsWith('Username') ? 'ada' : 'ghp_secret';
      },
      5_000,
    );

    expect(await askAsGit(channel.env, "Username for 'https://github.com': ")).toEqual({
      code: 0,
      stdout: 'ada\n',
      stderr: '',
    });
    expect(await askAsGit(channel.env, "Password for 'https://ada@github.com': ")).toEqual({
      code: 0,
      stdout: 'ghp_secret\n',
      stderr: '',
    });
    expect(prompts).toEqual(["Username for 'https://github.com': ", "Password for 'https://ada@github.com': "]);
  });

  it('exits non-zero with no output when there is no answer, the secret is wrong or the back end is gone', async () => {
    channel = await openAskPassChannel(await askPassProgram(defaultAskPassDir()), async () => null, 5_000);
    expect(await askAsGit(channel.env, "Username for 'https://github.com': ")).toEqual({
      code: 1,
      stdout: '',
      stderr: '',
    });

    const forged = { ...channel.env, MASTHEAD_ASKPASS_TOKEN: 'guessed' };
    expect((await askAsGit(forged, "Username for 'https://github.com': ")).code).toBe(1);

    const env = channel.env;
    await channel.close();
    channel = undefined;
    expect(await askAsGit(env, "Username for 'https://github.com': ")).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('gives up after its timeout when the back end never answers', async () => {
    channel = await openAskPassChannel(
      await askPassProgram(defaultAskPassDir()),
      () => new Promise(() => undefined),
      300,
    );
    const started = Date.now();
    expect((await askAsGit(channel.env, "Username for 'https://github.com': ")).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runs from a private executable copy when the shipped trampoline lost its mode', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-askpass-test-'));
    try {
      for (const file of ['askpass.sh', 'askpass.mjs'])
        copyFileSync(path.join(defaultAskPassDir(), file), path.join(dir, file));
      chmodSync(path.join(dir, 'askpass.sh'), 0o644);
      const program = await askPassProgram(dir, 'linux');
      expect(program.command).not.toBe(path.join(dir, 'askpass.sh'));
      expect(statSync(program.command).mode & 0o100).toBe(0o100);
      channel = await openAskPassChannel(program, async () => 'ada', 5_000);
      expect((await askAsGit(channel.env, "Username for 'https://github.com': ")).stdout).toBe('ada\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the Windows trampoline on Windows', async () => {
    expect((await askPassProgram(defaultAskPassDir(), 'win32')).command).toBe(
      path.join(defaultAskPassDir(), 'askpass.cmd'),
    );
  });
});
