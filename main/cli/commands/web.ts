/**
 * `masthead web`: runs the back end and serves the app to a browser on this computer only
 * (127.0.0.1), guarded by a random token printed in the ready line.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EmitEvent } from '../../../shared/api';
import { toAppError } from '../../../shared/errors';
import { createBackend } from '../../backend';
import { dispatch } from '../../request-checks';
import { createFileSettings, defaultSettingsDir } from '../../settings';
import { startWebServer, type WebServer } from '../../web/server';
import { rendererDirFor } from '../app-paths';
import { EXIT_USAGE, oneLine, type CliContext, type Command } from '../context';
import { parseCommandLine, parsePort } from '../parse';
import { version } from '../../../package.json';

const USAGE = `Usage: masthead web [--repo DIR] [--port N]

Serves Masthead to your browser from this computer only (127.0.0.1) and prints the address to open.
The address carries a private token: do not share it.

Options:
  --repo DIR   Open this repository at start (otherwise choose one in the app)
  --port N     Listen on port N (default 0: any free port)
  -h, --help   Show this help

Settings are kept in $MASTHEAD_CONFIG_DIR, else $XDG_CONFIG_HOME/masthead or ~/.config/masthead.`;

interface WebArgs {
  repo?: string;
  port?: string;
  help?: boolean;
}

/** The `web` command. */
export const webCommand: Command = {
  name: 'web',
  summary: 'Serve Masthead to your browser from this computer (127.0.0.1 only)',
  usage: USAGE,
  run: runWeb,
};

async function runWeb(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommandLine<WebArgs>(args, {
    repo: { type: 'string' },
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) {
    context.err(`masthead web: ${parsed.message} Run "masthead web --help" for the options.`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    context.out(USAGE);
    return 0;
  }
  const port = parsePort(parsed.values.port ?? '0');
  if (port === null) {
    context.err(
      `masthead web: --port must be a number from 0 to 65535 (0 picks any free port), not "${parsed.values.port}".`,
    );
    return EXIT_USAGE;
  }
  const rendererDir = rendererDirFor(context.appRoot, context.env);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    context.err(
      `masthead web: the app's interface is not built (${rendererDir} has no index.html). Run "npm run build" first.`,
    );
    return 1;
  }

  // The back end needs `emit` before the server exists; events raised before it listens have no
  // page to go to anyway.
  let server: WebServer | null = null;
  const emit: EmitEvent = (name, payload) => server?.emit(name, payload);
  // The settings folder is the app's data folder too: unsaved-edit journals live there, never in the repository.
  const dataDir = defaultSettingsDir(context.env);
  const backend = createBackend({ shell: 'web', version, settings: createFileSettings(dataDir), emit, dataDir });

  if (parsed.values.repo !== undefined) {
    const repo = resolve(context.cwd, parsed.values.repo);
    try {
      await backend.openRepository(repo);
    } catch (error) {
      context.err(`Masthead could not open ${repo}: ${oneLine(toAppError(error).message)}`);
      return 1;
    }
  }

  try {
    server = await startWebServer({
      dispatch: (name, arg) => dispatch(backend, name, arg),
      readMedia: (postPath, src) => backend.readMedia(postPath, src),
      rendererDir,
      port,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    context.err(
      code === 'EADDRINUSE'
        ? `masthead web: port ${port} is already in use. Choose another with --port, or --port 0 for any free port.`
        : `masthead web: could not start the server: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    );
    return 1;
  }

  context.out(`Masthead is ready at ${server.launchUrl}`);
  await new Promise<void>((resolveShutdown) => {
    if (context.shutdown.aborted) resolveShutdown();
    else context.shutdown.addEventListener('abort', () => resolveShutdown(), { once: true });
  });
  await server.close();
  // A journal write that was in flight when the signal came reaches the disk before the process exits.
  await backend.settle();
  return 0;
}
