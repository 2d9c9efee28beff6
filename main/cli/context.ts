/**
 * What every `masthead` command receives, so commands never touch process globals directly and
 * can be run in-process by tests.
 */

/** The world as a command sees it. */
export interface CliContext {
  /** Writes one line to standard output. */
  out(line: string): void;
  /**
   * Writes text to standard output exactly as given (no newline added), for commands whose output
   * is file content. Optional so line-only contexts (most tests) need not provide it.
   */
  write?(text: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The folder holding Masthead's package.json (and its `out/` build). */
  appRoot: string;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
  /** Aborted when the user asks the process to stop (Ctrl+C, SIGTERM). */
  shutdown: AbortSignal;
}

/** One `masthead <name>` command; each lives in its own file under commands/. */
export interface Command {
  name: string;
  /** One line for `masthead --help`. */
  summary: string;
  /** The command's own `--help` text. */
  usage: string;
  /** Runs the command; resolves with the process exit code. */
  run(args: string[], context: CliContext): Promise<number>;
}

/** Exit code for a command line that could not be understood (as most Unix tools do). */
export const EXIT_USAGE = 2;

/** Flattens a message to one line: the CLI promises one clear line per failure. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
