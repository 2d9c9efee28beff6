#!/usr/bin/env node
// The `masthead` command (`npm run web -- --repo DIR --port N`). Builds the app first when the
// build is missing or older than the sources, then hands the arguments to the bundled CLI
// (out/main/cli.js). Also imported by bin/start.mjs for its build check and web-mode fallback.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (where package.json is). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const SOURCES = ['main', 'shared', 'renderer', 'resources', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/cli.js', 'out/main/electron.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

/** Newest modification time under `path` (a file or a folder), in ms. */
function newestTime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows only as a newer folder time
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestTime(join(path, entry.name)));
  }
  return newest;
}

/** True when some build output is missing or older than some source. */
export function buildIsStale(root = ROOT) {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return Math.max(...SOURCES.map((source) => newestTime(join(root, source)))) > oldestOutput;
}

/** Runs `electron-vite build` when needed; returns false (after saying why) when the build fails. */
export function ensureBuilt(root = ROOT) {
  if (!buildIsStale(root)) return true;
  process.stderr.write('Building Masthead…\n');
  const require = createRequire(join(root, 'package.json'));
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return true;
  // Only on failure is the build's own output worth reading.
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  process.stderr.write(
    `Masthead could not be built (electron-vite build exited with ${result.status ?? result.signal}); see the messages above.\n`,
  );
  return false;
}

/** Builds if needed, then runs the CLI with `args` in this process. */
export async function runMasthead(args, root = ROOT) {
  if (!ensureBuilt(root)) {
    process.exitCode = 1;
    return;
  }
  // Lexical (a dependency the bundle leaves external) picks its development build, with its extra
  // checks, unless NODE_ENV says production; the app ships the production one.
  process.env.NODE_ENV ??= 'production';
  const cli = await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
  await cli.main(args);
}

function isEntryScript() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryScript()) {
  runMasthead(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`Masthead could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
