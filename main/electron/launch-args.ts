/** Reading Masthead's own switches from Electron's argv (Chromium leaves unknown ones alone). */
import { resolve } from 'node:path';

/**
 * The folder given with `--repo DIR` or `--repo=DIR`, made absolute against `cwd`, or null.
 * argv is Electron's full argv (`electron . --repo x`, or `Masthead --repo x` when packaged).
 */
export function repoArgument(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--repo='))
      return arg.length > '--repo='.length ? resolve(cwd, arg.slice('--repo='.length)) : null;
    if (arg === '--repo') {
      const value = argv[i + 1];
      return value && !value.startsWith('--') ? resolve(cwd, value) : null;
    }
  }
  return null;
}
