/**
 * Errors that cross the process boundary. They are plain data (no class instances, no stacks) so
 * that Electron IPC and the web-mode HTTP transport can carry them unchanged, and the renderer can
 * rebuild them on its side.
 */

/** Every failure the back end can report to the UI. */
export type ErrorCode =
  | 'bad-request'
  | 'no-repository'
  | 'not-a-repository'
  | 'not-found'
  | 'outside-repository'
  | 'changed-on-disk'
  | 'invalid-front-matter'
  | 'invalid-slug-template'
  | 'unsafe-path'
  | 'io'
  | 'git-no-upstream'
  | 'git-rejected'
  | 'git-auth'
  | 'git-offline'
  | 'git-no-identity'
  | 'git-nothing-to-commit'
  | 'git-detached-head'
  /** Others changed the same places of the post: the writer resolves them (see 'post:merge'). */
  | 'git-merge-conflict'
  /** The repository is mid-merge, mid-rebase or mid-cherry-pick (left so by another tool). */
  | 'git-in-progress'
  /** `.git/index.lock` exists: another git process is running, or one crashed. */
  | 'git-locked'
  /** A pre-commit or pre-push hook refused; its output is in the message. */
  | 'git-hook'
  | 'git-failed'
  | 'unauthorized'
  | 'forbidden'
  | 'internal';

/** A failure as plain data: a stable code, a sentence for the writer, and optional raw detail. */
export interface AppError {
  code: ErrorCode;
  /** What happened and what to do next, in plain words. */
  message: string;
  /** Raw output (git stderr, exception text) for those who want it; never shown by default. */
  detail?: string;
}

/** The wire form of every request's outcome: errors travel as data, never as thrown objects. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An Error that carries an AppError; thrown inside the back end and in the renderer's client. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.code = error.code;
    this.detail = error.detail;
  }

  /** The plain-data form, safe to send across the bridge. */
  toJSON(): AppError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Builds an AppFailure in one call: `throw fail('not-found', 'No such post.')`. */
export function fail(code: ErrorCode, message: string, detail?: string): AppFailure {
  return new AppFailure(detail === undefined ? { code, message } : { code, message, detail });
}

/** Turns anything thrown into an AppError; unknown exceptions become `internal` with their text as detail. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toJSON();
  if (isAppError(error)) return error;
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    code: 'internal',
    message: 'Something went wrong inside Masthead. Your files were not changed by this error.',
    detail: text,
  };
}

/** True for a value shaped like an AppError (e.g. one that arrived over the wire). */
export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}

/** Exhaustiveness guard for `switch` statements over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
