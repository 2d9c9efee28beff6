#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed; otherwise web mode, with one
// line saying why. The Electron check reads node_modules/electron/path.txt and never requires
// 'electron', which would try to download the binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureBuilt, ROOT, runMasthead } from './masthead.mjs';

/** The Electron executable, or null when the package is there but its binary never arrived. */
export function electronBinary(root = ROOT) {
  try {
    const require = createRequire(join(root, 'package.json'));
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function start(args) {
  const binary = electronBinary();
  if (binary === null) {
    console.log('Electron is not available on this machine (its binary is downloaded on first use and there is no internet); starting web mode instead.');
    await runMasthead(['web', ...args]);
    return;
  }
  if (!ensureBuilt()) {
    process.exitCode = 1;
    return;
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node instead of the app
  const child = spawn(binary, [ROOT, ...args], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Masthead could not launch Electron: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

start(process.argv.slice(2)).catch((error) => {
  console.error(`Masthead could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
