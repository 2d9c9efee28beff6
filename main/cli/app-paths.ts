/**
 * Locates Masthead's own files at run time. The CLI runs both bundled (out/main/cli.js) and from
 * source (tests), so paths are found by walking up to the package, not by fixed `../..` hops.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder of the nearest package.json named "masthead" above `fromPath`. */
export function findAppRoot(fromPath: string): string {
  let dir = resolve(fromPath);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'masthead') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Masthead's package.json was not found above ${fromPath}.`);
    dir = parent;
  }
}

/** The built renderer web mode serves: `$MASTHEAD_RENDERER_DIR`, else `<appRoot>/out/renderer`. */
export function rendererDirFor(appRoot: string, env: NodeJS.ProcessEnv): string {
  return env.MASTHEAD_RENDERER_DIR ? resolve(env.MASTHEAD_RENDERER_DIR) : join(appRoot, 'out', 'renderer');
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
