#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed; otherwise web mode, with one
// line saying why. The Electron check reads node_modules/electron/path.txt and never requires
// 'electron', which would try to download the binary.
//
// Two Node versions are true at once: the tests, the CLI and web mode run on Node 20.19+
// (package.json `engines`), while Electron's own install tooling — which downloads the binary — and
// packaging need the Node its package.json declares (22.12+ for Electron 45). The app itself runs
// on the Node inside Electron, so an installed binary starts whatever Node ran `npm start`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, ROOT, runMasthead } from './masthead.mjs';

/** Used when Electron's package.json cannot be read: what Electron 45's tooling declares. */
const FALLBACK_DESKTOP_NODE = '22.12.0';

/** The lowest Node that Electron's install tooling accepts, from its package.json `engines` (e.g. "22.12.0"). */
export function desktopNodeRequirement(root = ROOT) {
  try {
    const require = createRequire(join(root, 'package.json'));
    const engines = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).engines?.node ?? '';
    return /(\d+\.\d+\.\d+)/.exec(engines)?.[1] ?? FALLBACK_DESKTOP_NODE;
  } catch {
    return FALLBACK_DESKTOP_NODE;
  }
}

/** True when Node `version` ("v20.20.2" or "20.20.2") is at least `required` ("22.12.0"). */
export function nodeAtLeast(version, required) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const want = required.split('.').map(Number);
  for (let index = 0; index < 3; index += 1) {
    if ((have[index] ?? 0) !== (want[index] ?? 0)) return (have[index] ?? 0) > (want[index] ?? 0);
  }
  return true;
}

/** `22.12.0` as people write it: `22.12`. */
function shortVersion(version) {
  return version.replace(/\.0$/, '');
}

/**
 * What `npm start` says before it starts: why it falls back to web mode, or — when the desktop app
 * starts on an older Node — that packaging needs a newer one. Null when there is nothing to say.
 */
export function startNotice({ hasElectron, nodeVersion, requiredNode }) {
  const oldNode = !nodeAtLeast(nodeVersion, requiredNode);
  const needs = `Node ${shortVersion(requiredNode)} or newer`;
  if (!hasElectron && oldNode) {
    return `The desktop app needs ${needs} to install Electron and to package it (this is Node ${nodeVersion.replace(/^v/, '')}); starting web mode instead, which runs on Node 20.19+.`;
  }
  if (!hasElectron) {
    return 'Electron is not available on this machine (its binary is downloaded on first use and there is no internet); starting web mode instead.';
  }
  if (oldNode)
    return `Note: packaging the desktop app (npm run dist) needs ${needs}; this is Node ${nodeVersion.replace(/^v/, '')}.`;
  return null;
}

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
  const notice = startNotice({
    hasElectron: binary !== null,
    nodeVersion: process.version,
    requiredNode: desktopNodeRequirement(),
  });
  if (notice !== null) console.log(notice);
  if (binary === null) {
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

// Run as `npm start`; imported (by tests) it only lends its functions.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  start(process.argv.slice(2)).catch((error) => {
    console.error(`Masthead could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
