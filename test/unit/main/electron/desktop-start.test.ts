// `npm start` (bin/start.mjs): the desktop app's Node requirement is Electron's own, and what the
// writer is told agrees with package.json and the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopNodeRequirement, nodeAtLeast, startNotice } from '../../../../bin/start.mjs';

const root = join(__dirname, '../../../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { engines: { node: string } };
const electronEngines = (JSON.parse(read('node_modules/electron/package.json')) as { engines: { node: string } })
  .engines.node;

describe('the desktop app’s Node version', () => {
  it('is read from the installed Electron’s own engines field (22.12 for Electron 45)', () => {
    expect(electronEngines).toMatch(/>=\s*22\.12\.0/);
    expect(desktopNodeRequirement(root)).toBe('22.12.0');
  });

  it('compares versions numerically', () => {
    expect(nodeAtLeast('v20.20.2', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v22.11.9', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v22.12.0', '22.12.0')).toBe(true);
    expect(nodeAtLeast('v22.9.0', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v24.1.0', '22.12.0')).toBe(true);
  });

  it('says, when falling back to web mode on an older Node, that the desktop app needs Node 22.12', () => {
    expect(startNotice({ hasElectron: false, nodeVersion: 'v20.20.2', requiredNode: '22.12.0' })).toBe(
      'The desktop app needs Node 22.12 or newer to install Electron and to package it (this is Node 20.20.2); starting web mode instead, which runs on Node 20.19+.',
    );
  });

  it('blames the missing download, not Node, on a new enough Node', () => {
    expect(startNotice({ hasElectron: false, nodeVersion: 'v22.12.0', requiredNode: '22.12.0' })).toBe(
      'Electron is not available on this machine (its binary is downloaded on first use and there is no internet); starting web mode instead.',
    );
  });

  it('starts an installed Electron on any Node, noting that packaging needs 22.12', () => {
    expect(startNotice({ hasElectron: true, nodeVersion: 'v20.19.0', requiredNode: '22.12.0' })).toBe(
      'Note: packaging the desktop app (npm run dist) needs Node 22.12 or newer; this is Node 20.19.0.',
    );
    expect(startNotice({ hasElectron: true, nodeVersion: 'v22.14.0', requiredNode: '22.12.0' })).toBeNull();
  });

  it('agrees with package.json engines (tests and web mode) and the README', () => {
    expect(packageJson.engines.node).toBe('>=20.19');
    const readme = read('README.md');
    expect(readme).toContain('Node 20.19');
    expect(readme).toContain('Node 22.12');
  });
});
