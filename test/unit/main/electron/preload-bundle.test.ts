// The built preload as Electron loads it. A sandboxed preload can require only 'electron': any other
// require() throws when the window opens, and the page gets no window.masthead. Built here (preload
// only, into a temp folder) so a dependency the contract pulls in cannot slip out of the bundle.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const projectRoot = resolve('.');
// `.masthead-tmp-*` is git-ignored.
const buildDir = join(projectRoot, `.masthead-tmp-preload-${randomBytes(4).toString('hex')}`);

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

it('requires nothing but electron, so it loads in the sandbox', () => {
  const build = spawnSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', buildDir],
    { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, MASTHEAD_BUILD_TARGETS: 'preload' } },
  );
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  const preload = readFileSync(join(buildDir, 'preload', 'preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  expect(new Set(required)).toEqual(new Set(['electron']));
}, 120_000);
