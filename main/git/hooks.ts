/** Telling a git hook's refusal from other failures: is a hook of that name installed and runnable? */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './core';
import { GitError } from './errors';

/** The hooks that can refuse a publish. */
export type PublishHook = 'pre-commit' | 'commit-msg' | 'prepare-commit-msg' | 'pre-push';

/** True when the repository has an executable hook `name` (core.hooksPath respected). */
export async function hasHook(workTree: string, name: PublishHook): Promise<boolean> {
  const { stdout } = await runGit(workTree, ['rev-parse', '--git-path', `hooks/${name}`]);
  const file = path.resolve(workTree, stdout.trim());
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * When a commit or push failed with nothing git itself recognised and one of `hooks` is installed,
 * the hook refused: the same failure as `git-hook`, with what the hook printed in the message.
 */
export async function asHookFailure(error: unknown, workTree: string, hooks: readonly PublishHook[]): Promise<unknown> {
  if (!(error instanceof GitError) || error.code !== 'git-failed') return error;
  for (const hook of hooks) {
    if (!(await hasHook(workTree, hook))) continue;
    const said = hookOutput(error);
    const refused = new GitError('git-hook', {
      args: error.args,
      exitCode: error.exitCode,
      stderr: error.stderr,
      stdout: '',
    });
    return said === ''
      ? refused
      : Object.assign(refused, { message: `${refused.message} The ${hook} hook said: ${said}` });
  }
  return error;
}

/** What a hook printed, without git's own closing lines, cut to a readable length. */
export function hookOutput(error: GitError): string {
  const lines = error.stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^error: failed to push some refs/.test(line));
  const text = lines.join(' ');
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}
