/**
 * Entry point of the `masthead` command (bundled to out/main/cli.js, run by plain Node). It wires
 * the real process — argv, output streams, signals — into `runCli`. When the bundle is imported
 * (bin/masthead.mjs) instead of run, nothing starts until `main()` is called.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from './app-paths';
import { runCli } from './run';

export { runCli, usage } from './run';

/** Runs the CLI in this process with `args` and exits with its code when it is done. */
export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const shutdown = new AbortController();
  const stop = (): void => {
    if (shutdown.signal.aborted) process.exit(130); // a second Ctrl+C means "now"
    shutdown.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let code: number;
  try {
    code = await runCli(args, {
      out: (line) => process.stdout.write(`${line}\n`),
      write: (text) => process.stdout.write(text),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      cwd: process.cwd(),
      appRoot: findAppRoot(fileURLToPath(import.meta.url)),
      shutdown: shutdown.signal,
    });
  } catch (error) {
    // Last resort: a bug, not a user error. Still one line, with the detail for a bug report.
    process.stderr.write(
      `Masthead stopped because of an internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    code = 1;
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  process.exitCode = code;
  // Let stdout drain and the event loop empty by itself; a lingering handle (a git child, a file
  // watcher) must not keep a finished command alive.
  setTimeout(() => process.exit(code), 2000).unref();
}

/** True when this module is the script Node was started with (not imported by bin/masthead.mjs). */
function isEntryScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryScript()) void main();
